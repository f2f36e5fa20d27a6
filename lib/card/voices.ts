/**
 * Who speaks in a document: quotations and reported speech attributed to their speaker, with the
 * role the text gives them, across sentence boundaries. Runs at compile time (lib/corpus/compile.ts),
 * once per document; the result is stored on the passages (`Passage.speech`), so neither the
 * worker nor the content script ever parses text for it.
 *
 * Rules (news wording, no word list about one conflict):
 * - A sentence is attributed when, outside its quotation marks, it has a speech verb with a
 *   speaker: inverted (`“…,” said RAND Corp. analyst Colin Clarke`, `…, said professor Michael
 *   Corgan.`), plain (`McGurk said`, `the ministry announced`, `Iraqi officials have suggested`,
 *   `Brett McGurk, who serves as the US envoy, told reporters`), or `according to X`.
 * - A quotation left open at a sentence's end carries its speaker into the next sentences until it
 *   closes; a quotation opening a sentence without attribution continues the paragraph's last
 *   speaker (`“…,” McGurk said. “Their territory is shrinking.”`); he/she/they + verb is the last
 *   speaker named.
 * - Roles: the words before a name ending in a role noun (`Operation Inherent Resolve spokesman`,
 *   `Education Minister`), or an appositive after it (`Ilham Ahmed, a senior member of …`,
 *   `McGurk, who serves as the Special Envoy …`). A later bare surname ("Clarke said") resolves to
 *   the full name and role first given.
 * - A candidate speaker that is a place the gazetteer knows ("…, Aleppo, announced") is refused.
 *
 * `compromise` was tried for names and quotations and not kept: at ~45 KB/s it would take minutes
 * on the benchmark's 10,000-document corpus, and it tagged places (Jordan, Al Bab) as people,
 * which the gazetteer already knows better. Sentences come from lib/text/sentences.ts.
 */
import type { Passage, SourceMeta, Speech, Voice } from '../corpus/types';
import { splitSentences } from '../text/sentences';
import { lazy } from '../lazy';

export type { Speech };


const VERBS =
  'said|says|say|told|tells|added|adds|stated|declared|announced|announces|warned|warns|insisted|insists|claimed|claims|' +
  'explained|noted|wrote|writes|argued|argues|reported|reports|suggested|suggest|suggests|confirmed|confirms|acknowledged|' +
  'admitted|denied|estimated|asked|replied|recalled|predicted|vowed|urged|stressed|conceded|countered|promised|boasted';
const VERB = lazy(() => new RegExp(`\\b(?:${VERBS})\\b`, 'g'));
const AUX = /(?:\s+(?:has|have|had|also|later|again|then|have also|has also))+\s*$/;
const PRONOUN = /^(?:he|she|they|we|i)$/i;
const ROLE_NOUNS =
  /^(?:spokes(?:man|woman|person)|analyst|professor|aide|minister|envoy|commander|general|official|officials|adviser|advisor|president|leader|director|researcher|expert|mayor|governor|ambassador|secretary|chief|head|officer|representative|coordinator|journalist|activist|member|resident|doctor|nurse|worker|teacher|farmer|student|reporter|correspondent|editor|negotiator|mediator|observer|monitor|chairman|chairwoman|founder|fellow|historian|economist|lawyer|priest|imam|colonel|captain|major|sergeant|lieutenant|neighbour|neighbor|widow|mother|father|wife|husband|son|daughter|friend|colleague|trader|driver|shopkeeper|volunteer|survivor|witness|refugee|farmer|pilot|soldier|fighter|monitor)$/i;
