/**
 * Relevance and diversity for the entity card and the comparison view.
 *
 * - `rankPassagesForEntity`: how much a passage is ABOUT an entity.
 * - `selectExcerpts`: the few most relevant passages, one per document where possible.
 * - `selectViewpoints`: maximal marginal relevance (MMR) over perspectives and stances, so the
 *   card shows competing framings side by side rather than five variations of one.
 * - `compareSources`: every source's passages on an entity, column by column.
 *
 * Pure and deterministic: ties are always broken by passage id (corpus order).
 */
import type { CompiledCorpus, Passage, SourceMeta, Stance } from '../corpus/types';

export interface RankedPassage {
  passage: Passage;
  score: number;
}

/** Scoring constants (see `relevance`). */
const PIVOT_CHARS = 300; // the chunker's target length
const LENGTH_SLOPE = 0.5; // pivoted length normalisation: 0 = none, 1 = full
const MIN_CHARS = 150; // shorter passages are not boosted further (a one-liner says little)
const SUBJECT_WEIGHT = 1; // weight of the "main subject" component (0..1 before weighting)
const STANCE_BONUS = 0.15; // a passage that takes a stance is a bit more useful than an aside

/**
 * Relevance of `passage` for `entityId` (0 when not mentioned):
 *
 *   tf      = 1 + ln(mentions of the entity)
 *   length  = (1 − s) + s · max(len, 150) / 300           (pivoted normalisation, s = 0.5)
 *   subject = 0.5 · share of the passage's mentions that are this entity
 *           + 0.3 · (1 − offset of its first mention / passage length)
 *           + 0.2 · (it is the first entity mentioned ? 1 : 0)
 *   score   = tf / length + subject + (stance ≠ neutral ? 0.15 : 0)
 */
export function relevance(passage: Passage, entityId: string): number {
  let count = 0;
  let first = -1;
  for (const m of passage.mentions) {
    if (m.entityId !== entityId) continue;
    count++;
    if (first < 0 || m.start < first) first = m.start;
  }
  if (count === 0) return 0;
  const len = Math.max(passage.text.length, 1);
  const tf = 1 + Math.log(count);
  const lengthNorm = 1 - LENGTH_SLOPE + (LENGTH_SLOPE * Math.max(len, MIN_CHARS)) / PIVOT_CHARS;
  const share = count / passage.mentions.length;
  const early = 1 - Math.min(first / len, 1);
  const lead = passage.entityIds[0] === entityId ? 1 : 0;
  const subject = 0.5 * share + 0.3 * early + 0.2 * lead;
  return tf / lengthNorm + SUBJECT_WEIGHT * subject + (passage.stance !== 'neutral' ? STANCE_BONUS : 0);
}

/** Every passage mentioning `entityId`, most relevant first (ties: corpus order). */
export function rankPassagesForEntity(corpus: CompiledCorpus, entityId: string): RankedPassage[] {
  const ids = corpus.entityPassages[entityId] ?? [];
  const ranked: RankedPassage[] = [];
  for (const pid of ids) {
    const passage = corpus.passages[pid];
    if (!passage) continue;
    const score = relevance(passage, entityId);
    if (score > 0) ranked.push({ passage, score });
  }
  return ranked.sort(byScore);
}

function byScore(a: RankedPassage, b: RankedPassage): number {
  return b.score - a.score || a.passage.id - b.passage.id;
}

/**
 * The `k` most relevant passages, at most one per document while other documents still have
 * one to offer; then, if fewer than `k`, further passages in rank order. Result in rank order.
 */
export function selectExcerpts(ranked: readonly RankedPassage[], k = 3): Passage[] {
  const picked = new Set<number>();
  const docs = new Set<string>();
  for (const r of ranked) {
    if (picked.size >= k) break;
    if (docs.has(r.passage.docId)) continue;
    docs.add(r.passage.docId);
    picked.add(r.passage.id);
  }
  for (const r of ranked) {
    if (picked.size >= k) break;
    picked.add(r.passage.id);
  }
  return ranked.filter((r) => picked.has(r.passage.id)).map((r) => r.passage);
}

const metaCache = new WeakMap<CompiledCorpus, Map<string, SourceMeta>>();

function metaOf(corpus: CompiledCorpus, docId: string): SourceMeta | undefined {
  let map = metaCache.get(corpus);
  if (!map) {
    map = new Map(corpus.documents.map((d) => [d.meta.id, d.meta]));
    metaCache.set(corpus, map);
  }
  return map.get(docId);
}

/** The perspective label of a passage's source (its document id when unknown). */
function perspectiveOf(corpus: CompiledCorpus, passage: Passage): string {
  return metaOf(corpus, passage.docId)?.perspective ?? passage.docId;
}

/**
 * How redundant two passages are as viewpoints, in [0, 1]:
 *
 *   0.4  same document
 *   0.4  same perspective (same document implies it)
 *   0.2  same stance; 0.15 both neutral; 0.1 one neutral (not a contrast either);
 *        0 for a contrasting stance (progress vs setback)
 *
 * So the same document with the same stance = 1; a new perspective with a contrasting stance
 * = 0; a new perspective with the same stance = 0.2.
 */
