/**
 * Hover cards in real Chromium on every real page in ../shared/pages (served from localhost, read
 * in place, never copied; skipped with a message when that folder is absent): traps stay silent,
 * war reporting gets underlines and a card, and the DOM is as without the extension. Shared set-up:
 * tests/e2e/hoverSuite.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { highlightedTexts, pageHtml, waitCard } from './content';
import { useHoverSuite } from './hoverSuite';
import { hasRealPages, REAL_PAGES_DIR } from './server';

const suite = useHoverSuite();
const { open, plainHtml, lookup } = suite;

/* ── Real pages (../shared/pages) ─────────────────────────────────────────────────────────── */

interface RealPage {
  file: string;
  what: string;
}

const realPages: RealPage[] = hasRealPages()
  ? readFileSync(join(REAL_PAGES_DIR, 'PAGES.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const [file, what] = line.split('\t');
        return { file: file!, what: what! };
      })
  : [];

const TRAPS = new Set([
  'readability__clean-links.html',
  'readability__article-author-tag.html',
  'trafilatura__hist.eval.benchmark.finalrun-input.431.html',
]);
const NO_ENTITY = new Set(['newspaper4k__cnn_test_nlp.html']);
// On these four pages nothing may be underlined at all. That needs the gazetteer to treat names that
// are not about the wars themselves (United States, U.S., Canada, Russia, the Pentagon, Middle East)
// as ambiguous: they then count only next to a conflict-specific mention (ambiguity gate).
const expectsCards = (p: RealPage) => /^(ISIS-era|Iraq war)/.test(p.what);

describe.skipIf(!hasRealPages())('real pages (../shared/pages)', () => {
  const results: string[] = [];
  afterAll(() => {
    if (results.length) console.log(`\nReal pages (Chromium):\n${results.join('\n')}`);
  });

  it.each(realPages)('$file: $what', async ({ file, what }) => {
    const path = `real/${file}`;
    const { page, errors, report } = await open(path);
    const texts = await highlightedTexts(page);
    let cardName = '-';
    try {
      if (TRAPS.has(file) || NO_ENTITY.has(file)) {
        expect(report.entities, `corpus entities found on ${file}`).toEqual([]);
        expect(texts).toEqual([]);
      }
      if (expectsCards({ file, what }) || file === 'GoOse__dailymail.co.uk.html') {
        expect(texts.length).toBeGreaterThan(0);
        // Hover underlined mentions in turn (an overlay of the page may cover some): a card opens,
        // named after one of the entities the page mentions.
        const names = await Promise.all(report.entities.map(async (e) => (await lookup(e.id)).entity.name as string));
        for (let i = 0; i < Math.min(texts.length, 4) && cardName === '-'; i++) {
          const at = await page.evaluate((i) => {
            const r = [...(globalThis as any).CSS.highlights.get('counterpoint')][i] as StaticRange;
            (r.startContainer.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const range = document.createRange();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            const rect = range.getClientRects()[0];
            return rect && rect.width > 0 ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
          }, i);
          if (!at) continue;
          await page.mouse.move(1, 1);
          await page.mouse.move(at.x, at.y, { steps: 2 });
          const card = await waitCard(page, 4000).catch(() => null);
          if (card) {
            cardName = card.name;
            await page.keyboard.press('Escape');
          }
        }
        expect(names).toContain(cardName);
      }
      expect(errors).toEqual([]);
    } finally {
      results.push(
        `  ${file.padEnd(58)} mentions ${String(texts.length).padStart(3)}  entities ${report.entities
          .slice(0, 4)
          .map((e) => `${e.id}×${e.count}`)
          .join(' ')}${report.entities.length > 4 ? ' …' : ''}  card ${cardName}  scan ${report.scanMs} ms (longest slice ${report.maxSliceMs} ms)`,
      );
      await page.close();
    }
  });

  it.each(realPages.filter((p) => !p.file.startsWith('newspaper4k')))('$file: the DOM is as without the extension', async ({ file }) => {
    const path = `real/${file}`;
    // Pages whose own scripts make a different DOM on every load cannot be compared.
    const [a, b] = [await plainHtml(path, 1500), await plainHtml(path, 1500)];
    if (a !== b) return console.log(`  ${file}: DOM differs between two plain loads; not compared`);
    const { page } = await open(path);
    await page.waitForTimeout(700);
    expect(await pageHtml(page)).toBe(a);
    await page.close();
  });
  // Long tasks and slice lengths are wall-clock figures: `npm run bench` measures them (a busy
  // machine must not fail a test).
});
