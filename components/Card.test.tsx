/**
 * The card as markup (what the card page, entrypoints/card/, renders in its frame), rendered by Preact into linkedom's DOM (WXT's own HTML parser, so no extra
 * dependency): corpus text stays text, mentions of the entity are marked, the dialog is named by
 * the entity, and the buttons call back.
 */
import { ENGLISH } from '../lib/i18n/english';
import { parseHTML } from 'linkedom';
import { render } from 'preact';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityCard, Excerpt } from '../lib/messages/protocol';
import { dateText } from '../lib/views/sourceLabel';
import { STANCE_LABEL } from '../lib/views/stanceLabel';
import type { SourceMeta, Stance } from '../lib/corpus/types';
import { Card, type CardContent, type CardProps } from './Card';

const g = globalThis as Record<string, unknown>;
const saved: Record<string, unknown> = {};
let document: Document;

beforeAll(() => {
  const dom = parseHTML('<!doctype html><html><body></body></html>');
  document = dom.document;
  for (const k of ['document', 'window', 'Node', 'Element', 'HTMLElement', 'Text', 'SVGElement']) {
    saved[k] = g[k];
    g[k] = (dom as unknown as Record<string, unknown>)[k] ?? dom.window;
  }
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) g[k] = v;
});

const source = (id: string, perspective: string, extra: Partial<SourceMeta> = {}): SourceMeta => ({
  id,
  title: `Title ${id}`,
  author: `Author ${id}`,
  date: '2017-10',
  dateApproximate: true,
  dateLabel: 'October 2017',
  perspective,
  origin: 'seed',
  ...extra,
});

function excerpt(id: number, text: string, word: string, stance: Stance, src: SourceMeta): Excerpt {
  const mentions: Array<{ entityId: string; start: number; end: number }> = [];
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) mentions.push({ entityId: 'raqqa', start: i, end: i + word.length });
  return {
    passage: { id, docId: src.id, start: 0, end: text.length, text, mentions, entityIds: ['raqqa'], stance, stanceCues: ['liberating'] },
    source: src,
  };
}

const card: EntityCard = {
  entity: { id: 'raqqa', name: 'Raqqa', type: 'place', kind: 'city', description: 'City on the Euphrates.', sourceCount: 4 },
  totalSources: 5,
  excerpts: [
    excerpt(1, 'Fighters fled towards Raqqa <img src=x onerror="alert(1)"> at night.', 'Raqqa', 'setback', source('a', 'Activist')),
    excerpt(2, 'Raqqa was quiet; Raqqa waited.', 'Raqqa', 'neutral', source('b', 'US press', { titleSupplied: true })),
  ],
  viewpoints: [
    excerpt(3, 'Liberating Raqqa is a triumph.', 'Raqqa', 'progress', source('c', 'US press')),
    excerpt(4, 'There is no victory in Raqqa.', 'Raqqa', 'setback', source('d', 'Regional critic')),
  ],
};

function show(content: CardContent, overrides: Partial<CardProps> = {}) {
  const root = document.createElement('div');
  document.body.append(root);
  const props: CardProps = {
    content,
    pinned: false,
    headingId: 'h1',
    onPin: vi.fn(),
    onClose: vi.fn(),
    onCompare: vi.fn(),
    onSearch: vi.fn(),
    ...overrides,
  };
  render(<Card {...props} />, root);
  return { root, props };
}

