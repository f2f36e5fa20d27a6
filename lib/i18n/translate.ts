/**
 * The interface's languages and how a message is looked up: pure, so the extension's pages
 * (platform/i18n.ts), the components (components/i18n.ts) and the tests agree. The messages are
 * the browser's own format (`public/_locales/<lang>/messages.json`, one `message` per key, `$1`…`$9`
 * substituted in order), loaded by us rather than by `browser.i18n.getMessage`, which always
 * answers in the browser's language: the options page can choose another one.
 *
 * Plurals: a countable message has one key per CLDR plural category of its language,
 * `<base>_one`, `<base>_other`, and for Arabic also `_zero`, `_two`, `_few`, `_many`; `plural()`
 * picks with Intl.PluralRules and falls back to `<base>_other`.
 *
 * Numbers: a number substituted into a message is written by Intl.NumberFormat in the message's
 * language ("12,345", "12 345"; Arabic's digits as its CLDR data says), the one place counts are
 * formatted (`t.number` for the rare number shown outside a message).
 */
import { lazy, lazyBy } from '../lazy';

/** One entry of a messages.json file (the browser's i18n format). */
export interface LocaleMessage {
  message: string;
  description?: string;
}
export type LocaleMessages = Readonly<Record<string, LocaleMessage>>;

export const UI_LANGUAGES = ['en', 'ar', 'fr'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
/** The setting: follow the browser's language, or one of ours. */
export type LanguageSetting = 'auto' | UiLanguage;
export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['auto', ...UI_LANGUAGES];

/** Each language named in itself, for the language picker (the same in every interface language). */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { en: 'English', ar: 'العربية', fr: 'Français' };

const RTL: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur', 'ckb', 'ps', 'yi']);

export type Direction = 'ltr' | 'rtl';

/** A BCP 47 tag's writing direction, by its primary language. */
export function directionOf(lang: string): Direction {
  return RTL.has(lang.toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';
}

/** The interface language: the setting when it names one, else the first of the browser's languages we have, else English. */
export function resolveLanguage(setting: LanguageSetting, browserLanguages: readonly string[]): UiLanguage {
  if (setting !== 'auto') return setting;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const found = UI_LANGUAGES.find((l) => l === base);
    if (found) return found;
  }
  return 'en';
}

/** Keys of the form `<base>_other` name a countable message `<base>`. */
export type PluralBase<K extends string> = K extends `${infer B}_other` ? B : never;

/** `t(key, ...subs)`: the message for `key`, `$1`… replaced by `subs`; the fallback language's when this one lacks it. */
export interface Translator<K extends string = string> {
  (key: K, ...subs: Array<string | number>): string;
  lang: UiLanguage;
  dir: Direction;
  /** `n` as this language writes numbers (Intl.NumberFormat). */
  number(n: number): string;
  /** The countable message `base` for `count` (`$1` is the count, then `subs`). */
  plural(base: PluralBase<K>, count: number, ...subs: Array<string | number>): string;
}

/** First-strong isolate … pop directional isolate: a substituted name keeps its own direction. */
const isolate = (s: string) => `\u2068${s}\u2069`;

const numberFormat = lazyBy((lang) => new Intl.NumberFormat(lang));

/** `n` as written in `lang` (Intl.NumberFormat, one formatter per language). */
function formatNumber(n: number, lang: string): string {
  return numberFormat(lang).format(n);
}

function substitute(message: string, subs: ReadonlyArray<string | number>, lang: string, rtl: boolean): string {
  return message.replace(/\$(\d|\$)/g, (all, d: string) => {
    if (d === '$') return '$';
    const sub = subs[Number(d) - 1];
    if (sub === undefined) return all;
    // In a right-to-left sentence a Latin name (a source, a place, a query) is isolated, so that
    // the words and punctuation around it keep their order ("$1 — بحسب ما أورده $2").
    if (typeof sub === 'number') return formatNumber(sub, lang);
    return rtl ? isolate(sub) : sub;
  });
}

export function makeTranslator<K extends string>(lang: UiLanguage, messages: LocaleMessages, fallback: LocaleMessages = messages): Translator<K> {
  // Made on the first plural: the first Intl.PluralRules of a process loads the ICU plural data,
  // and background.js makes its English translator as it starts (the worker's cold start), and
  // every page as it loads, most of them before (or without) counting anything.
  const rules = lazy(() => new Intl.PluralRules(lang));
  const rtl = directionOf(lang) === 'rtl';
  const lookup = (key: string) => messages[key]?.message ?? fallback[key]?.message;
  const t = (key: K, ...subs: Array<string | number>) => substitute(lookup(key) ?? key, subs, lang, rtl);
  return Object.assign(t, {
    lang,
    dir: directionOf(lang),
    number: (n: number) => formatNumber(n, lang),
    plural: (base: PluralBase<K>, count: number, ...subs: Array<string | number>) => {
      const message = lookup(`${base}_${rules().select(count)}`) ?? lookup(`${base}_other`) ?? base;
      return substitute(message, [count, ...subs], lang, rtl);
    },
  });
}
