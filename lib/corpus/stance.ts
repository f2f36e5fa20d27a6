/**
 * Stance of a passage toward the course of the war against ISIS, from a small cue lexicon.
 *
 *   'progress' — the passage frames the war as going well for ISIS's opponents: victory,
 *                liberation, the group losing, retreating, shrinking, on the defensive…
 *   'setback'  — the passage frames it as going badly or as costly: civilians displaced or
 *                killed, destruction, "no victory", ISIS "not defeated", "still controls",
 *                troops "not welcomed", a war that "would not finish"…
 *   'neutral'  — no cue, or the two sides weigh the same.
 *
 * How it works (deliberately simple, so a reader can predict it):
 *
 * 1. CUES below is an ordered table of patterns. They are compiled into ONE alternation regex
 *    scanned left to right; at a given position the earlier entry wins, and matches never
 *    overlap. So the specific entries ("no victory", "losses have not stopped", "killing dozens
 *    of militants") come before the generic ones ("victory", "losses", "killing").
 * 2. Some cues carry a condition checked in the sentence that contains them:
 *      enemy    — counts only if the sentence (or the one before it) names ISIS (ISIS, Islamic
 *                 State, Daesh, the group, militants…) or a they/their/them comes before the cue:
 *                 "ISIS has lost Tikrit", "Their territory is shrinking" yes; "the farmers lost
 *                 their harvest" no.
 *      civilian — counts only if the sentence speaks of people (civilians, people, residents,
 *                 displaced…): "ISIS killed 14 people" yes, "the spokesman was killed" no.
 * 3. Negation: a 'negatable' cue preceded in its clause (no punctuation and no and / but /
 *    while / which… between) by not / no / never / n't / nor / without / cannot within four
 *    words flips to the other stance: "no victory", "has not been defeated", "would not be
 *    liberated" → setback; the cue then reads from the negator ("no victory").
 * 4. Hypotheticals: a progress cue in a sentence that has if / unless / whether before it, or
 *    preceded in its clause by would / could / might within six words, is only a hypothesis and
 *    counts for nothing ("If the US managed to liberate Mosul this would be a great victory").
 *    Setback cues are kept — a foreseen cost ("the battle could displace 1.2 million
 *    civilians") is already a setback framing.
 * 5. Entries with stance 'neutral' are guards: they swallow text so that a generic cue inside
 *    reported or ironic talk ("to claim victory", "stopped short of declaring total victory")
 *    does not count.
 * 6. Weights are summed per stance; the larger total wins; a tie is 'neutral'. The cues returned
 *    are the matched text (as written) of the winning side, in text order, without duplicates.
 */
import type { Stance } from './types';

export interface Cue {
  /** Regex source (no flags; matched case-insensitively, whole words). */
  pattern: string;
  stance: Stance;
  weight: number;
  /** Counts only if the sentence mentions ISIS or refers to it. */
  enemy?: boolean;
  /** Counts only if the sentence mentions civilians/people. */
  civilian?: boolean;
  /** Flips to the opposite stance when negated. */
  negatable?: boolean;
  /** Why it is there (documentation only). */
  note?: string;
}

const P = 'progress' as const;
const S = 'setback' as const;
const N = 'neutral' as const;