export function viewpointSimilarity(corpus: CompiledCorpus, a: Passage, b: Passage): number {
  let s = 0;
  if (a.docId === b.docId) s += 0.4;
  if (a.docId === b.docId || perspectiveOf(corpus, a) === perspectiveOf(corpus, b)) s += 0.4;
  s += stanceSimilarity(a.stance, b.stance);
  return s;
}

function stanceSimilarity(a: Stance, b: Stance): number {
  if (a === b) return a === 'neutral' ? 0.15 : 0.2;
  if (a === 'neutral' || b === 'neutral') return 0.1;
  return 0;
}

export interface ViewpointOptions {
  /** Passage ids not to pick (e.g. those already shown as excerpts). */
  exclude?: readonly number[];
  /** How many to pick (default 4). */
  k?: number;
  /** Relevance vs diversity, 0..1 (default 0.5). */
  lambda?: number;
}

const POLAR: readonly Stance[] = ['progress', 'setback'];

/**
 * Pick up to `k` passages by maximal marginal relevance:
 *
 *   argmax  λ · relevance(p) / max relevance  −  (1 − λ) · max_{q picked} similarity(p, q)
 *
 * with two guarantees layered on top, applied to the candidate pool at each step:
 * 1. Both stances: when the slots left are no more than the polar stances ('progress',
 *    'setback') present among the candidates but not yet picked, only passages with those
 *    stances may be picked — so both framings appear whenever both exist.
 * 2. Perspectives: among the pool, passages from a perspective not yet picked are preferred
 *    whenever there is one.
 * Ties go to the better-ranked passage. The result is in pick order.
 */
export function selectViewpoints(corpus: CompiledCorpus, ranked: readonly RankedPassage[], opts: ViewpointOptions = {}): Passage[] {
  const k = opts.k ?? 4;
  const lambda = opts.lambda ?? 0.5;
  const excluded = new Set(opts.exclude ?? []);
  const candidates = ranked.filter((r) => !excluded.has(r.passage.id));
  if (candidates.length === 0 || k <= 0) return [];
  const maxScore = Math.max(...candidates.map((r) => r.score)) || 1;

  const picked: Passage[] = [];
  const pickedPerspectives = new Set<string>();
  const remaining = candidates.slice();
  while (picked.length < k && remaining.length > 0) {
    let pool = remaining;
    const missing = POLAR.filter((s) => !picked.some((p) => p.stance === s) && remaining.some((r) => r.passage.stance === s));
    if (missing.length > 0 && missing.length >= k - picked.length) {
      pool = pool.filter((r) => missing.includes(r.passage.stance));
    }
    const fresh = pool.filter((r) => !pickedPerspectives.has(perspectiveOf(corpus, r.passage)));
    if (fresh.length > 0) pool = fresh;

    let best: RankedPassage | undefined;
    let bestValue = -Infinity;
    for (const r of pool) {
      let maxSim = 0;
      for (const p of picked) maxSim = Math.max(maxSim, viewpointSimilarity(corpus, r.passage, p));
      const value = (lambda * r.score) / maxScore - (1 - lambda) * maxSim;
      // `pool` is in rank order, so a strict ">" keeps the better-ranked passage on ties.
      if (value > bestValue) {
        bestValue = value;
        best = r;
      }
    }
    if (!best) break;
    picked.push(best.passage);
    pickedPerspectives.add(perspectiveOf(corpus, best.passage));
    remaining.splice(remaining.indexOf(best), 1);
  }
  return picked;
}

export interface SourceColumn {
  source: SourceMeta;
  passages: Passage[];
  /** The source's overall stance on this entity (see `overallStance`). */
  stance: Stance;
}

/**
 * A source's overall stance from its passages: the majority among the passages that take a
 * stance ('neutral' passages abstain); 'neutral' when none does or progress and setback tie.
 */
export function overallStance(passages: readonly Passage[]): Stance {
  let progress = 0;
  let setback = 0;
  for (const p of passages) {
    if (p.stance === 'progress') progress++;
    else if (p.stance === 'setback') setback++;
  }
  return progress > setback ? 'progress' : setback > progress ? 'setback' : 'neutral';
}

/**
 * Every document's passages mentioning `entityId` (corpus order), one column per document that
 * mentions it, columns ordered by date then id; documents that never mention it are `silent`
 * (same order).
 */
export function compareSources(corpus: CompiledCorpus, entityId: string): { columns: SourceColumn[]; silent: SourceMeta[] } {
  const byDoc = new Map<string, Passage[]>();
  for (const pid of corpus.entityPassages[entityId] ?? []) {
    const p = corpus.passages[pid];
    if (!p) continue;
    const list = byDoc.get(p.docId);
    if (list) list.push(p);
    else byDoc.set(p.docId, [p]);
  }
  const metas = corpus.documents.map((d) => d.meta).sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
  const columns: SourceColumn[] = [];
  const silent: SourceMeta[] = [];
  for (const meta of metas) {
    const passages = byDoc.get(meta.id);
    if (passages && passages.length > 0) {
      passages.sort((a, b) => a.id - b.id);
      columns.push({ source: meta, passages, stance: overallStance(passages) });
    } else {
      silent.push(meta);
    }
  }
  return { columns, silent };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
