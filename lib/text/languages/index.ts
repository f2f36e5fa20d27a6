/**
 * The languages' rules, as tables the normaliser and matcher read (one file per language):
 *  - `LETTER_FOLD`: letters that match as another letter (applied after diacritics are stripped).
 *  - `startsName`: may a name start inside a word, after these letters? (Arabic clitics.)
 * Pure logic: no DOM, no `browser`.
 */
import { ARABIC_FOLD, isArabicUnit, isProcliticRun } from './arabic';
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
export { MAX_PROCLITIC as MAX_PREFIX_RUN, articleVariant } from './arabic';
