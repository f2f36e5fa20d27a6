/**
 * What a card shows, and the side panel's columns.
 *
 * - `rankPassagesForEntity`: how much each passage is ABOUT the entity (lib/card/aboutness.ts);
 *   every substantive passage ranks before every passing mention.
 * - `cardLayout`: one layout for every card. Excerpts are substantive passages only (fewer rather
 *   than padded), one per document first; when two or more voices say something substantive,
 *   the excerpts leave at least two of them (and both framings, when both exist) to the
 *   viewpoints, so the viewpoint section is never starved. The rest is "also mentioned in N".
 * - `selectViewpoints`: maximal marginal relevance (MMR) over voices, perspectives and framings.
 * - `compareSources`: every source's passages on an entity, column by column.
 *
 * A VOICE is who speaks in a passage (lib/card/voices.ts): the quoted or reported speaker of
 * the sentence naming the entity, else the document's author or outlet.
 *
 * Pure and deterministic: ties are always broken by passage id (corpus order).
 */
import type { CompiledCorpus, Entity, Passage, SourceMeta, Stance, Voice } from '../corpus/types';
import { factsOf, perspectiveOf, rankOf, voiceKey, type KeptRank, type Rank } from './rank';
import { voiceAt } from './voices';

/** What the layout reads of a passage's rank (a RankedPassage, or a card row: lib/card/cardRows.ts). */
export interface Ranked extends Rank {
  passage: Pick<Passage, 'id' | 'docId' | 'stance'>;
}

export interface RankedPassage extends Ranked {
  passage: Passage;
}

/** What the layout reads of a ranked passage besides its rank: its voice's key, its source's perspective, whether it is the user's. */
export interface Traits<R extends Ranked> {
  voice(r: R): string;
  perspective(r: R): string;
  user(r: R): boolean;
}


interface Lookup {
  meta: Map<string, SourceMeta>;
  entities: Map<string, Entity>;
}

const lookups = new WeakMap<CompiledCorpus, Lookup>();

function lookup(corpus: CompiledCorpus): Lookup {
  let l = lookups.get(corpus);
  if (!l) {
    l = { meta: new Map(corpus.documents.map((d) => [d.meta.id, d.meta])), entities: new Map(corpus.entities.map((e) => [e.id, e])) };
    lookups.set(corpus, l);
  }
  return l;
}

function metaOf(corpus: CompiledCorpus, docId: string): SourceMeta | undefined {
  return lookup(corpus).meta.get(docId);
}

/** Every passage mentioning `entityId`: substantive first, then by aboutness (ties: corpus order); `kept`: ranks derived before (lib/card/rank.ts). */
export function rankPassagesForEntity(corpus: CompiledCorpus, entityId: string, kept?: KeptRank): RankedPassage[] {
  const facts = factsOf(lookup(corpus).entities.get(entityId));
  const ranked: RankedPassage[] = [];
  for (const pid of corpus.entityPassages[entityId] ?? []) {
    const passage = corpus.passages[pid];
    if (!passage) continue;
    const known = kept?.(passage);
    const rank = known === undefined ? rankOf(passage, entityId, facts, metaOf(corpus, passage.docId)?.title) : (known ?? undefined);
    if (rank) ranked.push({ passage, ...rank });
  }
  return ranked.sort(byRank);
}

export function byRank(a: Ranked, b: Ranked): number {
  return Number(b.substantive) - Number(a.substantive) || b.score - a.score || a.passage.id - b.passage.id;
}

/** Who speaks at offset `at` of the passage (the entity's best mention). */
export function voiceOf(corpus: CompiledCorpus, passage: Passage, at: number): Voice {
  return voiceAt(passage, metaOf(corpus, passage.docId), at);
}

