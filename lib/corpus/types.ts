/**
 * The data model shared by the compile step, the background worker and the UI.
 * Pure types: nothing here touches `browser` or `document`.
 */

export type EntityType = 'place' | 'group';

/** One way of writing an entity's name. */
export interface Alias {
  /** As written, e.g. "Deir ez-Zor", "ISIS", "the coalition". Matching folds case, diacritics,
   *  apostrophe and hyphen/space variants unless `caseSensitive` is set (then only case is kept). */
  text: string;
  /** Matches only with this exact capitalisation ("ISIS" but not "Isis"; "US" but not "us"). */
  caseSensitive?: boolean;
  /** Counts only on a page (or document) that also has an unambiguous corpus mention
   *  (Turkey, Jordan, "the coalition", bare acronyms that collide with other meanings). */
  ambiguous?: boolean;
  /** The language the alias belongs to (BCP 47: ar, ckb, kmr, tr, fr, de, en…), where known. */
  lang?: string;
}

export interface Entity {
  /** Stable kebab-case id: "raqqa", "isis", "syrian-democratic-forces". */
  id: string;
  type: EntityType;
  /** Finer kind for display: city, country, region, armed group, state force, coalition, organisation… */
  kind: string;
  /** Canonical name shown on cards. */
  name: string;
  /** One neutral line, written by us. */
  description: string;
  /** Every spelling to match, the canonical name included. */
  aliases: Alias[];
}

/** Metadata of one source document, kept apart from its body. */
export interface SourceMeta {
  /** File name of the seed without extension, e.g. "000_7e19e4b8228dd140"; any unique string for user documents. */
  id: string;
  title: string;
  /** True when the text has no title and we supplied a descriptive one. */
  titleSupplied?: boolean;
  author?: string;
  /** Who the author is, from a bio at the end of the text (never part of the body). */
  authorNote?: string;
  outlet?: string;
  /** ISO-like date, as precise as known: "2016-10", "2017-06". */
  date: string;
  /** True when inferred from events in the text rather than printed. */
  dateApproximate: boolean;
  /** Human label: "autumn 2016", "October 2017". */
  dateLabel: string;
  /** Short label of the viewpoint: "Raqqa opposition activist", "US officials via US press". */
  perspective: string;
  /** Where the document came from. */
  origin: 'seed' | 'user';
  /** Optional link to the original. */
  url?: string;
}

export interface SourceDocument {
  meta: SourceMeta;
  /** The article's own text, unchanged (no title line, byline, bio, licensing or newsletter lines). */
  body: string;
}

/** A mention of an entity inside some text: offsets are UTF-16 indices into that text, end exclusive. */
export interface Mention {
  entityId: string;
  start: number;
  end: number;
}

/**
 * How a passage frames the fighting, from a small lexicon of general news wording
 * (lib/corpus/stance.ts): 'progress' = gains (ground taken, forces defeated, places liberated),
 * 'setback' = cost (people harmed or displaced, destruction, victory denied, no end in sight),
 * 'neutral' = neither. About the framing, not about any side.
 */
export type Stance = 'progress' | 'setback' | 'neutral';

/** A sentence attributed to someone other than the document's author (lib/card/voices.ts). */
export interface Speech {
  /** Offsets in the passage text (end exclusive). */
  start: number;
  end: number;
  /** As the text names them, full name when known: "Colin Clarke", "the Obama administration". */
  speaker: string;
  /** The role the text gives them: "RAND Corp. terror analyst". */
  role?: string;
  /** A direct quotation, or reported speech without one. */
  kind: 'quote' | 'reported';
}

export interface Passage {
  /** Index in CompiledCorpus.passages. */
  id: number;
  docId: string;
  /** Offsets into the document body (end exclusive): body.slice(start, end) === text. */
  start: number;
  end: number;
  text: string;
  /** Mentions with offsets relative to `text`. */
  mentions: Mention[];
  /** Distinct entity ids mentioned, in order of first mention. */
  entityIds: string[];
  stance: Stance;
  /** The cue words that decided the stance, for display ("liberating", "displaced"). */
  stanceCues: string[];
  /** Quoted and reported speech in the passage, with its speakers; absent when there is none. */
  speech?: Speech[];
}

/** Who speaks in an excerpt: a quoted or reported speaker, or the source's own author/outlet. */
export interface Voice {
  /** "Ilham Ahmed", "the Obama administration", or the author/outlet. */
  name: string;
  /** The role the text gives them: "senior member of SDF’s political wing". */
  role?: string;
  /** Quoted, reported, or the author's own assessment. */
  kind: 'quote' | 'reported' | 'author';
  /** Who published it: the outlet, else the author, else the source's perspective. */
  via: string;
}

/** What the compile step produces and the background loads. */
export interface CompiledCorpus {
  version: 1;
  documents: SourceDocument[];
  entities: Entity[];
  passages: Passage[];
  /** entity id → ids of passages that mention it, in corpus order. */
  entityPassages: Record<string, number[]>;
}

/** One pattern the content script's matcher looks for. */
export interface MatchPattern {
  text: string;
  entityId: string;
  caseSensitive: boolean;
  ambiguous: boolean;
  /** The entity's type, so a page can leave out the types the user hides (settings `entityTypes`). */
  type?: EntityType;
  /**
   * Leading normalised units of `text` that belong to the word before the name, not to it (the
   * preposition of للرقة): they are matched but not underlined.
   */
  lead?: number;
  /**
   * An alias the user added (to their own entity or to a bundled one): private. Mentions of it
   * open cards but are never put where a web page can read them (page-readable highlights).
   */
  user?: true;
}

/** A match of a pattern in some text: offsets into the original (un-normalised) text. */
export interface Match extends Mention {
  /** The alias that matched, as written in the gazetteer. */
  alias: string;
  ambiguous: boolean;
}