/** The lexicon, most specific first. */
export const CUES: readonly Cue[] = [
  // --- guards: reported, ironic or hypothetical talk of victory -------------------------------
  { pattern: `stopped short of declaring (?:total |full |final )?victory`, stance: N, weight: 0, note: 'hedged claim' },
  { pattern: `(?:to |so as to )?claim(?:ing)? victory`, stance: N, weight: 0, note: '"so as to claim victory" (001)' },
  { pattern: `(?:speaking|speak|talking|talk) of victory`, stance: N, weight: 0, note: 'reported talk' },
  { pattern: `victory is ours`, stance: N, weight: 0 },
  { pattern: `\\(?remaining and expanding\\)?`, stance: N, weight: 0, note: 'ISIS\'s motto, quoted (000)' },

  // --- progress: specific phrases -------------------------------------------------------------
  { pattern: `(?:on the verge of|close to|nearing) (?:a |an )?(?:devastating |total |final |complete )?defeat`, stance: P, weight: 2 },
  { pattern: `devastating defeat`, stance: P, weight: 2 },
  { pattern: `losses have not stopped`, stance: P, weight: 2, note: '000: "The terrorist group’s losses have not stopped"' },
  { pattern: `not (?:been )?expanding(?: anymore)?`, stance: P, weight: 1, note: '000: "not expanding anymore"' },
  { pattern: `(?:have|has) not re-?taken`, stance: P, weight: 1, enemy: true, note: '003: "They have not re-taken any territory"' },
  { pattern: `no longer (?:have|has|hold|holds|control|controls)`, stance: P, weight: 1, enemy: true },
  { pattern: `(?:ISIS|ISIL|Daesh|the group)['’]?s? (?:recent )?setbacks?`, stance: P, weight: 1, note: '003: "ISIS\' recent setbacks"' },
  { pattern: `harder for (?:ISIS|ISIL|Daesh|the group|them|the militants|the jihadists)`, stance: P, weight: 1 },
  { pattern: `less of (?:a|an) (?:\\w+ )?threat`, stance: P, weight: 1 },
  { pattern: `not as (?:robust|strong|powerful|dangerous)`, stance: P, weight: 1, note: '002: "and not as robust"' },
  { pattern: `damag(?:ed|ing|es) (?:ISIS['’]?s?|its|their|the group['’]s) hold`, stance: P, weight: 1 },
  { pattern: `kill(?:ed|ing|s)? (?:dozens|scores|hundreds|thousands|\\d[\\d,]*)(?: of)? (?:\\w+ )?(?:militants|fighters|jihadists|terrorists)`, stance: P, weight: 1 },
  { pattern: `(?:symbolic|major|territorial|huge|heavy) loss(?:es)?`, stance: P, weight: 1, enemy: true },
  { pattern: `loss of (?:\\w+ )?territory`, stance: P, weight: 1 },
  { pattern: `on the defensive`, stance: P, weight: 1 },
  { pattern: `in retreat`, stance: P, weight: 1, enemy: true },
  { pattern: `push(?:ing|ed)? back`, stance: P, weight: 1 },
  { pattern: `won back|took back|taken back|recaptur(?:e|ed|ing)|retook|regain(?:ed|ing)?`, stance: P, weight: 1 },
  { pattern: `(?:highly )?dispersed`, stance: P, weight: 1, enemy: true },

  // --- setback: specific phrases ------------------------------------------------------------
  { pattern: `defeated is not`, stance: S, weight: 2, note: '001: "What has been defeated is not ISIS"' },
  { pattern: `far from (?:being )?(?:defeated|over|finished|won|liberated)`, stance: S, weight: 2 },
  { pattern: `not (?:be )?welcomed?`, stance: S, weight: 2, note: '004: "Kurdish troops which are not welcomed"' },
  { pattern: `unwelcome`, stance: S, weight: 2 },
  { pattern: `still (?:controls?|holds?|in control|rules?)`, stance: S, weight: 2, note: '000: "still controls wide areas"' },
  { pattern: `remains? under (?:their|its|the group['’]s|ISIS['’]?) control`, stance: S, weight: 1 },
  { pattern: `(?:is|are) still in`, stance: S, weight: 1, enemy: true, note: '001: "ISIS is still in Kirkook"' },
  { pattern: `(?:will|would) not (?:finish|end|stop)`, stance: S, weight: 2, note: '000: "would not finish any time soon"' },
  { pattern: `(?:has|have|had) not (?:yet )?(?:ended|finished|started)(?: yet)?`, stance: S, weight: 1, note: '"the war has not ended", "the real battle has not started yet"' },
  { pattern: `not secured`, stance: S, weight: 1 },
  { pattern: `prolong(?:s|ed|ing)?|extend (?:this|the) war|keep the war going`, stance: S, weight: 1 },
  { pattern: `prosper again|regroup(?:s|ed|ing)?|resurg(?:ence|ent|ing)|infiltrat(?:e|ed|es|ing)`, stance: S, weight: 1 },
  { pattern: `(?:a lot |much |even )?harder`, stance: S, weight: 1, note: '004: "making the battle of Raqqa a lot harder"' },
  { pattern: `targeted by (?:the )?(?:coalition|US|U\\.S\\.|Russian|Syrian|regime)?(?: air)? ?strikes?`, stance: S, weight: 1 },

  // --- progress: single words -----------------------------------------------------------------
  { pattern: `triumph(?:s|ed|ant)?`, stance: P, weight: 2, negatable: true },
  { pattern: `victor(?:y|ies|ious)`, stance: P, weight: 1, negatable: true },
  { pattern: `liberat(?:e|ed|es|ing|ion)`, stance: P, weight: 1, negatable: true },
  { pattern: `defeat(?:s|ed|ing)?`, stance: P, weight: 1, negatable: true },
  { pattern: `rout(?:ed|ing)?`, stance: P, weight: 1, negatable: true },
  { pattern: `cleared`, stance: P, weight: 1, negatable: true },
  { pattern: `salvation`, stance: P, weight: 1 },
  { pattern: `retreat(?:s|ed|ing)?`, stance: P, weight: 1, enemy: true, negatable: true },
  { pattern: `reeling`, stance: P, weight: 1, enemy: true, negatable: true },
  { pattern: `los(?:ing|es|t)`, stance: P, weight: 1, enemy: true, negatable: true },
  { pattern: `losses`, stance: P, weight: 1, enemy: true },
  { pattern: `shrink(?:s|ing)?|shrank|shrunk`, stance: P, weight: 1, enemy: true, negatable: true },
  { pattern: `faltering|falters?|crumbl(?:e|es|ed|ing)|collaps(?:e|es|ed|ing)`, stance: P, weight: 1, enemy: true, negatable: true },
  { pattern: `fled|flee(?:s|ing)?|scatter(?:s|ed|ing)?`, stance: P, weight: 1, enemy: true },
  { pattern: `erod(?:e|es|ed|ing)|staunch(?:ed|ing)?|weaken(?:s|ed|ing)?`, stance: P, weight: 1, negatable: true },

  // --- setback: single words ------------------------------------------------------------------
  { pattern: `displac(?:e|ed|es|ing|ement)`, stance: S, weight: 1, negatable: true },
  { pattern: `refugees?(?: camps?)?`, stance: S, weight: 1 },
  { pattern: `kill(?:ed|ing|s)?`, stance: S, weight: 1, civilian: true, negatable: true },
  { pattern: `casualt(?:y|ies)|massacres?|car bomb(?:s|ing|ings)?`, stance: S, weight: 1 },
  { pattern: `destruction|destroyed|devastation|ruins`, stance: S, weight: 1 },
  { pattern: `besieged|under siege|starv(?:ed|ing|ation)`, stance: S, weight: 1 },
  { pattern: `escalat(?:e|es|ed|ing|ion)`, stance: S, weight: 1, negatable: true },
  { pattern: `dishonest|complacent`, stance: S, weight: 1 },
  { pattern: `remaining|remain`, stance: S, weight: 1, enemy: true, note: '000 "the group is remaining", 002 "100 ISIS fighters remain"' },
  { pattern: `relocat(?:e|es|ed|ing)`, stance: S, weight: 1, enemy: true },
  { pattern: `far from`, stance: S, weight: 1 },
];