/** The layout's traits read from the corpus. */
function corpusTraits(corpus: CompiledCorpus): Traits<RankedPassage> {
  return {
    voice: (r) => voiceKey(voiceOf(corpus, r.passage, r.at)),
    perspective: (r) => perspectiveOf(metaOf(corpus, r.passage.docId), r.passage.docId),
    // (A passage of one of the user's own documents: never hidden from the cards of what it names.)
    user: (r) => metaOf(corpus, r.passage.docId)?.origin === 'user',
  };
}

export interface CardLayout<R extends Ranked = RankedPassage> {
  /** Substantive excerpts first (rank order), then passing ones (`substantive: false`), labelled so on the card. */
  excerpts: R[];
  viewpoints: R[];
  /** Passages that mention the entity but are not shown. */
  alsoMentioned: number;
}

const POLAR: readonly Stance[] = ['progress', 'setback'];

/**
 * The card's excerpts, its viewpoints (≤ kViewpoints) and the count of the rest. Aboutness orders,
 * it never empties: substantive passages first (≤ k), leaving two voices to the viewpoints when
 * two exist; while fewer than k substantive passages are shown in all, the best passing ones fill
 * the excerpts (one per document first), labelled as passing. The best passage of the user's own
 * documents is always shown (an extra passing excerpt when no slot is left), first when its
 * document is the only one that speaks of the entity; among passing passages the user's lead.
 */
export function cardLayout(corpus: CompiledCorpus, entityId: string, k = 3, kViewpoints = 4, kept?: KeptRank): CardLayout {
  return layoutOf(rankPassagesForEntity(corpus, entityId, kept), corpusTraits(corpus), k, kViewpoints);
}

/** `cardLayout` of passages already ranked (rank order), their traits read through `t`. */
export function layoutOf<R extends Ranked>(ranked: readonly R[], t: Traits<R>, k = 3, kViewpoints = 4): CardLayout<R> {
  const substantive = ranked.filter((r) => r.substantive);
  const keyOf = new Map(substantive.map((r) => [r.passage.id, t.voice(r)]));
  const voices = new Set(keyOf.values());
  const stances = new Set(substantive.map((r) => r.passage.stance).filter((s) => POLAR.includes(s)));
  // Would the viewpoints still have two voices (and both framings) if `taken` were all excerpts?
  const leaves = (taken: ReadonlySet<number>) => {
    const rest = substantive.filter((r) => !taken.has(r.passage.id));
    const restVoices = new Set(rest.map((r) => keyOf.get(r.passage.id)));
    const restStances = new Set(rest.map((r) => r.passage.stance));
    return voices.size < 2 || (restVoices.size >= 2 && [...stances].every((s) => restStances.has(s)));
  };
  const mine = ranked.find((r) => t.user(r));
  const picked = new Set<number>();
  const docs = new Set<string>();
  const pick = (pool: readonly R[], max: number, keep: (ids: ReadonlySet<number>) => boolean) => {
    for (const pass of [0, 1]) {
      for (const r of pool) {
        if (picked.size >= max) return;
        if (picked.has(r.passage.id) || (pass === 0 && docs.has(r.passage.docId))) continue;
        if (!keep(new Set([...picked, r.passage.id]))) continue;
        picked.add(r.passage.id);
        docs.add(r.passage.docId);
      }
    }
  };
  // The user's best substantive passage is taken first when the viewpoints can spare it, and
  // always when one of the user's documents is the only source that speaks of the entity.
  const soleSource = !!mine?.substantive && substantive.every((r) => r.passage.docId === mine.passage.docId);
  pick(mine?.substantive ? [mine, ...substantive] : substantive, k, (ids) => (soleSource && ids.size === 1) || leaves(ids));
  const main = substantive.filter((r) => picked.has(r.passage.id));
  let viewpoints = voices.size >= 2 ? selectBy(substantive, t, { exclude: [...picked], k: kViewpoints }) : [];
  if (viewpoints.length === 1) {
    // One passage left is no comparison: it joins the excerpts.
    main.push(viewpoints[0]!);
    picked.add(viewpoints[0]!.passage.id);
    viewpoints = [];
  }
  const shown = new Set([...picked, ...viewpoints.map((r) => r.passage.id)]);
  const passing = ranked.filter((r) => !r.substantive).sort((a, b) => Number(t.user(b)) - Number(t.user(a)));
  const room = Math.max(0, k - shown.size) + main.length;
  docs.clear();
  for (const r of main) docs.add(r.passage.docId);
  pick(passing, Math.min(k, room), () => true);
  if (mine && !shown.has(mine.passage.id) && !picked.has(mine.passage.id)) {
    picked.add(mine.passage.id);
    if (mine.substantive) main.push(mine);
  }
  const excerpts = [...main, ...passing.filter((r) => picked.has(r.passage.id))];
  return { excerpts, viewpoints, alsoMentioned: ranked.length - excerpts.length - viewpoints.length };
}

