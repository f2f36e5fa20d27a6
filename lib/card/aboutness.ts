/**
 * How much a passage is ABOUT an entity, from where and how it is named — not only how often.
 *
 * Each mention gets a role, read from the words around it in its sentence:
 *
 *   subject  3    heads its clause: "ISIS has lost…", "Mosul, as confirmed…, would not…",
 *                 or inside the subject: "the situation in Iraq is…", "the battle of Mosul is…"
 *   object   2.5  right after a verb ("fled Mosul", "secured Mosul") or an event noun
 *                 ("the battle of Raqqa", "the streets of Varenna"); a group the clause's event
 *                 is done to, for or by ("lost … to the FSA troops and the Turkish army"), a
 *                 coordinated object ("keep the war going and the Syrian Army busy")
 *   setting  2.25 a place where the clause's event happens ("Schools in Tikrit reopened", "the
 *                 wells near Qayyarah would burn", "displacing process towards Deir ez-Zor",
 *                 "In Syria, it is still…"): lib/card/eventRole.ts
 *   plain    1.5  anywhere else ("…celebrated by the SDF")
 *   possessive 1  "ISIS' hold", "SDF’s political wing"
 *   location 0.75 a place tagged on a noun with a preposition, no event of its own: "213
 *                 thousand people … in refugee camps northern Iraq", "hold on oil fields in Iraq"
 *   list     0.5  an item of a list of three or more ("Tikrit, Baiji, Sinjar, and Ramadi")
 *   aside    0.5  inside parentheses or dashes ("Jordan — which borders both Iraq and Syria —")
 *   name     0    part of a longer name or job title ("Global Coalition to Counter ISIS",
 *                 "The Iraq Oil Report")
 *
 * A passage is SUBSTANTIVE about the entity when its best mention is a subject, object or setting, or
 * when it names the entity at least twice in roles worth ≥ 1 (co-references such as "the city"
 * or "the group" after a mention count), or when its document's title names the entity and a
 * mention is worth ≥ 1. Otherwise it is a PASSING mention. Cards rank every substantive passage
 * before every passing one; passing ones fill a card that has too few (lib/card/viewpoints.ts).
 *
 *   score = best role + 0.6 · (mentions worth ≥ 1 − 1, at most 3) + 0.5 · title
 *         + 0.15 if the passage takes a framing, − a length penalty for passages far over 300 chars
 *
 * Pure, and cheap enough to run at lookup time (only the passages that mention the entity).
 */
import { splitSentences } from '../text/sentences';
import { eventRole } from './eventRole';
import type { Passage } from '../corpus/types';
import { lazyBy } from '../lazy';

export type MentionRole = 'subject' | 'object' | 'setting' | 'plain' | 'possessive' | 'location' | 'list' | 'aside' | 'name';

const ROLE_WEIGHT: Record<MentionRole, number> = {
  subject: 3, object: 2.5, setting: 2.25, plain: 1.5, possessive: 1, location: 0.75, list: 0.5, aside: 0.5, name: 0,
};

export interface AboutnessContext {
  /** The entity's kind ("city", "armed group"…), for co-references ("the city", "the group"). */
  kind?: string;
  type?: 'place' | 'group';
  /** The title of the passage's document. */
  title?: string;
  /** The entity's names, to find it in the title (any case). */
  names?: readonly string[];
}

export interface Aboutness {
  score: number;
  substantive: boolean;
  roles: MentionRole[];
  /** Offset of the best mention in the passage text. */
  best: number;
}

const PREPOSITIONS = new Set([
  'in', 'inside', 'into', 'across', 'throughout', 'near', 'outside', 'at', 'from', 'to', 'towards', 'toward', 'of', 'for',
  'by', 'with', 'on', 'over', 'around', 'against', 'between', 'within', 'along', 'through', 'beyond', 'under', 'via', 'about', 'both',
]);
const LOCATIVE = new Set(['in', 'inside', 'across', 'throughout', 'near', 'outside', 'at', 'from', 'to', 'towards', 'toward', 'within', 'around', 'both', 'into', 'through', 'along']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'all', 'whole', 'northern', 'southern', 'eastern', 'western', 'central', 'besieged', 'divided']);
const EVENT_HEADS =
  /\b(?:battle|fall|siege|liberation|capture|recapture|control|residents|people|civilians|streets|centre|center|outskirts|countryside|city|town|port|centers|centres|fight|fighting|assault|offensive|defence|defense|future|leaders?|leadership|fighters|members|monitors|observers|soldiers|troops|units|officials|ranks|hold|grip|strategy|defeat|retreat|rise|return)\s+(?:of|for|on)\s*$/i;