/** References to ISIS, for `enemy` cues. "IS" only in capitals. */
const ENEMY_CASED = /\b(?:ISIS|ISIL|IS|Daesh)\b/;
const ENEMY_WORDS = /\b(?:islamic state|caliphate|khilafa|(?:the |terrorist |extremist |jihadist )group|militants?|jihadists?|terrorists?|insurgents?|extremists?)\b/i;
/** Pronouns stand for the enemy only before the cue, as its likely subject ("Their territory is
 *  shrinking"), not after it ("the farmers lost their harvest"). */
const ENEMY_PRONOUN = /\b(?:they|their|them)\b/i;

/** References to people, for `civilian` cues. */
const CIVILIAN = /\b(?:civilians?|people|residents?|children|women|families|villagers|inhabitants|displaced|refugees?|worshippers|students)\b/i;

const NEGATOR = /^(?:not|no|never|nor|without|cannot|hardly|n['’]t|\w+n['’]t)$/i;
/** Modals make a hypothesis of the clause they are in. */
const MODAL = /^(?:would|could|might|\w+['’]d)$/i;
/** Conditionals make a hypothesis of the whole sentence ("If the army liberates the city, it will be a victory"). */
const CONDITIONAL = /\b(?:if|unless|whether)\b/i;
/** Words that start a new clause for the purpose of negation/hypothesis look-back. */
const CONJUNCTION = /^(?:and|or|but|while|because|when|which|who|that|where|so|yet|although|though)$/i;
/** Characters that end a clause for the purpose of negation/hypothesis look-back. */
const CLAUSE_BREAK = /[,;:.!?—–()"“”]|\s-\s/g;

// One alternation, each entry in its own capture group, whole words only. `\b` (ASCII word
// boundaries) and no `u` flag rather than Unicode look-arounds: the cues are English words, and
// it scans two to three times faster, which matters for 10,000-document corpora.
const COMBINED = new RegExp(
  '\\b(?:' + CUES.map((c) => `(${c.pattern.replace(/(?<!\\)\((?!\?)/g, '(?:')})`).join('|') + ')\\b',
  'gi',
);

export interface StanceResult {
  stance: Stance;
  cues: string[];
}

/** Classify `text` (a passage or a sentence). See the module comment for the rules. */
export function stanceOf(text: string): StanceResult {
  const found: Array<{ stance: Stance; weight: number; text: string }> = [];
  let sentences: Array<[number, number]> | null = null;
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(text); m; m = COMBINED.exec(text)) {
    if (m[0].length === 0) {
      COMBINED.lastIndex++;
      continue;
    }
    let idx = 1;
    while (idx < m.length && m[idx] === undefined) idx++;
    const cue = CUES[idx - 1]!;
    if (cue.stance === 'neutral' || cue.weight === 0) continue;
    sentences ??= sentenceBounds(text);
    const at = containing(sentences, m.index);
    const sentenceStart = sentences[at]![0];
    if (cue.enemy || cue.civilian) {
      const sentence = text.slice(sentenceStart, sentences[at]![1]);
      // An enemy may be named in the previous sentence and referred to later ("it is a symbolic loss").
      const context = at > 0 ? text.slice(sentences[at - 1]![0], sentences[at]![1]) : sentence;
      const enemy =
        ENEMY_CASED.test(context) || ENEMY_WORDS.test(context) || ENEMY_PRONOUN.test(text.slice(sentenceStart, m.index));
      if (cue.enemy && !enemy) continue;
      if (cue.civilian && !CIVILIAN.test(sentence)) continue;
    }
    let stance: Stance = cue.stance;
    let start = m.index;
    // Only negatable and progress cues look back (setback cues that cannot be negated never do).
    const before = cue.negatable || stance === 'progress' ? clauseWordsBefore(text, m.index) : [];
    const negator = cue.negatable ? before.slice(-4).find((w) => NEGATOR.test(w.word)) : undefined;
    if (negator) {
      stance = stance === 'progress' ? 'setback' : 'progress';
      start = negator.index; // show "no victory", "not been defeated"
    } else if (
      stance === 'progress' &&
      (before.slice(-6).some((w) => MODAL.test(w.word)) || CONDITIONAL.test(text.slice(sentenceStart, m.index)))
    ) {
      continue;
    }
    found.push({ stance, weight: cue.weight, text: text.slice(start, m.index + m[0].length) });
  }
  let progress = 0;
  let setback = 0;
  for (const f of found) {
    if (f.stance === 'progress') progress += f.weight;
    else if (f.stance === 'setback') setback += f.weight;
  }
  if (progress === setback) return { stance: 'neutral', cues: [] };
  const stance: Stance = progress > setback ? 'progress' : 'setback';
  const cues: string[] = [];
  const seen = new Set<string>();
  for (const f of found) {
    if (f.stance !== stance) continue;
    const key = f.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    cues.push(f.text);
  }
  return { stance, cues };
}

/** The words of the current clause before `pos`, with their offsets in `text`. */
function clauseWordsBefore(text: string, pos: number): Array<{ word: string; index: number }> {
  const from = Math.max(0, pos - 80);
  const chunk = text.slice(from, pos);
  CLAUSE_BREAK.lastIndex = 0;
  let cut = 0;
  for (let b = CLAUSE_BREAK.exec(chunk); b; b = CLAUSE_BREAK.exec(chunk)) cut = b.index + b[0].length;
  const words: Array<{ word: string; index: number }> = [];
  const re = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
  re.lastIndex = cut;
  for (let w = re.exec(chunk); w; w = re.exec(chunk)) {
    if (CONJUNCTION.test(w[0])) words.length = 0; // "has not ended and is escalating": a new clause
    else words.push({ word: w[0], index: from + w.index });
  }
  return words;
}

/** Rough sentence bounds for the enemy/civilian conditions (split after . ! ? and line breaks). */
function sentenceBounds(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /[.!?]+["'’”]*\s+|\n+/g;
  let s = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push([s, m.index + m[0].length]);
    s = m.index + m[0].length;
  }
  out.push([s, text.length]);
  return out;
}

function containing(bounds: Array<[number, number]>, pos: number): number {
  for (let i = 0; i < bounds.length; i++) if (pos < bounds[i]![1]) return i;
  return bounds.length - 1;
}
