/**
 * German: names decline. A name of adjectives before a noun takes -en after an article or
 * preposition ("die Freie Syrische Armee" → "der Freien Syrischen Armee", "Islamischer Staat" →
 * "den Islamischen Staat", "Vereinte Nationen" → "den Vereinten Nationen"), and a one-word place
 * takes the genitive -s ("Syriens", "Mossuls"). The matcher works on whole words, so these forms
 * are added as aliases when the gazetteer is built (`germanForms`), rather than matched by rule:
 * the automaton grows, the page scan does not. Hyphenated compounds ("IS-Miliz", "IS-Kämpfer")
 * need nothing: the hyphen separates words, so "IS" is found in them.
 * Pure logic: no DOM, no `browser`.
 */

/** An adjective ending that becomes -en in the weak and mixed declension. */
const ADJECTIVE_END = /(?:e|er|es)$/;
/** A genitive -s is not added after these (Damaskus, Graz, Halifax). */
const SIBILANT_END = /[sßxz]$/i;

/**
 * The inflected forms of a German name, the name itself excluded: adjectives before a capitalised
 * word take -en (only when followed by one, so "Achse des Widerstands" stays); a one-word place
 * takes -s.
 */
export function germanForms(name: string, place: boolean): string[] {
  const words = name.split(' ');
  const out: string[] = [];
  if (words.length > 1) {
    let changed = false;
    const declined = words.map((w, i) => {
      const next = words[i + 1];
      if (next === undefined || !/^\p{Lu}/u.test(next) || w.length < 4 || !ADJECTIVE_END.test(w)) return w;
      changed = true;
      return w.replace(ADJECTIVE_END, 'en');
    });
    if (changed) out.push(declined.join(' '));
  } else if (place && !name.includes('-') && !SIBILANT_END.test(name)) {
    out.push(name + 's');
  }
  return out;
}

/** Abbreviations whose period never ends a sentence ("z. B.", "bzw.", "vgl.", "Nr."). */
export const GERMAN_ABBREVIATIONS = ['z', 'bzw', 'vgl', 'ca', 'nr', 'hr', 'str', 'sog', 'evtl', 'ggf']; // not "u.", "d.": initials in English

/** Months: "am 3. Oktober" is a date (an ordinal's period), not the end of a sentence. */
export const GERMAN_MONTHS = new Set([
  'januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember',
]);
