/**
 * The web-component page (tests/fixtures/components.html) in Firefox ESR: names in open shadow
 * trees underlined, styled by our sheet adopted in the shadow tree (through the page's own
 * CSSStyleSheet there: Firefox's Xray wrappers), the closed root left alone. The Chromium test of
 * the same page, with later changes: tests/e2e/hovercard-shadow.e2e.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { until, useFirefoxSuite } from './firefox';

const suite = useFirefoxSuite();

describe('Firefox ESR, a page built from web components', () => {
  it('underlines names in open shadow trees, in the shadow tree’s own styles, never in a closed one', async () => {
    const page = await suite.ff.browser.newPage();
    await page.goto(`${suite.server.origin}/components.html`, { waitUntil: 'load' });
    const texts = () =>
      page.evaluate(() => {
        const h = (globalThis as any).CSS?.highlights?.get('counterpoint');
        return h ? [...h].map((r: StaticRange) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset)).sort() : [];
      });
    expect(await until(texts, (t) => t.length >= 3)).toEqual(['Mosul', 'Palmyra', 'Raqqa']);
    const underline = await page.evaluate(() => {
      const body = document.getElementById('feed')!.shadowRoot!.querySelector('news-card')!.shadowRoot!.querySelector('.body')!;
      return getComputedStyle(body, '::highlight(counterpoint)').textDecorationLine;
    });
    expect(underline).toBe('underline');
    await page.close();
  });
});
