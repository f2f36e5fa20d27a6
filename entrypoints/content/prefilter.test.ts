// @vitest-environment happy-dom
/**
 * The whole-page scan's plan (happy-dom): parts whose rendered text has no name are skipped,
 * parts that may hold one are narrowed to their block children, and nothing is split where a
 * name could run across two elements.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Matcher } from '../../lib/text/matcher';
import { MAX_READ_ELEMENTS, planPart, type Plan } from './prefilter';

const matcher = new Matcher([
  { text: 'Mosul', entityId: 'mosul', caseSensitive: false, ambiguous: false },
  { text: 'Deir ez-Zor', entityId: 'deir-ez-zor', caseSensitive: false, ambiguous: false },
]);
const mayMatch = (t: string) => matcher.mayMatch(t);

/** Every part the scan would walk (as the scanner runs the plan), by its first words. */
function walked(root: Element): string[] {
  const out: string[] = [];
  const parts: Array<[Element, number]> = [[root, 0]];
  for (let part = parts.pop(); part; part = parts.pop()) {
    const [el, depth] = part;
    const plan: Plan = planPart(el, depth, mayMatch);
    if (plan === 'split') for (let c = el.lastElementChild; c; c = c.previousElementSibling) parts.push([c, depth + 1]);
    else if (plan === 'walk') out.push((el.textContent ?? '').trim().slice(0, 20));
  }
  return out;
}

/** An element with children (text for strings), built node by node. */
function h(tag: string, ...children: Array<Node | string>): HTMLElement {
  const el = document.createElement(tag);
  el.append(...children);
  return el;
}

function page(...children: Node[]): HTMLElement {
  document.body.replaceChildren(...children);
  return document.body;
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('planPart', () => {
  it('skips a page that names nothing, walking none of it', () => {
    expect(walked(page(h('header', h('a', 'Skip'), ' ', h('nav', 'Home · World')), h('main', h('p', 'Markets rose on Monday.'))))).toEqual([]);
  });

  it('narrows a page with a name down to the block that holds it', () => {
    const got = walked(
      page(h('a', 'Skip to content'), h('header', h('nav', 'Home · World')), h('main', h('p', 'Weather today.'), h('p', 'The battle for Mosul went on.')), h('footer', 'About us')),
    );
    expect(got).toEqual(['The battle for Mosul']);
  });

  it('does not split where a name runs across inline elements, or where a block has text of its own', () => {
    expect(walked(page(h('div', h('a', 'Deir'), ' ', h('a', 'ez-Zor'))))).toEqual(['Deir ez-Zor']);
    expect(walked(page(h('div', 'Near ', h('p', 'the city'), ' Mosul')))).toEqual(['Near the city Mosul']);
  });

  it('walks a part holding an open shadow tree, whose text innerText does not show', () => {
    const host = h('div', 'A component');
    host.attachShadow({ mode: 'open' }).append('Mosul');
    const body = page(h('section', h('p', 'Weather.'), host), h('p', 'Sport.'));
    expect(walked(body)).toEqual(['A component']);
  });

  it('splits a part too big to read at once without reading its text', () => {
    const body = page(h('div', ...Array.from({ length: MAX_READ_ELEMENTS }, () => h('p', 'x'))), h('div', h('p', 'Mosul')));
    const read = vi.spyOn(HTMLElement.prototype, 'innerText', 'get');
    expect(walked(body)).toEqual(['Mosul']);
    expect(read.mock.contexts).not.toContain(body);
  });
});