const VERBISH = /^(?:\p{L}+(?:ed|ing)|took|take|takes|hide|stay|live|work|operate|remain|arrive|die|gather|deploy|meet|enter|enters|hold|holds|held|lost|lose|won|win|left|leave|fled|flee|reach|reached|attack|attacks|seize|secure|control|controls|liberate|retake|shell|bomb|besiege|surround|defend|defends|rule|rules|runs|run|leads|lead|joined|join|fight|fights|fought|backs|backed|support|supports|accuse|accused|blame|blamed|became|become)$/iu;
/** Heads of a subject that is about the place or group named after them ("the situation in Iraq is…"). */
const TOPIC_HEADS = new Set(['situation', 'war', 'conflict', 'crisis', 'fighting', 'battle', 'future', 'politics', 'government', 'economy', 'security', 'people', 'population', 'territory', 'violence', 'life', 'number', 'streets', 'fate', 'role', 'presence', 'influence', 'power', 'strength', 'position', 'leadership', 'percent', 'half', 'most', 'much', 'part', 'parts', 'rest']);
const NO_COMMENT = /^\s+(?:did not|didn['’]t|could not|couldn['’]t|was not|declined|refused)\s+(?:respond|reply|comment|be reached|available)/i;
const FOLLOWED_BY_VERB =
  /^\s+(?:(?:also|still|now|already|never|not|only|then|itself|once|again)\s+)?(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|does|did|remains?|controls?|holds?|fell|took|lost|won|held|fought|left|fled|became|began|came|went|sent|made|rose|kept|struck|stood|said|says|\p{Ll}{3,}ed)\b/u;
