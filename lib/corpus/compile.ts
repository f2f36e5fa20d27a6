/**
 * The ONE compiler of the corpus, used by the build (corpus/vitePlugin.ts) and by the worker for
 * the user's documents and recompiles (lib/userCorpus/): source documents + entities →
 * CompiledCorpus (passages with mentions and
 * stance, and the entity → passages index). Pure and deterministic: the same input gives the
 * same output, byte for byte once serialised.
 *
 * - Passages come from lib/corpus/passages.ts `chunkPassages` (a few sentences, never across paragraphs).
 * - Mentions are found by ONE Matcher over each WHOLE document body, so the ambiguity gate
 *   (lib/text/ambiguity.ts) decides per document: an ambiguous alias ("the coalition", "Jordan")
 *   counts only in a document that also has an unambiguous mention. Matches are then assigned
 *   to the passage that contains them, with offsets relative to the passage text. A match that
 *   would straddle two passages (only possible for an alias containing sentence punctuation)
 *   is dropped.
 * - Framing (stance) and cues come from lib/corpus/stance.ts `stanceOf` on the passage text, with
 *   the passage's mentions of groups as the armed actors it names.
 * - Speech (who is quoted or reported) comes from lib/card/voices.ts `findSpeech` over the whole
 *   document, so attribution crosses sentence and passage boundaries, then is cut per passage.
 *
 * Both callers go through `createCompiler(entities)`: the entity types (places are never
 * speakers, groups are actors for framing) come from the entities themselves, so no caller can
 * compile without them (lib/corpus/compile.test.ts compiles the bundled and the eval documents
 * the build's way and the worker's way and compares them deep-equal).
 *
 * Scales linearly: the Matcher is built once; each document is scanned once; passage assignment
 * is a merge of two sorted lists.
 */
import { applyAmbiguityGate } from '../text/ambiguity';
import { Matcher, patternsFromEntities } from '../text/matcher';
import { chunkPassages, type ChunkOptions } from './passages';
import { stanceOf } from './stance';
import { findSpeech, speechInPassage } from '../card/voices';
import type { CompiledCorpus, Entity, EntityType, Match, Mention, Passage, SourceDocument } from './types';

export interface CompileOptions {
  chunk?: ChunkOptions;
}

/** Compiles documents against one entity list (build it once, reuse it for every document). */
export interface DocumentCompiler {
  /** The matcher over every alias of the entities (also used to tell whether a name is taken). */
  readonly matcher: Matcher;
  /** The passages of one document, numbered from `firstId` (0: within the document). */
  passages(doc: SourceDocument, firstId?: number): Passage[];
}

/** The compiler for `entities`: their aliases to find mentions, their types for speakers and actors. */
export function createCompiler(entities: readonly Entity[], opts: CompileOptions = {}): DocumentCompiler {
  const matcher = new Matcher(patternsFromEntities(entities));
  const types: ReadonlyMap<string, EntityType> = new Map(entities.map((e) => [e.id, e.type]));
  return { matcher, passages: (doc, firstId = 0) => compilePassages(doc, matcher, types, firstId, opts.chunk) };
}

/** Entity mentions in a whole document body, after the per-document ambiguity gate. Sorted by start. */
function documentMentions(body: string, matcher: Matcher): Match[] {
  return applyAmbiguityGate(matcher.findAll(body));
}

/** The passages of one document, numbered from `firstId` (through `createCompiler`). */
function compilePassages(doc: SourceDocument, matcher: Matcher, types: ReadonlyMap<string, EntityType>, firstId: number, chunk?: ChunkOptions): Passage[] {
  const body = doc.body;
  const spans = chunkPassages(body, chunk);
  const matches = documentMentions(body, matcher);
  const places = matches.filter((m) => types.get(m.entityId) === 'place');
  const groups = matches.filter((m) => types.get(m.entityId) === 'group');
  const speech = findSpeech(body, (s, e) => places.some((m) => m.start < e && m.end > s));
  const out: Passage[] = [];
  let mi = 0;
  for (const [start, end] of spans) {
    // Matches are sorted by start and spans are in order: skip what lies before this passage.
    while (mi < matches.length && matches[mi]!.start < start) mi++;
    const mentions: Mention[] = [];
    const entityIds: string[] = [];
    while (mi < matches.length && matches[mi]!.start < end) {
      const m = matches[mi]!;
      mi++;
      if (m.end > end) continue; // straddles the passage boundary
      mentions.push({ entityId: m.entityId, start: m.start - start, end: m.end - start });
      if (!entityIds.includes(m.entityId)) entityIds.push(m.entityId);
    }
    const text = body.slice(start, end);
    const actorSpans = groups.filter((m) => m.start >= start && m.end <= end).map((m): [number, number] => [m.start - start, m.end - start]);
    const nameSpans = matches.filter((m) => m.start >= start && m.end <= end).map((m): [number, number] => [m.start - start, m.end - start]);
    const { stance, cues } = stanceOf(text, { actorSpans, nameSpans });
    const said = speechInPassage(speech, start, end);
    out.push({
      id: firstId + out.length,
      docId: doc.meta.id,
      start,
      end,
      text,
      mentions,
      entityIds,
      stance,
      stanceCues: cues,
      ...(said.length ? { speech: said } : {}),
    });
  }
  return out;
}

/**
 * Add `passages` to the entity → passage ids index (in the order given, which must be corpus
 * order). Unknown entity ids get a new entry.
 */
export function indexPassages(entityPassages: Record<string, number[]>, passages: readonly Passage[]): void {
  for (const p of passages) {
    for (const id of p.entityIds) {
      const list = entityPassages[id];
      if (list) list.push(p.id);
      else entityPassages[id] = [p.id];
    }
  }
}

/** Compile the whole corpus. Documents keep the order given (the loader sorts them by file name). */
export function compileCorpus(documents: SourceDocument[], entities: Entity[], opts: CompileOptions = {}): CompiledCorpus {
  const compiler = createCompiler(entities, opts);
  const passages: Passage[] = [];
  for (const doc of documents) {
    for (const p of compiler.passages(doc, passages.length)) passages.push(p);
  }
  const entityPassages: Record<string, number[]> = {};
  for (const e of entities) entityPassages[e.id] = [];
  indexPassages(entityPassages, passages);
  return { version: 1, documents, entities, passages, entityPassages };
}