const RANK = '(?:(?:Army|Navy|Air Force|Marine|Police|Brigadier) )?(?:(?:Col|Gen|Lt|Maj|Capt|Sgt|Dr|Prof|Gov|Sen|Rep|Mr|Mrs|Ms|Adm|Brig|Cmdr)\\. )?';
const TOKEN = "(?:(?:al|el|bin|ibn|de|da|van|von|abu|Abu|Al|El)[-\\s])?\\p{Lu}[\\p{L}\\p{M}’'-]*";
/** A person's name at the end of a phrase: up to four capitalised tokens, with a rank before. */
const NAME_AT_END = lazy(() => new RegExp(`(?<![\\p{L}\\p{M}.])${RANK}${TOKEN}(?:\\s+${TOKEN}){0,3}$`, 'u'));
const NOT_NAMES = /^(?:Many|Some|Others|Most|All|Few|Several|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Yesterday|Here|There|It|This|That|The|But|And)$/;
const QUOTE_OPEN = /[“"]/;
const RANK_WORD = /^(?:General|Colonel|Major|Captain|Lieutenant|Sergeant|Admiral|Commander)$/;
/** ", said a shopkeeper, Elen Dask." : a role, then the name in apposition. */
const ROLE_THEN_NAME = lazy(() => new RegExp(`^\\s*(?:[Aa]n?|[Tt]he)\\s+((?:[\\p{L}-]+\\s+){0,3}(?:${ROLE_NOUNS.source.slice(4, -2)})),\\s+(${TOKEN}(?:\\s+${TOKEN}){1,3})\\s*(?:[,;:]|\\.?\\s*$)`, 'u'));
/** "One can say", "it is fair to say": not a speaker. */
const MODAL_END = /\b(?:can|could|would|will|may|might|must|should|to|not|one)$/i;
const PASSIVE = /\b(?:as )?(?:confirmed|reported|announced|stated|claimed|said) by\s+([^,;:.]+?)\s*(?:[,;:]|\.?\s*$)/i;

interface Person {
  name: string;
  role?: string;
}

/** Spans of `body` where a place is named (a speaker there is refused). */
export type IsPlace = (start: number, end: number) => boolean;

/** Every attributed sentence of a document, in order. */
export function findSpeech(body: string, isPlace: IsPlace = () => false): Speech[] {
  const out: Speech[] = [];
  const people = learnPeople(body, isPlace); // surname → the fullest name and role seen
  let quoteOpen = false; // a quotation runs on past the sentence's end
  let open: Person | undefined; // its speaker, when known
  let pending: Array<{ start: number; end: number }> = []; // quoted sentences waiting for their attribution
  let last: Person | undefined; // last speaker named (for he/she)
  let paragraphLast: Person | undefined; // … in this paragraph (for a new quotation without attribution)
  let prevEnd = 0;
  const push = (start: number, end: number, who: Person, kind: Speech['kind']) =>
    out.push({ start, end, speaker: who.name, ...(who.role ? { role: who.role } : {}), kind });
  for (const [start, end] of splitSentences(body)) {
    if (/[\n\r\u2028\u2029]/.test(body.slice(prevEnd, start))) {
      paragraphLast = open = undefined;
      quoteOpen = false;
      pending = [];
    }
    prevEnd = end;
    const text = body.slice(start, end);
    const startsOpen = quoteOpen;
    const { outside, quoted, openAtEnd } = blankQuotes(text, startsOpen);
    let speaker = attribution(outside, (s, e) => isPlace(start + s, start + e));
    if (speaker === 'pronoun') speaker = last;
    else if (speaker) speaker = remember(people, speaker);
    if (!speaker && startsOpen) speaker = open;
    // A quotation that ends here without attribution continues the paragraph's last speaker.
    if (!speaker && !openAtEnd && (startsOpen || (quoted >= 2 && QUOTE_OPEN.test(text.trimStart()[0] ?? '')))) speaker = paragraphLast;
    const kind = quoted >= 2 || startsOpen ? 'quote' : 'reported';
    if (speaker) {
      for (const p of pending) push(p.start, p.end, speaker, 'quote');
      pending = [];
      push(start, end, speaker, kind);
      last = paragraphLast = speaker;
    } else if (openAtEnd) {
      pending.push({ start, end }); // "“Kalvik is liberated. The Shield ran…,” said Mira Solt."
    }
    quoteOpen = openAtEnd;
    open = openAtEnd ? speaker : undefined;
  }
  return out.sort((x, y) => x.start - y.start);
}

/** Names given a role anywhere in the document ("director Dr. Lea Varga operates…"), by surname. */
function learnPeople(body: string, isPlace: IsPlace): Map<string, Person> {
  const people = new Map<string, Person>();
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}.’'-]*\\s+){0,3}\\p{Ll}*\\s*\\b\\p{L}+)\\s+(${RANK}${TOKEN}(?:\\s+${TOKEN}){1,3})`, 'gu');
  for (const m of body.matchAll(re)) {
    const roleWords = m[1]!.trim().split(/\s+/);
    if (!ROLE_NOUNS.test(roleWords[roleWords.length - 1]!)) continue;
    const at = m.index + m[0].length - m[2]!.length;
    if (isPlace(at, at + m[2]!.length)) continue;
    remember(people, { name: m[2]!, role: m[1]!.trim() });
  }
  return people;
}

