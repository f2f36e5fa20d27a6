/**
 * French: elision needs no rule (l’État islamique, d’Alep: the apostrophe is not a letter, so the
 * name starts after it, and apostrophe look-alikes are folded). What the sentence splitter must
 * know: abbreviations whose period never ends a sentence (Mme, env., cf. "M." is an initial).
 */
export const FRENCH_ABBREVIATIONS = ['mme', 'mmes', 'mlle', 'mgr', 'env', 'av', 'pp'];
