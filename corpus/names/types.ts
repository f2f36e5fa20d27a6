/**
 * One entity's names in one language, or why it has none. Notation of a name: a leading "~" makes
 * it ambiguous (it counts only on a page about the wars), "=" case-sensitive, "=~" both.
 */
export type LangNames = readonly string[] | string;

/** The languages of the region's press the gazetteer names every entity in. */
export const PRESS_LANGS = ['ar', 'ckb', 'kmr', 'tr', 'fr', 'de'] as const;
export type PressLang = (typeof PRESS_LANGS)[number];

export type LocalNames = Record<PressLang, LangNames> & {
  /** Which of these forms are transliterations or otherwise not checked (said, not invented). */
  unsure?: string;
};
