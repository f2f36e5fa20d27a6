/**
 * Every locale says everything: each English key (the reference) exists in Arabic and French, a
 * countable message has every plural category its language has (Intl.PluralRules), no locale
 * carries a key English lacks, and each translation keeps the `$1`… its English message fills in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LANGUAGES, type LocaleMessages } from './translate';

const DIR = join(import.meta.dirname, '../../public/_locales');
const load = (lang: string) => JSON.parse(readFileSync(join(DIR, lang, 'messages.json'), 'utf8')) as LocaleMessages;
const en = load('en');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const slots = (m: string) => [...new Set(m.match(/\$\d/g) ?? [])].sort();

/** The English keys as messages: a plural `x_one`/`x_other` as the base `x`. */
const bases = new Map<string, string[]>();
for (const key of Object.keys(en)) {
  const base = PLURAL.test(key) ? key.replace(PLURAL, '') : key;
  bases.set(base, [...(bases.get(base) ?? []), key]);
}
const isPlural = (base: string) => bases.get(base)!.some((k) => k !== base);

describe('locales', () => {
  it('are the interface languages, each a folder of public/_locales', () => {
    expect(readdirSync(DIR).sort()).toEqual([...UI_LANGUAGES].sort());
  });

  it.each(UI_LANGUAGES)('%s has every message, in every plural form its language has, and nothing else', (lang) => {
    const messages = load(lang);
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const expected = [...bases.keys()].flatMap((base) => (isPlural(base) ? categories.map((c) => `${base}_${c}`) : [base]));
    expect(Object.keys(messages).sort()).toEqual(expected.sort());
    for (const [key, { message }] of Object.entries(messages)) expect(message.trim(), key).not.toBe('');
  });

  it.each(UI_LANGUAGES.filter((l) => l !== 'en'))('%s fills in what English fills in', (lang) => {
    const messages = load(lang);
    for (const [base, keys] of bases) {
      const want = slots(en[keys.find((k) => k.endsWith('_other')) ?? base]!.message).filter((s) => !isPlural(base) || s !== '$1');
      for (const key of Object.keys(messages).filter((k) => k === base || (isPlural(base) && k.replace(PLURAL, '') === base))) {
        const got = slots(messages[key]!.message).filter((s) => !isPlural(base) || s !== '$1');
        expect(got, `${lang} ${key}`).toEqual(want);
      }
    }
  });

  it('translates: the Arabic and French interfaces are not English under other names', () => {
    for (const lang of ['ar', 'fr']) {
      const messages = load(lang);
      const same = Object.keys(en).filter((k) => en[k]!.message === messages[k]?.message && /[a-z]{4}/.test(en[k]!.message));
      // The brand, and French words spelt as in English (source, passage, mention, action, original, document, description, import).
      const cognates = ['kindAlliance', 'kindCoalition', 'kindOrganisation', 'kindProvince', 'documentCount_one', 'documentCount_other', 'entityDescription', 'importWord', 'filterMentions', 'filterSource', 'mentionWord_one', 'mentionWord_other', 'mentions_one', 'mentions_other', 'passages_one', 'passages_other', 'readerOriginal', 'shortcutsAction', 'sources_one', 'sources_other'];
      expect(same.sort(), lang).toEqual(['extName', ...(lang === 'fr' ? cognates : [])].sort());
    }
  });
});