describe('Card', () => {
  it('is a dialog named by the entity, with kind, coverage and description', () => {
    const { root } = show({ status: 'ready', card });
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('h1');
    expect(root.querySelector('#h1')!.textContent).toBe('Raqqa');
    expect(root.querySelector('.meta')!.textContent).toBe('City · in 4 of 5 sources');
    expect(root.textContent).toContain('City on the Euphrates.');
    // The scroll body is a named region a keyboard can reach.
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('What the corpus says about Raqqa');
    // (linkedom keeps the attribute's name as Preact wrote it; a browser lower-cases it.)
    expect(region.getAttribute('tabindex') ?? region.getAttribute('tabIndex')).toBe('0');
  });

  it('puts corpus text in as text, never as markup', () => {
    const { root } = show({ status: 'ready', card });
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">');
  });

  it('marks every mention of the entity and labels sources, dates and stances', () => {
    const { root } = show({ status: 'ready', card });
    const marks = [...root.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Raqqa', 'Raqqa', 'Raqqa', 'Raqqa', 'Raqqa']);
    // The shared source label (components/SourceLabel.tsx): title, byline, date, perspective.
    const labels = [...root.querySelectorAll('.source-label')];
    const parts = (l: Element) => [...l.querySelectorAll('.source-title, .source-byline, .source-date, .source-perspective')].map((e) => e.textContent);
    expect(parts(labels[0]!)).toEqual(['Title a', 'Author a', dateText(card.excerpts[0]!.source), 'Activist']);
    expect(labels[1]!.textContent).toContain('(title supplied)');
    // A viewpoint's label leaves out the perspective its heading already names.
    const vpLabel = root.querySelector('.viewpoint .source-label')!;
    expect(vpLabel.querySelector('.source-perspective')).toBeNull();
    // Viewpoints name the perspective in their heading, with the stance label beside it.
    const heads = [...root.querySelectorAll('.vp-head')].map((h) => h.textContent);
    // StanceBadge says "Stance: " to screen readers (visually hidden text).
    expect(heads).toEqual([`US pressStance: ${STANCE_LABEL.progress}`, `Regional criticStance: ${STANCE_LABEL.setback}`]);
  });

  it('calls back from its buttons', () => {
    const { root, props } = show({ status: 'ready', card });
    const click = (label: string) =>
      [...root.querySelectorAll('button')]
        .find((b) => (b.getAttribute('aria-label') ?? b.textContent) === label)!
        .dispatchEvent(new (g.window as typeof globalThis).Event('click'));
    click('Pin card');
    click('Close card');
    click('Compare sources');
    click('Search corpus');
    expect(props.onPin).toHaveBeenCalledOnce();
    expect(props.onClose).toHaveBeenCalledOnce();
    expect(props.onCompare).toHaveBeenCalledWith('raqqa');
    expect(props.onSearch).toHaveBeenCalledWith('Raqqa');
  });

  it('names who speaks next to a quoted excerpt, and offers the passages not shown', () => {
    const voiced: EntityCard = {
      ...card,
      alsoMentioned: 5,
      viewpoints: [
        { ...card.viewpoints[0]!, voice: { name: 'Ilham Ahmed', role: 'senior member of the SDF’s political wing', kind: 'quote', via: 'Boston Herald' } },
        { ...card.viewpoints[1]!, voice: { name: 'Author d', kind: 'author', via: 'Author d' } },
      ],
    };
    const { root, props } = show({ status: 'ready', card: voiced });
    expect([...root.querySelectorAll('.voice')].map((v) => v.textContent)).toEqual([
      'Ilham Ahmed, senior member of the SDF’s political wing — quoted by Boston Herald',
    ]);
    const also = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Also mentioned in 5 passages')!;
    also.dispatchEvent(new (g.window as typeof globalThis).Event('click'));
    expect(props.onSearch).toHaveBeenCalledWith('Raqqa');
  });

  it('sets passing mentions apart, after the viewpoints, under "Mentioned in passing"', () => {
    const passing: EntityCard = { ...card, excerpts: [card.excerpts[0]!, { ...excerpt(5, 'Aid reached Mosul, Raqqa and Aleppo.', 'Raqqa', 'neutral', source('e', 'Monitors')), inPassing: true }] };
    const { root } = show({ status: 'ready', card: passing });
    const sections = [...root.querySelectorAll('section')].map((s) => [s.querySelector('h3')!.textContent, [...s.querySelectorAll('blockquote')].map((q) => q.textContent)]);
    expect(sections).toEqual([
      ['What the sources say', ['Fighters fled towards Raqqa <img src=x onerror="alert(1)"> at night.']],
      ['Competing viewpoints', card.viewpoints.map((v) => v.passage.text)],
      ['Mentioned in passing', ['Aid reached Mosul, Raqqa and Aleppo.']],
    ]);
  });

  it('shows loading and error states under the mention’s name, and the pin state', () => {
    let { root } = show({ status: 'loading', label: 'Raqqah' }, { pinned: true });
    expect(root.querySelector('#h1')!.textContent).toBe('Raqqah');
    expect(root.querySelector('[role="dialog"]')!.getAttribute('aria-busy')).toBe('true');
    expect(root.querySelector('[aria-label="Pin card"]')!.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.foot')).toBeNull();
    ({ root } = show({ status: 'error', label: 'Raqqa', message: 'Could not load.' }));
    expect(root.querySelector('.status')!.textContent).toBe(ENGLISH('cardError'));
  });
});
