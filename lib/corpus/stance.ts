/**
 * How a passage frames the fighting it describes — a label that holds for any war, place, group
 * or document, from a small lexicon of general news wording (no word list is about one conflict,
 * one side or one document):
 *
 *   'progress' — GAINS: the fighting framed as decided or advancing: ground taken or retaken,
 *                a force defeated, routed, in retreat or losing ground, a place liberated,
 *                cleared or captured, a victory.
 *   'setback'  — COST: the fighting framed by its cost or as unresolved: people killed, wounded,
 *                displaced or besieged, destruction, victory denied ("no victory", "not
 *                defeated"), a force still holding out or regrouping, a war that "will not end".
 *   'neutral'  — no cue, or the two weigh the same.
 *
 * The label says how the text frames events, not who is right, and not whose side it takes: a
 * report of an army's gains and a rebel communiqué about the same gains are both 'progress'.
 *
 * How it works (deliberately simple, so a reader can predict it):
 *
 * 1. CUES is an ordered table of patterns compiled into ONE alternation regex scanned left to
 *    right; at a given position the earlier entry wins and matches never overlap, so specific
 *    phrases ("no victory", "killing dozens of fighters") come before generic words.
 * 2. Some cues carry a condition checked in the sentence that contains them (sentences from
 *    lib/text/sentences.ts, the project's one splitter):
 *      actor  — counts only if the sentence (or the one before) names an armed actor: a group the
 *               gazetteer knows (`actorSpans`), an acronym (two or more capitals), a generic
 *               force word (forces, army, troops, fighters, militants, rebels, "the group"…), or
 *               a they/their/them before the cue: "the rebels are retreating" yes, "the farmers
 *               lost their harvest" no.
 *      people — counts only if the sentence speaks of people (civilians, residents, families…).
 *      flight — "fled", "fleeing": cost when people flee, gains when an armed actor does.
 * 3. Negation: a 'negatable' cue preceded in its clause by not / no / never / n't / nor / without
 *    / cannot within four words flips to the other side ("no victory", "has not been defeated",
 *    "would not be liberated"); the cue then reads from the negator.
 * 4. Hypotheticals: a gains cue in a sentence with if / unless / whether before it, or after
 *    would / could / might in its clause, is only a hypothesis and counts for nothing. Cost cues
 *    are kept: a foreseen cost ("could displace 1.2 million civilians") is already a cost framing.
 *    A cue inside a name the gazetteer knows ("Maren Liberation Front") is not a cue.
 * 5. Entries with side 'neutral' are guards: they swallow reported or hedged talk of victory
 *    ("to claim victory", "stopped short of declaring victory") so it does not count.
 * 6. Weights are summed per side; the larger total wins; a tie is 'neutral'. The cues returned are
 *    the matched text (as written) of the winning side, in text order, without duplicates.
 */
import { splitSentences } from '../text/sentences';
import type { Stance } from './types';

export interface Cue {
  /** Regex source (no flags; matched case-insensitively, whole words). */
  pattern: string;
  stance: Stance;
  weight: number;
  /** Counts only if the sentence names an armed actor. */
  actor?: boolean;
  /** Counts only if the sentence mentions people. */
  people?: boolean;
  /** Cost when people are the ones fleeing, gains when an armed actor is. */
  flight?: boolean;
  /** With `actor`: also counts when a capitalised name follows ("lost Tikrit"). */
  namedObject?: boolean;
  /** Flips to the other side when negated. */
  negatable?: boolean;
}

const P = 'progress' as const;
const S = 'setback' as const;
const N = 'neutral' as const;

const FIGHTERS = `(?:militants|fighters|jihadists|terrorists|rebels|insurgents|soldiers|troops|gunmen|militiamen)`;