const NOT_VERB = new Set(['during', 'including', 'according', 'regarding', 'following', 'concerning', 'something', 'nothing', 'anything', 'everything', 'morning', 'evening', 'building', 'king', 'thing', 'ring', 'spring', 'ceiling', 'feeling', 'meeting', 'red', 'bed', 'hundred', 'united', 'need']);
const CAP_TOKEN = /^\p{Lu}[\p{L}’'.]*$/u;
const PLACE_SUFFIX = /^(?:City|Province|Governorate|Region|Valley|District|Oblast|Prefecture)$/;
// Lower-case nouns only: "the Front" or "the City" are names, not co-references.
const COREF: Array<[RegExp, RegExp]> = [
  [/city|town|capital|port|village/i, /\b[Tt]he (?:city|town|capital|port|village)\b/g],
  [/armed group|militant|movement|front|militia|rebel|party|organi[sz]ation/i, /\b[Tt]he (?:group|movement|militia|organi[sz]ation|party|militants|rebels|jihadists)\b/g],
  [/army|state force|military/i, /\b[Tt]he (?:army|troops|military)\b/g],
  [/coalition|alliance/i, /\b[Tt]he (?:coalition|alliance)\b/g],
  [/country|state$/i, /\b[Tt]he country\b/g],
  [/region|province|valley|area|governorate/i, /\b[Tt]he (?:region|province|valley|area)\b/g],
];

const sentenceCache = new WeakMap<Passage, Array<[number, number]>>();

function sentencesOf(p: Passage): Array<[number, number]> {
  let s = sentenceCache.get(p);
  if (!s) sentenceCache.set(p, (s = splitSentences(p.text)));
  return s;
}

/** How much `passage` is about `entityId`; zero and passing when it is not mentioned. */
export function aboutness(passage: Passage, entityId: string, ctx: AboutnessContext = {}): Aboutness {
  const mine = passage.mentions.filter((m) => m.entityId === entityId);
  if (mine.length === 0) return { score: 0, substantive: false, roles: [], best: 0 };
  const others = passage.mentions.filter((m) => m.entityId !== entityId);
  const sentences = sentencesOf(passage);
  const roles = mine.map((m) => {
    const [s, e] = sentences.find(([, end]) => m.start < end) ?? [0, passage.text.length];
    return mentionRole(passage.text, s, e, m.start, m.end, others, ctx.type);
  });
  let bestIdx = 0;
  roles.forEach((r, i) => ROLE_WEIGHT[r] > ROLE_WEIGHT[roles[bestIdx]!] && (bestIdx = i));
  const best = ROLE_WEIGHT[roles[bestIdx]!];
  let worth = roles.filter((r) => ROLE_WEIGHT[r] >= 1).length;
  if (worth > 0) worth += corefs(passage, entityId, ctx.kind);
  const inTitle = !!ctx.title && !!ctx.names?.some((n) => nameInText(n).test(ctx.title!));
  const substantive = best >= ROLE_WEIGHT.setting || worth >= 2 || (inTitle && best >= ROLE_WEIGHT.location);
  const len = passage.text.length;
  const score =
    best + 0.6 * Math.min(Math.max(worth - 1, 0), 3) + (inTitle ? 0.5 : 0) + (passage.stance !== 'neutral' ? 0.15 : 0) - Math.max(0, len - 450) / 600;
  return { score, substantive, roles, best: mine[bestIdx]!.start };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name as a whole word, any case: compiled once per name (a case-insensitive Unicode pattern
 * takes long to compile, and every passage of a document asks it of the same few names: it was
 * most of the time of deriving an import's card rows, bench/ and server/README.md).
 */
const nameInText = lazyBy((name) => new RegExp(`(?:^|[^\\p{L}])${escape(name)}(?:$|[^\\p{L}])`, 'iu'));

/** "the city", "the group"… when the last name before them is the entity's (not another one's). */
function corefs(p: Passage, entityId: string, kind: string | undefined): number {
  if (!kind) return 0;
  let n = 0;
  for (const [kindRe, phrase] of COREF) {
    if (!kindRe.test(kind)) continue;
    for (const m of p.text.matchAll(phrase)) {
      let last: string | undefined;
      for (const x of p.mentions) if (x.end <= m.index && !(x.start === m.index)) last = x.entityId;
      const isName = p.mentions.some((x) => x.start <= m.index && x.end > m.index);
      if (last === entityId && !isName) n++;
    }
  }
  return Math.min(n, 2);
}

type Span = { start: number; end: number };

/** The role of the mention text[ms, me) in the sentence text[ss, se). */
function mentionRole(text: string, ss: number, se: number, ms: number, me: number, others: readonly Span[], type?: 'place' | 'group'): MentionRole {
  const before = text.slice(ss, ms);
  const after = text.slice(me, se);
  if (EVENT_HEADS.test(before) && !/^['’]/.test(after)) return 'object'; // "the battle of Mosul", "Battle of Mosul"
  if (partOfName(text, ss, ms, me, others)) return 'name';
  if (insideAside(before, after)) return 'aside';
  if (inList(before, after)) return 'list';
  // A second conjunct takes the role of the first: "oil fields in Varenna and Drevic were hit".
  const conjunct = /(\p{Lu}[\p{L}’'-]*)\s+(?:and|or)\s+$/u.exec(before);
  if (conjunct) return mentionRole(text, ss, se, ss + conjunct.index, ss + conjunct.index + conjunct[1]!.length, others, type);
  const boundary = [...before.matchAll(/[,;:—–()]|\s-\s|\b(?:but|which|who|that|because|while|although|though|as|since|when|if|whether|unless|where)\s/gi)].pop();
  const clauseText = boundary ? before.slice(boundary.index + boundary[0].length) : before;
  const subordinate = !!boundary && /^(?:while|although|though|as|since|because|when|if|whether|unless|where)\s$/i.test(boundary[0]);
  // "in Syria and Iraq": a conjunct takes the role of the first one.
  const words = clauseText
    .replace(/(?:\s+(?:and|or)\s+(?:both\s+)?|\s+both\s+)$/i, ' ')
    .replace(/(?:\s\p{Lu}[\p{L}’'-]*)+\s+(?:and|or)\s+$/u, ' ')
    .trim().split(/\s+/).filter(Boolean).map((w) => w.toLowerCase().replace(/[^\p{L}'’-]/gu, ''));
  while (words.length && DETERMINERS.has(words[words.length - 1]!) && words.length > 1) words.pop();
  const possessive = /^(?:['’]s?\b|['’](?=\s))/u.test(after);
  const prev = words[words.length - 1];
  const sub = (r: MentionRole): MentionRole => (subordinate && r === 'subject' ? 'plain' : r);
  if (possessive) return 'possessive';
  // Followed by its verb: "ISIS is…", "ISIS will…", "the army retook…".
  if (NO_COMMENT.test(after)) return 'plain'; // "X did not respond to requests for comment": says nothing of X
  if (FOLLOWED_BY_VERB.test(after) && !(prev && PREPOSITIONS.has(prev))) return sub('subject');
  // Heads its clause, or sits inside the subject ("the situation in Iraq is", "the territory held by ISIS is").
  if (words.length === 0 || words.every((w) => DETERMINERS.has(w))) return sub('subject');
  if (words.length <= 7 && words.some((x) => TOPIC_HEADS.has(x)) && prev && PREPOSITIONS.has(prev) && /^[^,;.]{0,40}?\b(?:is|are|was|were|has|have|had|will|would|remains?)\b/u.test(after)) {
    return sub('subject');
  }
  const w = prev === 'the' || prev === 'al' ? words[words.length - 2] : prev;
  if (w && isVerb(w)) return 'object';
  const locative = !!prev && (LOCATIVE.has(prev) || /^(?:northern|southern|eastern|western|central)$/.test(prev));
  if (locative) {
    // Right after a verb ("were displaced in al Mosul"); else where the clause's event happens, or a tag on a noun ("oil fields in Iraq").
    const i = words.lastIndexOf(prev);
    const v1 = words[i - 1];
    if ((v1 && isVerb(v1)) || (words[i - 2] === 'by' && words[i - 3] && isVerb(words[i - 3]!))) return 'object';
  }
  const relative = !!boundary && /^(?:which|who|that|where)\s$/i.test(boundary[0]);
  const event = eventRole(prev === 'al' ? words.slice(0, -1) : words, before, after, type, isVerb, relative);
  if (event) return event === 'setting' ? 'setting' : 'object';
  if (locative && type === 'place') return 'location';
  if (words.length === 1 && /^\p{L}+ing$/u.test(words[0]!) && !NOT_VERB.has(words[0]!)) return sub('subject'); // "Losing Raqqa means…"
  return 'plain';
}

function isVerb(w: string): boolean {
  return VERBISH.test(w) && !NOT_VERB.has(w) && !PREPOSITIONS.has(w);
}

const FUNCTION_CAPS = /^(?:The|In|On|At|From|With|For|And|But|By|As|To|Of|Along|Since|While|When|After|Before|Just|Even|Now|Then|If|Here|There|It|This|That|These|Those|Many|Most|Some|Both|Only|Not|So|Yet|A|An)$/;

/** Next to capitalised words that are not another mention: "Global Coalition to Counter ISIS", "Iraq Oil Report". */
function partOfName(text: string, ss: number, ms: number, me: number, others: readonly Span[]): boolean {
  const isOther = (at: number) => others.some((o) => at >= o.start && at < o.end);
  const nameToken = (tok: string, at: number) => CAP_TOKEN.test(tok) && !FUNCTION_CAPS.test(tok) && !isOther(at) && text.slice(ss, at).trim() !== '';
  // Leftwards: "Counter ISIS", "Envoy for the Global Coalition", "Islamic State in Iraq".
  const tokens = [...text.slice(ss, ms).matchAll(/\S+/g)].map((m) => ({ tok: m[0], at: ss + m.index }));
  const last = tokens[tokens.length - 1];
  if (last && nameToken(last.tok, last.at) && /^\s+$/.test(text.slice(last.at + last.tok.length, ms))) return true;
  const links = tokens.slice(-3, -1).map((t) => t.tok.toLowerCase()).join(' ') + ' ' + (last?.tok.toLowerCase() ?? '');
  for (const [n, ok] of [[2, /(?:^| )(?:of|for) the$/], [1, /(?:^| )(?:of|for|on)$/], [1, / in$/]] as const) {
    const t = tokens[tokens.length - 1 - n];
    if (!t || !ok.test(links) || !nameToken(t.tok, t.at)) continue;
    if (n === 1 && links.endsWith(' in') && !(tokens[tokens.length - 3] && CAP_TOKEN.test(tokens[tokens.length - 3]!.tok))) continue;
    return true;
  }
  // Rightwards: "Iraq Oil Report", "Coalition to Counter ISIS" (not "Mosul City").
  const right = /^\s+(?:(?:to|of|for)\s+)?(\p{Lu}[\p{L}’'.-]*)/u.exec(text.slice(me, me + 40));
  if (right && !PLACE_SUFFIX.test(right[1]!) && !FUNCTION_CAPS.test(right[1]!) && !isOther(me + right[0].length - right[1]!.length)) return true;
  return false;
}

function insideAside(before: string, after: string): boolean {
  const opens = (s: string, o: string, c: string) => s.split(o).length - s.split(c).length;
  if (opens(before, '(', ')') > 0 && after.includes(')')) return true;
  const dashes = (before.match(/\s[—–]\s|\s-\s/g) ?? []).length;
  return dashes % 2 === 1 && /\s[—–]\s|\s-\s/.test(after);
}

/** An item of a list of three or more, closed by "and"/"or" ("A, B and C"; "A, B, or C"). */
function inList(before: string, after: string): boolean {
  let items = 1;
  let comma = false;
  let conj = false;
  const sep = /^(?:\s*,\s*(?:and|or)\s+|\s*,\s*|\s+(?:and|or)\s+)/;
  // Rightwards.
  let rest = after.replace(/^\s*(?:itself|city|province)\b/, '');
  for (let m = sep.exec(rest); m; m = sep.exec(rest)) {
    const item = /^[^,;:.]*?(?=\s*,|\s+(?:and|or)\s|[;:.]|$)/.exec(rest.slice(m[0].length))?.[0] ?? '';
    if (!listItem(item)) {
      // A long last item still closes the list when it starts as a noun phrase ("and a dozen villages in tents…").
      if (/and|or/.test(m[0]) && /^(?:the|a|an|its|their|\d|\p{Lu})/u.test(item.trim())) {
        items++;
        conj = true;
      }
      break;
    }
    items++;
    comma ||= m[0].includes(',');
    conj ||= /and|or/.test(m[0]);
    rest = rest.slice(m[0].length + item.length);
  }
  // Leftwards.
  let head = before;
  const sepEnd = /(?:\s*,\s*(?:and|or)\s*|\s*,\s*|\s+(?:and|or)\s+)$/;
  for (let m = sepEnd.exec(head); m; m = sepEnd.exec(head)) {
    head = head.slice(0, m.index);
    const item = /[^,;:.]*$/.exec(head)?.[0] ?? '';
    if (!listItem(item)) {
      // A long first item still opens the list when it ends with a name ("access to Drevic, Kalvik and…").
      if (/\s\p{Lu}[\p{L}’'-]*$/u.test(item)) {
        items++;
        comma ||= m[0].includes(',');
      }
      break;
    }
    items++;
    comma ||= m[0].includes(',');
    conj ||= /and|or/.test(m[0]);
    head = head.slice(0, head.length - item.length);
  }
  return items >= 3 && comma && conj;
}

/** A list item is a short noun phrase, not a clause ("or will relocate", "this is happening"). */
function listItem(item: string): boolean {
  const words = item.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6) return false;
  if (words.some((w) => /^(?:is|are|was|were|has|have|had|will|would|be|been)$/i.test(w))) return false;
  // A noun phrase: a name, a determiner or number first, or at most two words ("oil fields"), not "armed by the army".
  return /^(?:\p{Lu}|\d)/u.test(words[0]!) || /^(?:the|a|an|its|their|his|her|our|some|many|several)$/i.test(words[0]!) || (words.length <= 2 && !/(?:ed|ing)$/.test(words[0]!));
}
