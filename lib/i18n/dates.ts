/**
 * A source's date in the interface language. A document's date is stored with an English label:
 * the date written out ("October 2016", "17 October 2016": `writtenDate(date, 'en-GB')`, made by
 * lib/userCorpus/draft.ts dateLabel) or a curated one ("autumn 2016", "mid-2017"). In another
 * language, a label that is the date written out is written again by Intl.DateTimeFormat
 * ("octobre 2016", "أكتوبر 2016"), a season or part of a year through its key, anything else as it is.
 */
import type { MessageKey, T } from './keys';
import { lazyBy } from '../lazy';

const PARTS = new Map<string, MessageKey>([
  ['spring', 'dateSpring'],
  ['summer', 'dateSummer'],
  ['autumn', 'dateAutumn'],
  ['winter', 'dateWinter'],
  ['early', 'dateEarly'],
  ['mid', 'dateMid'],
  ['late', 'dateLate'],
]);

/** "2016-10" → "October 2016" in `lang` (year, year-month or full date); "" when `date` is not one. */
export function writtenDate(date: string, lang: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date.trim());
  if (!m) return '';
  const [, y, mo, d] = m;
  return formatOf(lang, !!mo, !!(mo && d)).format(Date.UTC(Number(y), mo ? Number(mo) - 1 : 0, d ? Number(d) : 1));
}

/** One formatter per language and date shape (making one takes ~0.5 ms: an import labels every document). */
const FORMATS = lazyBy((key) => {
  const [lang, shape] = key.split('|') as [string, string];
  return new Intl.DateTimeFormat(lang, { year: 'numeric', timeZone: 'UTC', ...(shape !== 'y' ? { month: 'long' } : {}), ...(shape === 'ymd' ? { day: 'numeric' } : {}) });
});
const formatOf = (lang: string, month: boolean, day: boolean): Intl.DateTimeFormat => FORMATS(`${lang}|${day ? 'ymd' : month ? 'ym' : 'y'}`);

/** A stored date label in the language of `t` (English: as stored). */
export function localDateLabel(label: string, date: string | undefined, t: T): string {
  if (t.lang === 'en') return label;
  if (date && label === writtenDate(date, 'en-GB')) return writtenDate(date, t.lang);
  const m = /^(spring|summer|autumn|winter|early|mid|late)[ -](\d{4})$/i.exec(label.trim());
  const key = m && PARTS.get(m[1]!.toLowerCase());
  // (The year as a string: a number would be grouped, "2,016".)
  return key ? t(key, m[2]!) : label;
}