/** The lexicon, most specific first. */
export const CUES: readonly Cue[] = [
  // --- guards: reported, hedged or ironic talk of victory -------------------------------------
  { pattern: `stopped short of declaring (?:total |full |final )?victory`, stance: N, weight: 0 },
  { pattern: `(?:to |so as to )?claim(?:ing)? victory`, stance: N, weight: 0 },
  { pattern: `(?:speaking|speak|talking|talk) of victory`, stance: N, weight: 0 },
  { pattern: `victory is ours`, stance: N, weight: 0 },

  // --- gains: phrases -----------------------------------------------------------------------
  { pattern: `(?:on the verge of|close to|nearing) (?:a |an )?(?:devastating |total |final |complete )?defeat`, stance: P, weight: 2 },
  { pattern: `devastating defeat|decisive (?:victory|defeat)`, stance: P, weight: 2 },
  { pattern: `(?:lift(?:ed|ing)?|broke|break(?:ing)?|ended) the siege`, stance: P, weight: 2 },
  { pattern: `(?:have|has|had) not re-?taken`, stance: P, weight: 1, actor: true },
  { pattern: `no longer (?:have|has|hold|holds|control|controls)`, stance: P, weight: 1, actor: true },
  { pattern: `less of (?:a|an) (?:\\w+ )?threat`, stance: P, weight: 1 },
  { pattern: `not as (?:robust|strong|powerful|dangerous)`, stance: P, weight: 1 },
  { pattern: `kill(?:ed|ing|s)? (?:dozens|scores|hundreds|thousands|\\d[\\d,]*)(?: of)? (?:\\w+ )?${FIGHTERS}`, stance: P, weight: 1 },
  { pattern: `(?:symbolic|major|territorial|huge|heavy) loss(?:es)?`, stance: P, weight: 1, actor: true },
  { pattern: `loss of (?:\\w+ )?territory`, stance: P, weight: 1 },
  { pattern: `los(?:t|ing|es) (?:(?:\\w+ ){0,3}?(?:territory|ground|control|positions?|towns?|cities|city|villages?|bases?|stronghold|kilometers|kilometres))`, stance: P, weight: 1 },
  { pattern: `on the defensive|in retreat`, stance: P, weight: 1 },
  { pattern: `push(?:ing|ed)? back`, stance: P, weight: 1 },
  { pattern: `won back|took back|taken back|took control|taken control|taking control|recaptur(?:e|ed|es|ing)|retook|retak(?:e|en|es|ing)|regain(?:ed|ing|s)?`, stance: P, weight: 1, negatable: true },

  // --- cost: phrases --------------------------------------------------------------------------
  { pattern: `far from (?:being )?(?:defeated|over|finished|won|liberated|secure)`, stance: S, weight: 2 },
  { pattern: `not (?:be )?welcomed?|unwelcome`, stance: S, weight: 2 },
  { pattern: `still (?:controls?|holds?|in control|rules?|occup(?:y|ies))|holding out|hold(?:s)? out`, stance: S, weight: 2 },
  { pattern: `remains? under (?:their|its|the group['’]s|rebel|militant) control`, stance: S, weight: 1 },
  { pattern: `(?:is|are) still in`, stance: S, weight: 1, actor: true },
  { pattern: `(?:will|would) not (?:finish|end|stop)`, stance: S, weight: 2 },
  { pattern: `(?:has|have|had) not (?:yet )?(?:ended|finished|started)(?: yet)?`, stance: S, weight: 1 },
  { pattern: `not secured|stalemate|deadlock|bogged down|quagmire`, stance: S, weight: 1 },
  { pattern: `prolong(?:s|ed|ing)?|extend (?:this|the) war|keep the war going|war without end`, stance: S, weight: 1 },
  { pattern: `prosper again|regroup(?:s|ed|ing)?|resurg(?:ence|ent|ing)|infiltrat(?:e|ed|es|ing)|relocat(?:e|es|ed|ing)`, stance: S, weight: 1, actor: true },
  { pattern: `suffer(?:s|ed|ing)? (?:heavy |severe |huge )?(?:losses|casualties)`, stance: S, weight: 1 },
  { pattern: `(?:a lot |much |even )harder`, stance: S, weight: 1 },

  // --- gains: words ---------------------------------------------------------------------------
  { pattern: `triumph(?:s|ed|ant)?`, stance: P, weight: 2, negatable: true },
  { pattern: `victor(?:y|ies|ious)`, stance: P, weight: 1, negatable: true },
  { pattern: `liberat(?:e|ed|es|ing|ion)`, stance: P, weight: 1, negatable: true },
  { pattern: `defeat(?:s|ed|ing)?`, stance: P, weight: 1, negatable: true },
  { pattern: `rout(?:ed|ing)?|surrender(?:s|ed|ing)?`, stance: P, weight: 1, negatable: true },
  { pattern: `cleared|captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing)|advanc(?:e|ed|es|ing)`, stance: P, weight: 1, negatable: true },
  { pattern: `salvation`, stance: P, weight: 1 },
  { pattern: `retreat(?:s|ed|ing)?|withdr(?:ew|awn|awing)`, stance: P, weight: 1, actor: true, negatable: true },
  { pattern: `reeling|los(?:ing|es|t)`, stance: P, weight: 1, actor: true, namedObject: true, negatable: true },
  { pattern: `shrink(?:s|ing)?|shrank|shrunk`, stance: P, weight: 1, negatable: true },
  { pattern: `faltering|falters?|crumbl(?:e|es|ed|ing)|collaps(?:e|es|ed|ing)`, stance: P, weight: 1, actor: true, negatable: true },
  { pattern: `fled|flee(?:s|ing)?|scatter(?:s|ed|ing)?`, stance: P, weight: 1, flight: true },
  { pattern: `erod(?:e|es|ed|ing)|staunch(?:ed|ing)?|weaken(?:s|ed|ing)?`, stance: P, weight: 1, negatable: true },

  // --- cost: words ----------------------------------------------------------------------------
  { pattern: `displac(?:e|ed|es|ing|ement)|uproot(?:ed|ing)?|homeless`, stance: S, weight: 1, negatable: true },
  { pattern: `refugees?(?: camps?)?`, stance: S, weight: 1 },
  { pattern: `kill(?:ed|ing|s)?|wounded|injured|maimed`, stance: S, weight: 1, people: true, negatable: true },
  { pattern: `casualt(?:y|ies)|massacres?|atrocit(?:y|ies)|car bomb(?:s|ing|ings)?|shell(?:ed|ing)`, stance: S, weight: 1 },
  { pattern: `destruction|destroyed|devastation|devastated|ruins|razed|looted`, stance: S, weight: 1 },
  { pattern: `besieged|under siege|starv(?:ed|ing|ation)|famine|hunger`, stance: S, weight: 1 },
  { pattern: `escalat(?:e|es|ed|ing|ion)`, stance: S, weight: 1, negatable: true },
];

