/**
 * Candidate places and groups in a new document that the corpus does not know yet, for the user
 * to accept (a new entity), merge into an existing entity (as an alias) or ignore.
 *
 * compromise (spencermc/compromise, maintained since 2011, ~350 KB, no model files, runs in the
 * browser synchronously) tags proper nouns, places and organisations with a rule-based lexicon;
 * it was chosen over model-based NER (wink-nlp's models, transformers.js) because those need
 * model files of several MB to tens of MB and a worker, for a list the user reviews anyway.
 * Its lexicon knows few Arabic and Kurdish names, so runs of proper nouns are also candidates,
 * typed by cue words ("Division", "Front", "Jaysh" → group) or by a preposition of place before
 * them ("in Tal Abyad" → place). Names the corpus already matches (the same matcher as pages)
 * are left out. Loaded only by the options page, when proposals are asked for.
 *
 * Pure.
 */
import nlp from 'compromise';
import type { EntityType, Match } from '../corpus/types';

export interface Proposal {
  /** The name as written in the document (most frequent spelling). */
  name: string;
  type: EntityType;
  /** How many times it occurs. */
  count: number;
  /** A sentence where it occurs, for context. */
  example: string;
}

const GROUP_CUES = /\b(army|forces?|front|division|brigades?|battalions?|units?|militias?|group|movement|council|party|committee|observatory|organi[sz]ation|jaysh|jaish|harakat|liwa|kata'?ib|hezbollah|coalition|guards?|state|al-qaeda|tahrir)\b/i;
const PLACE_BEFORE = /\b(in|near|at|from|to|into|outside|around|towards?|of the town of|of the city of|village of|city of|town of|province of|district of)\s+$/i;
/** Capitalised words that start sentences or are not names. */
const STOP = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'on', 'in', 'at', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms', 'dr']);

/**
 * Proposals for `text`, most frequent first (at most `limit`). `known(text)` returns the corpus
 * matches in a string (the content script's matcher): a candidate it matches is already known.
 */
export function proposeEntities(text: string, known: (s: string) => Match[], limit = 20): Proposal[] {
  const doc = nlp(text);
  const found = new Map<string, { name: string; type: EntityType; count: number; example: string; typed: boolean; spellings: Map<string, number> }>();
  const add = (raw: string, type: EntityType | undefined, sentence: string, typed: boolean) => {
    const name = cleanName(raw);
    if (!name || name.length < 3 || !/^\p{Lu}/u.test(name)) return;
    const words = name.split(/\s+/);
    if (words.every((w) => STOP.has(w.toLowerCase()))) return;
    if (known(name).some((m) => m.start === 0 && m.end === name.length)) return;
    const key = name.toLowerCase();
    const entry = found.get(key) ?? { name, type: type ?? guessType(name), count: 0, example: sentence, typed: false, spellings: new Map<string, number>() };
    entry.count++;
    entry.spellings.set(name, (entry.spellings.get(name) ?? 0) + 1);
    if (typed && type && !entry.typed) {
      entry.type = type;
      entry.typed = true;
    }
    found.set(key, entry);
  };
  for (const s of doc.sentences().json({ text: true }) as Array<{ text: string }>) {
    const sentence = nlp(s.text);
    for (const p of sentence.places().out('array') as string[]) add(p, 'place', s.text, true);
    for (const o of sentence.organizations().out('array') as string[]) add(o, 'group', s.text, true);
    for (const m of sentence.match('#ProperNoun+').out('array') as string[]) {
      const name = cleanName(m);
      const at = s.text.indexOf(name);
      const before = at > 0 ? s.text.slice(Math.max(0, at - 30), at) : '';
      if (at === 0 && !PLACE_BEFORE.test(before) && name.split(/\s+/).length === 1 && !GROUP_CUES.test(name)) continue; // a sentence's first word
      add(name, GROUP_CUES.test(name) ? 'group' : PLACE_BEFORE.test(before) ? 'place' : undefined, s.text, GROUP_CUES.test(name) || PLACE_BEFORE.test(before));
    }
  }
  // A name inside a longer proposed name ("Syrian Army" in "Free Syrian Army") counts for the longer one only when always inside it.
  const entries = [...found.values()];
  return entries
    .filter((e) => e.typed || e.count >= 2)
    .filter((e) => !entries.some((o) => o !== e && o.name.length > e.name.length && o.name.includes(e.name) && o.count >= e.count))
    .map((e) => ({ name: [...e.spellings].sort((a, b) => b[1] - a[1])[0]![0], type: e.type, count: e.count, example: e.example.trim().slice(0, 300) }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);
}

function cleanName(raw: string): string {
  return raw
    .replace(/['’]s\b/g, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function guessType(name: string): EntityType {
  return GROUP_CUES.test(name) ? 'group' : 'place';
}
