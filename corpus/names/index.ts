/**
 * Every place and group of the gazetteer named in the languages of the region's press: Arabic
 * (ar), Sorani Kurdish in Arabic script (ckb), Kurmanji Kurdish in Latin script (kmr), Turkish
 * (tr), French (fr) and German (de), each name an alias with its language.
 *
 * - Countries: the names of the `i18n-iso-countries` dataset (ar, ku = Kurmanji, tr, fr, de; it
 *   has no Sorani), leaving out its formal "Name, Qualifier" forms; the press's usual forms it
 *   lacks are curated beside the rest. Its acronyms (ABD, USA) are case-sensitive: "Abd" is a name.
 * - Everything else is curated in ./places.ts and ./groups.ts; an entity with no name in a
 *   language says why, and forms not checked against an outlet's usage are marked `unsure`.
 * - German names get their declined forms (lib/text/languages/german.ts).
 * - A name already an alias of the entity after normalising (Irak = Irak, Îraq = Iraq) is not
 *   added twice; the first spelling, language and flags win.
 */
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import de from 'i18n-iso-countries/langs/de.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import ku from 'i18n-iso-countries/langs/ku.json';
import tr from 'i18n-iso-countries/langs/tr.json';
import type { Alias, Entity } from '../../lib/corpus/types';
import { normalizeAlias } from '../../lib/text/normalize';
import { germanForms } from '../../lib/text/languages/german';
import { groupNames } from './groups';
import { placeNames } from './places';
import { type LocalNames, PRESS_LANGS, type PressLang } from './types';

for (const locale of [ar, de, fr, ku, tr]) countries.registerLocale(locale);

/** The dataset's locale for each press language (none for Sorani). */
const DATASET_LOCALE: Partial<Record<PressLang, string>> = { ar: 'ar', kmr: 'ku', tr: 'tr', fr: 'fr', de: 'de' };

/** ISO 3166-1 code of each country of the gazetteer. */
const COUNTRY_CODES: Readonly<Record<string, string>> = {
  syria: 'SY', iraq: 'IQ', 'united-states': 'US', russia: 'RU', canada: 'CA', jordan: 'JO', israel: 'IL',
  yemen: 'YE', somalia: 'SO', 'south-sudan': 'SS', afghanistan: 'AF',
};

export const pressNames: Readonly<Record<string, LocalNames>> = { ...placeNames, ...groupNames };

/** The dataset's names of a country in one language ([] if none). */
export function datasetNames(entityId: string, lang: PressLang): string[] {
  const code = COUNTRY_CODES[entityId];
  const locale = DATASET_LOCALE[lang];
  if (!code || !locale) return [];
  const got: string[] | undefined = countries.getName(code, locale, { select: 'all' });
  return (got ?? []).filter((n) => !n.includes(', ')).map((n) => (/^[\p{Lu}.]+$/u.test(n) ? `=${n}` : n)); // ABD ≠ Abd
}

/** A name in the notation of ./types.ts as an alias. */
function parse(name: string, lang: PressLang): Alias {
  const m = /^(=?)(~?)(.*)$/u.exec(name)!;
  const a: Alias = { text: m[3]!, lang };
  if (m[1]) a.caseSensitive = true;
  if (m[2]) a.ambiguous = true;
  return a;
}

/** The entity with its names in every press language added to its aliases. */
export function withPressNames(e: Entity): Entity {
  const local = pressNames[e.id];
  if (!local) return e;
  const seen = new Set(e.aliases.map((a) => normalizeAlias(a.text).folded));
  const aliases = [...e.aliases];
  const add = (a: Alias) => {
    const key = normalizeAlias(a.text).folded;
    if (seen.has(key)) return;
    seen.add(key);
    aliases.push(a);
  };
  for (const lang of PRESS_LANGS) {
    const names = local[lang];
    const listed = typeof names === 'string' ? [] : names;
    for (const name of [...listed, ...datasetNames(e.id, lang)]) {
      const a = parse(name, lang);
      add(a);
      if (lang === 'de') for (const form of germanForms(a.text, e.type === 'place')) add({ ...a, text: form });
    }
  }
  return { ...e, aliases };
}