/** Generic words for an armed actor (any war); named groups come from the gazetteer. */
const ACTOR_WORDS = new RegExp(
  `\\b(?:forces|army|armies|troops|${FIGHTERS.slice(3, -1)}|militias?|guerrillas?|battalions?|brigades?|regime|enemy|(?:the|this|armed|terrorist|militant|rebel|extremist|jihadist) group)\\b`,
  'i',
);
/** An acronym names an organisation more often than not (two or more capitals). */
const ACRONYM = /\b\p{Lu}{2,}\b/u;
/** Pronouns stand for an actor only before the cue, as its likely subject. */
const ACTOR_PRONOUN = /\b(?:they|their|them)\b/i;
const PEOPLE = /\b(?:civilians?|people|residents?|children|women|families|villagers|inhabitants|displaced|refugees?|worshippers|students|patients|farmers|workers)\b/i;

const NEGATOR = /^(?:not|no|never|nor|without|cannot|hardly|n['’]t|\w+n['’]t)$/i;
/** Modals make a hypothesis of the clause they are in. */
const MODAL = /^(?:would|could|might|\w+['’]d)$/i;
/** Conditionals make a hypothesis of the whole sentence. */
const CONDITIONAL = /\b(?:if|unless|whether)\b/i;
/** Words that start a new clause for the negation/hypothesis look-back. */
const CONJUNCTION = /^(?:and|or|but|while|because|when|which|who|that|where|so|yet|although|though)$/i;
/** Characters that end a clause for the negation/hypothesis look-back. */
const CLAUSE_BREAK = /[,;:.!?—–()"“”]|\s-\s/g;

// One alternation, each entry in its own capture group, whole words only. `\b` and no `u` flag:
// the cues are English words, and it scans two to three times faster on large corpora.
const COMBINED = new RegExp(
  '\\b(?:' + CUES.map((c) => `(${c.pattern.replace(/(?<!\\)\((?!\?)/g, '(?:')})`).join('|') + ')\\b',
  'gi',
);

export interface StanceResult {
  stance: Stance;
  cues: string[];
}

export interface StanceOptions {
  /** Spans of `text` naming armed groups the gazetteer knows (for the `actor` condition). */
  actorSpans?: ReadonlyArray<readonly [number, number]>;
  /** Spans of `text` naming any entity: a cue inside a name ("Maren Liberation Front") is no cue. */
  nameSpans?: ReadonlyArray<readonly [number, number]>;
}

/** Label `text` (a passage or a sentence). See the module comment for the rules. */
export function stanceOf(text: string, opts: StanceOptions = {}): StanceResult {
  const found: Array<{ stance: Stance; weight: number; text: string }> = [];
  let sentences: Array<[number, number]> | null = null;
  COMBINED.lastIndex = 0;
  for (let m = COMBINED.exec(text); m; m = COMBINED.exec(text)) {
    let idx = 1;
    while (idx < m.length && m[idx] === undefined) idx++;
    const cue = CUES[idx - 1]!;
    if (cue.stance === 'neutral' || cue.weight === 0) continue;
    const cueEnd = m.index + m[0].length;
    if (opts.nameSpans?.some(([s, e]) => m.index >= s && cueEnd <= e)) continue;
    let stance: Stance = cue.stance;
    if (cue.actor || cue.people || cue.flight) {
      sentences ??= sentenceBounds(text);
      const at = containing(sentences, m.index);
      const [sStart, sEnd] = sentences[at]!;
      const sentence = text.slice(sStart, sEnd);
      const ctxStart = at > 0 ? sentences[at - 1]![0] : sStart;
      const actor = hasActor(text, ctxStart, sEnd, opts.actorSpans) || ACTOR_PRONOUN.test(text.slice(sStart, m.index));
      const people = PEOPLE.test(sentence);
      const named = cue.namedObject && /^\s+\p{Lu}/u.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
      if (cue.actor && !actor && !named) continue;
      if (cue.people && !people) continue;
      if (cue.flight) {
        if (people) stance = 'setback';
        else if (!actor) continue;
      }
    }
    let start = m.index;
    const before = cue.negatable || stance === 'progress' ? clauseWordsBefore(text, m.index) : [];
    const negator = cue.negatable ? before.slice(-4).find((w) => NEGATOR.test(w.word)) : undefined;
    if (negator) {
      stance = stance === 'progress' ? 'setback' : 'progress';
      start = negator.index; // show "no victory", "not been defeated"
    } else if (stance === 'progress' && isHypothesis(text, before, m.index)) {
      continue;
    }
    found.push({ stance, weight: cue.weight, text: text.slice(start, m.index + m[0].length) });
  }
  return decide(found);
}

function decide(found: ReadonlyArray<{ stance: Stance; weight: number; text: string }>): StanceResult {
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
    const key = f.text.toLowerCase();
    if (f.stance !== stance || seen.has(key)) continue;
    seen.add(key);
    cues.push(f.text);
  }
  return { stance, cues };
}

function isHypothesis(text: string, before: ReadonlyArray<{ word: string }>, pos: number): boolean {
  if (before.slice(-6).some((w) => MODAL.test(w.word))) return true;
  const sentenceStart = Math.max(text.lastIndexOf('.', pos - 1), text.lastIndexOf('\n', pos - 1)) + 1;
  return CONDITIONAL.test(text.slice(sentenceStart, pos));
}

function hasActor(text: string, from: number, to: number, spans: StanceOptions['actorSpans']): boolean {
  if (spans?.some(([s, e]) => s < to && e > from)) return true;
  const context = text.slice(from, to);
  return ACTOR_WORDS.test(context) || ACRONYM.test(context);
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

/** Sentence spans covering the whole text (gaps go to the sentence before). */
function sentenceBounds(text: string): Array<[number, number]> {
  const spans = splitSentences(text);
  if (spans.length === 0) return [[0, text.length]];
  return spans.map(([, e], i): [number, number] => [i === 0 ? 0 : spans[i - 1]![1], i === spans.length - 1 ? text.length : e]);
}

function containing(bounds: ReadonlyArray<[number, number]>, pos: number): number {
  for (let i = 0; i < bounds.length; i++) if (pos < bounds[i]![1]) return i;
  return bounds.length - 1;
}