/** The sentence with its quoted parts blanked, how many words were quoted, and whether a quotation is still open. */
function blankQuotes(text: string, startsOpen: boolean): { outside: string; quoted: number; openAtEnd: boolean } {
  let inside = startsOpen;
  let outside = '';
  let quotedText = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const opens = c === '“' || (c === '"' && !inside);
    const closes = c === '”' || (c === '"' && inside);
    if (opens && !inside) inside = true;
    else if (closes && inside) inside = false;
    else if (inside) quotedText += c;
    outside += inside || opens || closes ? ' ' : c;
  }
  return { outside, quoted: quotedText.split(/\s+/).filter(Boolean).length, openAtEnd: inside };
}

/** The speaker the unquoted text names, 'pronoun' for he/she/they, or undefined. */
function attribution(outside: string, isPlace: IsPlace): Person | 'pronoun' | undefined {
  const according = /\baccording to\s+([^,;:.]+?)\s*(?:[,;:]|\.?\s*$)/i.exec(outside);
  for (const m of outside.matchAll(VERB())) {
    const before = outside.slice(0, m.index).replace(AUX, '');
    const after = outside.slice(m.index + m[0].length);
    // Plain: "X said", "X, who serves as Y, told".
    const subject = subjectBefore(before, isPlace);
    if (subject) return subject;
    // Inverted: "…,” said X" / ", said professor X." / ", said a shopkeeper, Elen Dask."
    if (/(?:^|,)\s*$/.test(before)) {
      const named = ROLE_THEN_NAME().exec(after);
      if (named) return { name: named[2]!, role: named[1]! };
      const clause = /^\s*([^,;:]*?)\s*(?:[,;:]|\.?\s*$)/.exec(after)?.[1] ?? '';
      const person = personAt(clause, after.indexOf(clause) + m.index + m[0].length, isPlace);
      if (person) return withAppositive(person, after.slice(after.indexOf(clause) + clause.length));
    }
  }
  const passive = PASSIVE.exec(outside);
  if (passive && passive[1]!.split(/\s+/).length <= 6) return { name: passive[1]!.trim() };
  if (according) {
    const phrase = according[1]!.trim();
    if (phrase.split(/\s+/).length <= 6 && !isPlace(according.index + according[0].indexOf(phrase), according.index + according[0].indexOf(phrase) + phrase.length)) {
      return { name: phrase };
    }
  }
  return undefined;
}

/** "RAND Corp. terror analyst Colin Clarke" → Colin Clarke, role "RAND Corp. terror analyst". */
function personAt(phrase: string, offset: number, isPlace: IsPlace): Person | undefined {
  const p = phrase.trim();
  if (!p || p.split(/\s+/).length > 10) return undefined;
  const name = NAME_AT_END().exec(p);
  if (name && !NOT_NAMES.test(name[0])) {
    const at = offset + phrase.indexOf(p) + name.index;
    if (isPlace(at, at + name[0].length)) return undefined;
    let nameText = name[0];
    let role = p.slice(0, name.index).trim();
    const tokens = nameText.split(/\s+/);
    const r = tokens.findLastIndex((t, i) => i < tokens.length - 1 && ROLE_NOUNS.test(t));
    if (r >= 0) {
      // A rank spelled out stays with the name ("General Anton Brask"), like an abbreviated one ("Col. Ivo Renn").
      const keep = RANK_WORD.test(tokens[r]!) ? r : r + 1;
      role = [role, ...tokens.slice(0, keep)].filter(Boolean).join(' ');
      nameText = tokens.slice(keep).join(' ');
    }
    const roleWords = role.split(/\s+/);
    if (!role) return { name: nameText };
    if (ROLE_NOUNS.test(roleWords[roleWords.length - 1]!) && roleWords.length <= 7) return { name: nameText, role };
    return undefined;
  }
  // A group voice: "the Obama administration", "Iraqi officials", "a spokesman".
  const words = p.split(/\s+/);
  if (words.length <= 5 && /^(?:(?:the|a|an)\s|\p{Lu})/u.test(p) && !MODAL_END.test(p) && !/\b(?:is|are|was|were|has|have|had|will|would|be|been)\b/i.test(p) && /\p{L}$/u.test(p) && !/^(?:it|this|that|there)$/i.test(p) && !NOT_NAMES.test(p)) {
    if (isPlace(offset + phrase.indexOf(p), offset + phrase.indexOf(p) + p.length)) return undefined;
    return { name: p };
  }
  return undefined;
}

