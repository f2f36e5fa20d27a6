import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { englishGazetteer, gazetteer } from '../gazetteer';
import { Matcher, patternsFromEntities } from '../../lib/text/matcher';
import { applyAmbiguityGate } from '../../lib/text/ambiguity';
import { normalizeAlias } from '../../lib/text/normalize';
import { BRIEFS, TRAPS_PAGE } from '../../tests/fixtures/briefs';
import { datasetNames, pressNames } from '.';
import { PRESS_LANGS } from './types';

const matcher = new Matcher(patternsFromEntities(gazetteer));

/** The underlined text of a fixture page: its paragraphs' text, matched, through the gate. */
function underlined(file: string, m = matcher): string[] {
  const html = readFileSync(new URL(`../../tests/fixtures/${file}`, import.meta.url), 'utf8');
  const { document } = parseHTML(html);
  const text = [...document.querySelectorAll('h1, h2, p')].map((p) => p.textContent).join('\n');
  return applyAmbiguityGate(m.findAll(text)).map((x) => text.slice(x.start, x.end));
}

/** A page's text without scripts and styles, matched, through the gate. */
function underlinedText(html: string, m: Matcher): string[] {
  const { document } = parseHTML(html);
  for (const n of document.querySelectorAll('script, style, noscript, template')) n.remove();
  const text = document.body?.textContent ?? '';
  return applyAmbiguityGate(m.findAll(text)).map((x) => text.slice(x.start, x.end));
}

describe('names in the languages of the region’s press', () => {
  it('names every place and group in every language, or says why not', () => {
    for (const e of gazetteer) {
      const local = pressNames[e.id];
      expect(local, e.id).toBeDefined();
      for (const lang of PRESS_LANGS) {
        const names = local![lang];
        if (typeof names === 'string') {
          expect(names.length, `${e.id} ${lang}: a reason`).toBeGreaterThan(10);
          continue;
        }
        expect(names.length, `${e.id} ${lang}`).toBeGreaterThan(0);
        // Each name is an alias of the entity (itself, or a spelling it folds to).
        const folded = new Set(e.aliases.map((a) => normalizeAlias(a.text).folded));
        for (const n of names) expect(folded.has(normalizeAlias(n.replace(/^=?~?/, '')).folded), `${e.id} ${n}`).toBe(true);
      }
    }
    expect(Object.keys(pressNames).sort()).toEqual(gazetteer.map((e) => e.id).sort());
  });

  it('gives every added alias its language, and takes countries’ names from the dataset', () => {
    const syria = gazetteer.find((e) => e.id === 'syria')!;
    expect(syria.aliases).toEqual(expect.arrayContaining([
      // Turkish "Suriye" folds to Kurmanji "Sûriye", listed first: one alias.
      { text: 'سوريا', lang: 'ar' }, { text: 'Sûriye', lang: 'kmr' }, { text: 'Sûrî', lang: 'kmr' }, { text: 'Syrie', lang: 'fr' },
      { text: 'Syrien', lang: 'de', caseSensitive: true }, { text: 'Syriens', lang: 'de', caseSensitive: true },
    ]));
    expect(datasetNames('syria', 'kmr')).toEqual(['Sûrî']);
    expect(datasetNames('united-states', 'tr')).toEqual(expect.arrayContaining(['=ABD', 'Amerika'])); // "Abd" is a name
    expect(datasetNames('syria', 'de')).toEqual([]); // only "Syrien, Arabische Republik": formal forms are left out
    expect(datasetNames('syria', 'ckb')).toEqual([]); // the dataset has no Sorani
    expect(datasetNames('raqqa', 'ar')).toEqual([]);
  });

  it('declines German names: adjectives before a noun, a place’s genitive', () => {
    const texts = (id: string) => gazetteer.find((e) => e.id === id)!.aliases.filter((a) => a.lang === 'de').map((a) => a.text);
    expect(texts('free-syrian-army')).toEqual(expect.arrayContaining(['Freie Syrische Armee', 'Freien Syrischen Armee']));
    expect(texts('united-nations')).toEqual(expect.arrayContaining(['Vereinte Nationen', 'Vereinten Nationen']));
    expect(texts('mosul')).toEqual(expect.arrayContaining(['Mossul', 'Mossuls']));
    expect(texts('damascus')).toEqual(['Damaskus']); // no -s after a sibilant
    expect(texts('axis-of-resistance')).toEqual(['Achse des Widerstands']); // "Achse" is no adjective
  });

  it('are all left out of the English-only gazetteer (the benchmark’s page-scan baseline), and nothing else is', () => {
    expect(englishGazetteer).toEqual(gazetteer.map((e) => ({ ...e, aliases: e.aliases.filter((a) => !a.lang) })));
    expect(englishGazetteer.flatMap((e) => e.aliases).length).toBeLessThan(gazetteer.flatMap((e) => e.aliases).length / 2);
  });
});

describe('news briefs as each press writes them', () => {
  for (const { file, expected } of BRIEFS) {
    it(`underlines every expected name on ${file}, and nothing else`, () => {
      expect(underlined(file)).toEqual(expected);
    });
  }

  it('underlines nothing on the page of traps in four languages (no page about the wars)', () => {
    expect(underlined(TRAPS_PAGE)).toEqual([]);
    // The gate, not missing names: the same words count once a name specific to the wars is there.
    const text = 'موصل كهربائي في الرقة. koalisyon ortakları. la coalition. Die Koalition.';
    expect(applyAmbiguityGate(matcher.findAll(text)).map((m) => text.slice(m.start, m.end))).toEqual([
      'موصل', 'الرقة', 'koalisyon', 'la coalition', 'Die Koalition',
    ]);
  });
});

const REAL_PAGES = new URL('../../../shared/pages/', import.meta.url);

describe.skipIf(!existsSync(REAL_PAGES))('the real English pages (../shared/pages)', () => {
  it('get no underline from the names in other languages (no alias folds to an English word there)', () => {
    const english = new Matcher(patternsFromEntities(englishGazetteer));
    for (const file of readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(new URL(file, REAL_PAGES), 'utf8');
      expect(underlinedText(html, matcher), file).toEqual(underlinedText(html, english));
    }
  }, 180_000); // parsing 4 MB of HTML on a loaded machine: a limit, not a timing assertion
});
