/**
 * Whether a mention takes part in its clause's event, read from the words of the clause before it
 * (lower-case, determiners dropped) and the text after it. Used by lib/card/aboutness.ts for the
 * mentions that are neither a subject nor right after a verb:
 *
 *   setting  a place where the clause's event happens, named with a preposition:
 *            fronted   "In Syria, it is still in al Raqqa…", "In Syria now ISIS has…"
 *            subject   "Schools in Tikrit reopened", "the wells near Qayyarah would burn"
 *            adverbial "controls wide areas in Syria", "has been displacing process towards
 *                      Deir ez-Zor", "killed 14 people at a gas plant in Baghdad"
 *            — not a tag deep inside a noun phrase ("hold on oil fields in Iraq", "87 percent of
 *            its territory in Iraq"): a preposition other than a locative one between the verb
 *            and the place stops it.
 *   agent    a group the event is done to, for or by, in a clause with its own verb: "lost
 *            nearly a thousand kilometers to the FSA troops and the Turkish army", "losing
 *            Palmyra city for the regime army", "targeted by the Coalition strikes" — each list
 *            item that carries its own event is about the actor it names.
 *   argument a coordinated object of a verb with no preposition between: "keep the war going
 *            and the Syrian Army busy".
 *
 * Pure; no word list names a conflict, a side or a place.
 */

const LOCATIVE = new Set(['in', 'inside', 'across', 'throughout', 'near', 'outside', 'at', 'on', 'towards', 'toward', 'within', 'around', 'over', 'along', 'into', 'through', 'beyond', 'under', 'behind', 'beside']);
/** Where a place can sit inside a longer place phrase and still locate the event ("at a gas plant in Baghdad"); not a direction ("the highway towards Korsa"). */
const CHAIN = new Set(['in', 'inside', 'across', 'throughout', 'near', 'outside', 'at', 'within', 'around', 'along']);
/** Prepositions through which an event reaches a group: "lost … to", "for", "by", "against". */
const AGENT = new Set(['to', 'for', 'by', 'against']);
const OTHER_PREPOSITIONS = new Set(['of', 'on', 'from', 'with', 'about', 'between', 'via', 'like', 'than', 'after', 'before', 'since', 'during', 'despite', 'including', 'among', 'per', 'as', 'to', 'for', 'by', 'against']);
const AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'been', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'should', 'does', 'did', 'do', 'remain', 'remains', 'stay', 'stays']);
const FRONTED = /^\s*(?:(?:but|and|yet|now|today|meanwhile|still|even)\s*,?\s+)?(?:in|inside|across|throughout|around|near|outside|at|over|along|within)\s+(?:the\s+)?$/i;
const FINITE = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|remains?|\p{Ll}{3,}(?:ed|s))\b/u;
const VERB_AFTER =
  /^\s+(?:(?:also|still|now|already|never|not|only|then|itself|once|again)\s+)?(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did|remains?|\p{Ll}{3,}ed)\b/u;

export type EventRole = 'setting' | 'agent' | 'argument';

/**
 * @param words   the clause's words before the mention, lower-case, trailing determiners dropped
 * @param before  the sentence's text before the mention; `after`: after it
 * @param isVerb  the caller's test of a verb form ("lost", "controls", "displacing")
 */
export function eventRole(words: readonly string[], before: string, after: string, type: 'place' | 'group' | undefined, isVerb: (w: string) => boolean, relative = false): EventRole | undefined {
  // A relative clause describes a noun; its event is not the sentence's ("Dr. Ostrin, who runs the clinic in Korsa").
  if (relative) return undefined;
  let end = words.length - 1;
  // "…to the FSA troops and the Turkish army": a conjunct shares the preposition of the one before it.
  if (words[end] === 'and' || words[end] === 'or') {
    let j = end - 1;
    while (j >= 0 && end - j <= 4 && !LOCATIVE.has(words[j]!) && !OTHER_PREPOSITIONS.has(words[j]!) && !isVerb(words[j]!) && !AUX.has(words[j]!)) j--;
    if (j < 0 || end - j > 4) return undefined;
    if (isVerb(words[j]!) || AUX.has(words[j]!)) return 'argument';
    end = j;
  }
  const prep = words[end];
  if (!prep) return undefined;
  if (type === 'place' && LOCATIVE.has(prep)) {
    if (FRONTED.test(before) && FINITE.test(after)) return 'setting';
    const clause = words.slice(0, end);
    if (clause.length <= 6 && !clause.some((w) => isVerb(w) || AUX.has(w)) && VERB_AFTER.test(after)) return 'setting';
    // "There is no victory on the Ardel Coast": what there is at a place.
    if (clause[0] === 'there' && COPULA.has(clause[1] ?? '') && clause.length <= 6) return 'setting';
    const chains = CHAIN.has(prep);
    return verbWithin(words, end, 8, (w) => (chains ? !CHAIN.has(w) : true) && (OTHER_PREPOSITIONS.has(w) || LOCATIVE.has(w)), isVerb) ? 'setting' : undefined;
  }
  if (type === 'group' && AGENT.has(prep)) return verbWithin(words, end, 6, (w) => OTHER_PREPOSITIONS.has(w) || LOCATIVE.has(w), isVerb) ? 'agent' : undefined;
  return undefined;
}

/** A copula is the event only when the place follows it at once ("is still in Kirkook"), not a noun ("is the group's stronghold in Iraq"). */
const COPULA = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'remain', 'remains', 'stay', 'stays']);
const ADVERB = new Set(['still', 'now', 'already', 'also', 'mostly', 'mainly', 'largely', 'only', 'once', 'again', 'even', 'partly', 'not', 'never']);

/** A verb within `max` words before words[at], with no word that `stops` between. */
function verbWithin(words: readonly string[], at: number, max: number, stops: (w: string) => boolean, isVerb: (w: string) => boolean): boolean {
  for (let j = at - 1; j >= 0 && at - j <= max; j--) {
    const w = words[j]!;
    if (COPULA.has(w)) return words.slice(j + 1, at).every((x) => ADVERB.has(x));
    if (isVerb(w) || AUX.has(w)) return true;
    if (stops(w)) return false;
  }
  return false;
}
