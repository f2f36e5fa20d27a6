/**
 * Turkish: dotted and dotless i. "İ" loses its dot as a combining mark (NFD) and "ı" has no
 * decomposition, so both are folded here to i: "IŞİD" = "Işid" = "ışid", "Irak" = "ırak". Lower
 * casing is done one code unit at a time without a locale, so "I" → "i" as in every other
 * language of the gazetteer. Suffixes follow a proper name after an apostrophe (Rakka'nın,
 * Suriye'deki), which is not a word character: the name ends at it and alone is underlined.
 */
export const TURKISH_FOLD: Readonly<Record<string, string>> = { 'ı': 'i' };