/** The subject of a speech verb from the text before it (quotes blanked). */
function subjectBefore(before: string, isPlace: IsPlace): Person | 'pronoun' | undefined {
  const trimmed = before.replace(/\s+$/, '');
  if (!trimmed) return undefined;
  // "Brett McGurk, who serves as the Special Envoy for X, told" / "Ilham Ahmed, a senior member of Y, said"
  const appositive = /(?:^|[,.]\s+|^\s+)([^,]+?),\s+((?:who (?:serves|served|is|was) as |who is |a |an |the )[^,]+),\s*$/u.exec(trimmed);
  if (appositive) {
    const person = personAt(appositive[1]!, appositive.index + appositive[0].indexOf(appositive[1]!), isPlace);
    if (person && (person.name.split(/\s+/).length >= 2 || person.role)) return { name: person.name, role: cleanRole(appositive[2]!) };
  }
  const clauseStart = Math.max(trimmed.lastIndexOf(','), trimmed.lastIndexOf(';'), trimmed.lastIndexOf(':')) + 1;
  const clause = trimmed.slice(clauseStart).trim();
  if (PRONOUN.test(clause)) return 'pronoun';
  if (clause) {
    const person = personAt(clause, clauseStart + trimmed.slice(clauseStart).indexOf(clause), isPlace);
    if (person) return person;
  }
  // "Abu Muhammad Al Adnani, the spokesperson of X who was killed in Al Bab, Aleppo, announced"
  const lead = /^\s*([^,]+),\s+(?:the|a|an|who)\b/.exec(trimmed);
  if (lead && clauseStart > 0) {
    const phrase = lead[1]!.trim();
    const name = NAME_AT_END().exec(phrase);
    if (name && name.index === 0 && !isPlace(lead.index, lead.index + lead[1]!.length)) return { name: name[0] };
    if (/^(?:A|An|The)\s/.test(phrase) && phrase.split(/\s+/).length <= 5) return { name: phrase }; // "A nurse from Varenna, who asked…, said"
  }
  return undefined;
}

function withAppositive(person: Person, rest: string): Person {
  if (person.role) return person;
  const m = /^\s*,\s+((?:who (?:serves|served|is|was) as |a |an |the )[^,.;]+)/.exec(rest);
  if (m) return { ...person, role: cleanRole(m[1]!) };
  // "…, commander of the coastal district."
  const bare = /^\s*,\s+(\p{Ll}+)((?:\s+[^,.;]+)?)\s*[.,;]?\s*$/u.exec(rest);
  return bare && ROLE_NOUNS.test(bare[1]!) ? { ...person, role: (bare[1]! + bare[2]!).trim() } : person;
}

function cleanRole(role: string): string {
  return role.replace(/^(?:who (?:serves|served|is|was) as |who is )/, '').replace(/^(?:a|an|the)\s+/, '').trim();
}

/** Resolve a bare surname to the fullest name seen, and remember full names with their roles. */
function remember(people: Map<string, Person>, p: Person): Person {
  const tokens = p.name.split(/\s+/);
  if (!/^\p{Lu}/u.test(p.name) || tokens.length > 5) return p;
  const key = tokens[tokens.length - 1]!;
  const known = people.get(key);
  const full = known?.name.split(/\s+/) ?? [];
  if (known && tokens.length < full.length && tokens.every((t) => full.includes(t))) return known; // "Brask", "General Brask"

  if (tokens.length >= 2 && (!known || (!known.role && p.role) || known.name.length < p.name.length)) {
    const merged = { name: p.name, ...(p.role || known?.role ? { role: p.role ?? known?.role } : {}) };
    people.set(key, merged);
    return merged;
  }
  return p;
}

/** The speech of a document cut to one passage, offsets relative to the passage. */
export function speechInPassage(speech: readonly Speech[], start: number, end: number): Speech[] {
  const out: Speech[] = [];
  for (const s of speech) {
    if (s.end <= start || s.start >= end) continue;
    out.push({ ...s, start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start });
  }
  return out;
}

/** Who speaks at offset `at` of a passage: its quoted or reported speaker there, else its source's author/outlet. */
export function voiceAt(passage: Pick<Passage, 'speech' | 'docId'>, meta: SourceMeta | undefined, at: number): Voice {
  const via = meta?.outlet ?? meta?.author ?? meta?.perspective ?? passage.docId;
  const said = passage.speech?.find((s) => at >= s.start && at < s.end);
  if (said) return { name: said.speaker, ...(said.role ? { role: said.role } : {}), kind: said.kind, via };
  return { name: meta?.author ?? meta?.outlet ?? meta?.perspective ?? passage.docId, kind: 'author', via };
}
