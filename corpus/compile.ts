/**
 * The compile step: source documents + gazetteer → CompiledCorpus (passages with mentions and
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
 * Scales linearly: the Matcher is built once; each document is scanned once; passage assignment
 * is a merge of two sorted lists.
 */
import { applyAmbiguityGate } from '../lib/text/ambiguity';
import { Matcher, patternsFromEntities } from '../lib/text/matcher';
import { chunkPassages, type ChunkOptions } from '../lib/corpus/passages';
import { stanceOf } from '../lib/corpus/stance';
import { findSpeech, speechInPassage } from '../lib/card/voices';
import type { CompiledCorpus, Entity, EntityType, Match, Mention, Passage, SourceDocument } from '../lib/corpus/types';

export interface CompileOptions {
  chunk?: ChunkOptions;
  /** Entity id → type: places are never taken for speakers; groups count as actors for framing. */
  entityTypes?: ReadonlyMap<string, EntityType>;
}

/** The matcher the compile step uses for `entities` (build it once, reuse it for every document). */
export function createCorpusMatcher(entities: readonly Entity[]): Matcher {
  return new Matcher(patternsFromEntities(entities));
}

/** Entity mentions in a whole document body, after the per-document ambiguity gate. Sorted by start. */
function documentMentions(body: string, matcher: Matcher): Match[] {
  return applyAmbiguityGate(matcher.findAll(body));
}

/**
 * The passages of one document, numbered from `firstId`. Used by `compileCorpus` and, later, by
 * incremental imports of user documents (append the result and extend the index with
 * `indexPassages`).
 */
export function compilePassages(doc: SourceDocument, matcher: Matcher, firstId: number, opts: CompileOptions = {}): Passage[] {
  const body = doc.body;
  const spans = chunkPassages(body, opts.chunk);
  const matches = documentMentions(body, matcher);
  const types = opts.entityTypes;
  const places = types ? matches.filter((m) => types.get(m.entityId) === 'place') : [];
  const groups = types ? matches.filter((m) => types.get(m.entityId) === 'group') : [];
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
  const matcher = createCorpusMatcher(entities);
  const passages: Passage[] = [];
  const withTypes = { ...opts, entityTypes: opts.entityTypes ?? new Map(entities.map((e) => [e.id, e.type])) };
  for (const doc of documents) {
    for (const p of compilePassages(doc, matcher, passages.length, withTypes)) passages.push(p);
  }
  const entityPassages: Record<string, number[]> = {};
  for (const e of entities) entityPassages[e.id] = [];
  indexPassages(entityPassages, passages);
  return { version: 1, documents, entities, passages, entityPassages };
}