/**
 * How redundant two passages are as viewpoints, in [0, 1]:
 *   0.4 same voice · 0.2 same document · 0.2 same perspective (same document implies it)
 *   0.2 same framing; 0.15 both neutral; 0.1 one neutral; 0 for contrasting framings
 */
export function viewpointSimilarity(corpus: CompiledCorpus, a: RankedPassage, b: RankedPassage): number {
  return similarity(corpusTraits(corpus), a, b);
}

function similarity<R extends Ranked>(t: Traits<R>, a: R, b: R): number {
  let s = 0;
  if (t.voice(a) === t.voice(b)) s += 0.4;
  if (a.passage.docId === b.passage.docId) s += 0.2;
  if (a.passage.docId === b.passage.docId || t.perspective(a) === t.perspective(b)) s += 0.2;
  return Math.min(1, s + stanceSimilarity(a.passage.stance, b.passage.stance));
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

/**
 * Up to `k` substantive passages by maximal marginal relevance:
 *
 *   argmax  λ · score(p) / max score  −  (1 − λ) · max_{q picked} similarity(p, q)
 *
 * with guarantees applied to the candidate pool at each step: both framings ('progress',
 * 'setback') appear whenever both exist; a voice not yet picked is preferred while there is one,
 * and among those, a perspective not yet picked. Ties go to the better-ranked passage.
 */
export function selectViewpoints(corpus: CompiledCorpus, ranked: readonly RankedPassage[], opts: ViewpointOptions = {}): RankedPassage[] {
  return selectBy(ranked, corpusTraits(corpus), opts);
}

function selectBy<R extends Ranked>(ranked: readonly R[], t: Traits<R>, opts: ViewpointOptions): R[] {
  const k = opts.k ?? 4;
  const lambda = opts.lambda ?? 0.5;
  const excluded = new Set(opts.exclude ?? []);
  const remaining = ranked.filter((r) => r.substantive && !excluded.has(r.passage.id));
  if (remaining.length === 0 || k <= 0) return [];
  const maxScore = Math.max(...remaining.map((r) => r.score)) || 1;
  const picked: R[] = [];
  while (picked.length < k && remaining.length > 0) {
    let pool = remaining;
    const missing = POLAR.filter((s) => !picked.some((p) => p.passage.stance === s) && remaining.some((r) => r.passage.stance === s));
    if (missing.length > 0 && missing.length >= k - picked.length) pool = pool.filter((r) => missing.includes(r.passage.stance));
    const freshVoice = pool.filter((r) => !picked.some((p) => t.voice(p) === t.voice(r)));
    if (freshVoice.length > 0) pool = freshVoice;
    const freshPerspective = pool.filter((r) => !picked.some((p) => t.perspective(p) === t.perspective(r)));
    if (freshPerspective.length > 0) pool = freshPerspective;
    let best: R | undefined;
    let bestValue = -Infinity;
    for (const r of pool) {
      let maxSim = 0;
      for (const p of picked) maxSim = Math.max(maxSim, similarity(t, r, p));
      const value = (lambda * r.score) / maxScore - (1 - lambda) * maxSim;
      if (value > bestValue) {
        bestValue = value;
        best = r;
      }
    }
    if (!best) break;
    picked.push(best);
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
