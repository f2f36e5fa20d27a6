/**
 * The languages' rules, as tables the normaliser and matcher read (one file per language):
 *  - `LETTER_FOLD`: letters that match as another letter (applied after diacritics are stripped).
 *  - `startsName`: may a name start inside a word, after these letters? (Arabic clitics.)
 *  - `SENTENCE_ABBREVIATIONS`: abbreviations whose period never ends a sentence, in any of the
 *    languages (the splitter does not know a text's language; Intl.Segmenter's sentence rules are
 *    the same for every locale in the engines we run in, so the language is in this table).
 * Pure logic: no DOM, no `browser`.
 */
import { ARABIC_ABBREVIATIONS, ARABIC_FOLD, isArabicUnit, isProcliticRun } from './arabic';
import { FRENCH_ABBREVIATIONS } from './french';
import { GERMAN_ABBREVIATIONS } from './german';
import { STROKED_FOLD } from './latin';
import { TURKISH_FOLD } from './turkish';

export const LETTER_FOLD: Readonly<Record<string, string>> = { ...STROKED_FOLD, ...TURKISH_FOLD, ...ARABIC_FOLD };

/**
 * A name whose first (folded) unit is `first` is preceded, inside its word, by the folded letters
 * `run`: does the name still start here? True for Arabic-script names after clitics (والرقة).
 * French elision (l'État, d'Alep) and Turkish suffixes need nothing: the apostrophe is no letter.
 */
export function startsName(run: string, first: number): boolean {
  return isArabicUnit(first) && isProcliticRun(run);
}
export const SENTENCE_ABBREVIATIONS: readonly string[] = [...FRENCH_ABBREVIATIONS, ...GERMAN_ABBREVIATIONS, ...ARABIC_ABBREVIATIONS];
export { GERMAN_MONTHS } from './german';
export { MAX_PROCLITIC as MAX_PREFIX_RUN, articleVariant } from './arabic';
