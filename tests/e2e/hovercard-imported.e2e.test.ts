/**
 * A reader's own document reaches the card of the place it speaks of (issue 17), end to end in
 * Chromium with the built extension: field notes that name Qayyarah only in prepositional phrases
 * ("The smoke over Qayyarah…", "the wells near Qayyarah…") are imported through the options page's
 * file input, and the Qayyarah card on a fixture page shows their passage first — before the
 * bundled corpus's passing mention of the town, which stays, labelled as passing.
 * Shared set-up: tests/e2e/hoverSuite.ts (its extension page is the options page).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hoverText, waitCard } from './content';
import { useHoverSuite } from './hoverSuite';
import { FIXTURES_DIR } from './server';

const suite = useHoverSuite();
const TITLE = 'Winter notes from the Tigris';
const PASSAGE = 'The smoke over Qayyarah turned the snow grey';

describe('an imported document about a place named with prepositions', () => {
  it('is imported through the options page’s file input', async () => {
    const options = suite.extPage;
    await options.getByRole('heading', { name: /Your documents/ }).waitFor();
    await options.setInputFiles('#import-files', join(FIXTURES_DIR, 'import', 'tigris-notes.md'));
    await expect.poll(() => options.getByRole('group', { name: 'tigris-notes.md' }).getByLabel('Title').inputValue()).toBe(TITLE);
    await options.getByRole('button', { name: 'Save document' }).click();
    await options.getByRole('status').filter({ hasText: `Saved “${TITLE}”` }).waitFor();
  });

  it('is the first thing the place’s card quotes, with its source', async () => {
    const { page, errors } = await suite.open('tigris.html');
    await hoverText(page, 'Qayyarah');
    const card = await waitCard(page);
    expect(card.name).toBe('Qayyarah');
    const text = card.text.toLowerCase(); // (section titles are drawn in capitals)
    const says = text.indexOf('what the sources say');
    expect(says).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(PASSAGE.toLowerCase())).toBeGreaterThan(says);
    expect(card.sources[0]).toBe(TITLE);
    // The bundled corpus's list of camps still shows, set apart as a passing mention, after it.
    expect(text.indexOf('mentioned in passing')).toBeGreaterThan(text.indexOf(PASSAGE.toLowerCase()));
    expect(text).toContain('qaiara in refugee camps');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('its second passage is on the card too, and nothing is only counted', async () => {
    const card = await suite.lookup('qayyarah');
    const texts = card.excerpts.map((e: { passage: { text: string } }) => e.passage.text);
    expect(texts[0]).toContain(PASSAGE);
    expect(texts.some((t: string) => t.includes('the wells near Qayyarah would burn for months'))).toBe(true);
    expect(card.alsoMentioned ?? 0).toBe(0);
  });
});
