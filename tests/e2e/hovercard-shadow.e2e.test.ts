/**
 * A page built from web components (tests/fixtures/components.html): articles rendered into open
 * shadow roots, nested, with slotted light-DOM text, a closed shadow root, a component attached
 * after load and an edit inside a shadow tree. What a reader sees: every name in an open shadow
 * tree underlined, in the shadow tree's own styles too (a document's rules do not reach it);
 * nothing of the closed one; later changes followed; the page's DOM, shadow trees included,
 * left as it was. Shared set-up: tests/e2e/hoverSuite.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { highlightedTexts, pageHtml } from './content';
import { useHoverSuite } from './hoverSuite';

const suite = useHoverSuite();

/** The page's DOM with every open shadow tree's markup, as the page itself can read it. */
function composedHtml(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const serializer = new XMLSerializer(); // reads the markup; nothing is written into the page
    const visit = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          out.push(`${el.localName}#${el.id}: ${[...el.shadowRoot.childNodes].map((n) => serializer.serializeToString(n)).join('')}`);
          visit(el.shadowRoot);
        }
      }
    };
    visit(document);
    return out.join('\n');
  });
}

/** The underline style the text of `selector` (in the feed's first card) gets from our highlight. */
function underlineInShadow(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.getElementById('feed')!.shadowRoot!.querySelector('news-card')!.shadowRoot!.querySelector('.body')!;
    return getComputedStyle(body, '::highlight(counterpoint)').textDecorationLine;
  });
}

describe('a page built from web components', () => {
  it('underlines names in open shadow trees (nested, slotted), never in a closed one, and follows their changes', async () => {
    const { page, errors, report } = await suite.open('components.html');
    const before = await composedHtml(page);
    await expect.poll(() => highlightedTexts(page).then((t) => t.sort())).toEqual(['Mosul', 'Palmyra', 'Raqqa']);
    expect(report.entities.map((e: { id: string }) => e.id).sort()).toEqual(['mosul', 'palmyra', 'raqqa']);
    expect(await underlineInShadow(page)).toBe('underline');
    // The page's DOM is what the page made it: the same as without the extension.
    expect(await pageHtml(page)).toBe(await suite.plainHtml('components.html'));

    // A component attached after load, and an edit inside a nested shadow tree.
    await page.evaluate(() => (window as unknown as { addLaterCard(): void }).addLaterCard());
    await expect.poll(() => highlightedTexts(page).then((t) => t.sort()), { timeout: 5000 }).toEqual(['Aleppo', 'Mosul', 'Palmyra', 'Raqqa']);
    await page.evaluate(() => (window as unknown as { editFeed(): void }).editFeed());
    await expect.poll(() => highlightedTexts(page).then((t) => t.sort()), { timeout: 5000 }).toEqual(['Aleppo', 'Mosul', 'Palmyra', 'Tikrit']);

    // Its shadow trees too: nothing of ours in them, only the page's own edit.
    expect(before).not.toContain('counterpoint');
    const after = await composedHtml(page);
    expect(after).not.toContain('counterpoint');
    expect(after).toContain('Tikrit');
    expect(errors).toEqual([]);
    await page.close();
  });
});
