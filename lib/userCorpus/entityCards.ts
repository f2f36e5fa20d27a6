/**
 * A card of an entity the user's data touches, from storage, before the user's documents are
 * loaded: from its card rows (lib/card/cardRows.ts: one small row per document that names it, then
 * only the passages the card shows), else from all of its passages (documents stored before rows
 * were: their rows are derived once the store is loaded, `storeMissingRows`). Both give the card
 * the whole store gives (lib/corpus/partialCard.test.ts). Pure: storage is the port.
 */
import type { CardSteps } from '../corpus/indexLoad';
import type { LiveCorpusStore } from '../corpus/liveStore';
import { cardFromParts } from '../corpus/partialCard';
import type { Entity, Passage } from '../corpus/types';
import type { EntityCard } from '../messages/protocol';
import { cardFromRows, documentRows, factsKey, type EntityRows } from '../card/cardRows';
import type { UserStorePort } from './port';
import { budgetedYielder, noYield } from '../slices';

/** How long one slice of a card (`storedEntityCard`, `aheadCard`) may compute before it gives way (a search or card queued meanwhile is answered). */
const SLICE_MS = 12;

/**
 * `base`: the bundled store with the user's names (its user documents, if any, are not read from it),
 * maybe still loading: the entity's rows are read meanwhile. `pause`: how the card gives way between
 * slices of about `sliceMs` (a search asked meanwhile is answered in between, not after it). `steps`: where the time went (bench/).
 */
export async function storedEntityCard(port: UserStorePort, base: LiveCorpusStore | Promise<LiveCorpusStore>, entityId: string, totalSources: number, pause: () => Promise<void> = noYield, steps: Partial<CardSteps> = {}, sliceMs = SLICE_MS): Promise<EntityCard> {
  const t0 = performance.now();
  const read = port.cardRows(entityId).then((rows) => ((steps.readMs = performance.now() - t0), rows));
  read.catch(() => undefined); // (a failed read fails the card below, not before the base is there)
  const store = await base;
  const t1 = performance.now();
  steps.baseMs = t1 - (steps.at ?? t0);
  const fromRows = await cardFromRows(store, entityId, read, (keys) => port.passagesAt(keys), totalSources, budgetedYielder(pause, () => performance.now(), sliceMs));
  const passages = fromRows ? [] : await port.passagesMentioning(entityId);
  const card = fromRows ?? cardFromParts(store, entityId, passages, totalSources);
  const rows = await read;
  Object.assign(steps, { rankMs: performance.now() - Math.max(t1, t0 + (steps.readMs ?? 0)), rows: rows?.length, passages: passages.length });
  return card;
}

/**
 * A card computed ahead from the loaded store (lib/userCorpus/writeQueue.ts), in slices of at most
 * about `sliceMs`: from the entity's stored rows when they are current, else from rows derived here
 * a document at a time; then laid out, and the passages it shows taken from the store. The card
 * the whole store gives (passage ids aside: numbered within the card, as in `storedEntityCard`),
 * without ranking thousands of passages in one task (a search queued behind it waited for all of it).
 */
export async function aheadCard(port: UserStorePort, store: LiveCorpusStore, entityId: string, addedAt: (docId: string) => number, pause: () => Promise<void>, sliceMs = SLICE_MS): Promise<EntityCard> {
  // The shown passages, from their documents alone (current stored rows need no other: listing every
  // document naming a much-named entity was 6-35 ms per card at 10k documents).
  const read = (keys: ReadonlyArray<readonly [string, number]>) => {
    const byDoc = withPassages(store, new Set(keys.map(([docId]) => docId)));
    return Promise.resolve(keys.map(([docId, n]) => {
      const passage = byDoc.get(docId)?.[n];
      return passage && { meta: store.documents.get(docId)!.meta, passage };
    }));
  };
  const giveWay = budgetedYielder(pause, () => performance.now(), sliceMs);
  const stored = await port.cardRows(entityId).catch(() => undefined);
  const fromStored = stored && (await cardFromRows(store, entityId, stored, read, store.totalSources, giveWay));
  if (fromStored) return fromStored;
  const byDoc = userDocumentsNaming(store, entityId);
  const rows: EntityRows[] = [];
  for (const [docId, passages] of byDoc) {
    await giveWay();
    rows.push(...documentRows(store.documents.get(docId)!.meta, passages, addedAt(docId), (e) => store.entities.get(e), entityId));
  }
  return (await cardFromRows(store, entityId, rows, read, store.totalSources, giveWay)) ?? store.lookupEntity(entityId);
}

/** Entities whose facts (lib/card/cardRows.ts `factsKey`) differ in `next` from the store's now, with their key now: their rows go stale. */
export function staleFacts(store: LiveCorpusStore, next: readonly Entity[]): Map<string, string> {
  const stale = new Map<string, string>();
  for (const e of next) {
    const now = store.entities.get(e.id);
    const former = now && factsKey(now);
    if (former && factsKey(e) !== former) stale.set(e.id, former);
  }
  return stale;
}

/**
 * After the entities changed (`stale`: each changed entity's former facts key), its rows in the
 * documents not stored again are derived anew from the loaded store, a page at a time; storage keeps
 * only those still carrying the former key (a document deleted or stored again meanwhile is left alone).
 * Each entity done leaves storage's `staleRows` (a worker stopped before resumes at its next start).
 */
export async function refreshRows(port: UserStorePort, store: LiveCorpusStore, stale: Iterable<readonly [entityId: string, former: string]>, addedAt: (docId: string) => number, pause: () => Promise<void>): Promise<void> {
  for (const [entityId, former] of stale) {
    await inPages(store, userDocumentsNaming(store, entityId), addedAt, pause, (_page, rows) => port.refreshCardRows(former, rows.filter((r) => r.entityId === entityId)));
    await port.rowsRefreshed(entityId, former);
  }
}

/**
 * The rows of the documents `byDoc` names (still stored), derived from the loaded store 100
 * documents a page, each page handed to `put` and followed by a pause: cards and searches are
 * answered between pages.
 */
async function inPages(store: LiveCorpusStore, byDoc: ReadonlyMap<string, readonly Passage[]>, addedAt: (docId: string) => number, pause: () => Promise<void>, put: (page: string[], rows: EntityRows[]) => Promise<void>): Promise<void> {
  const ids = [...byDoc.keys()];
  for (let i = 0; i < ids.length; i += 100) {
    // (A document deleted during a pause is left out.)
    const page = ids.slice(i, i + 100).filter((id) => store.documents.has(id));
    await put(page, page.flatMap((id) => documentRows(store.documents.get(id)!.meta, byDoc.get(id)!, addedAt(id), (e) => store.entities.get(e))));
    await pause();
  }
}

/** The card rows of documents stored without them, derived from the loaded store (`addedAt`: each document's import order), a page at a time. */
export async function storeMissingRows(port: UserStorePort, store: LiveCorpusStore, addedAt: (docId: string) => number, pause: () => Promise<void>): Promise<void> {
  const rowless = await port.rowless();
  if (rowless.length) await inPages(store, withPassages(store, rowless), addedAt, pause, (page, rows) => port.putCardRows(page, rows));
}

/** The user's documents that name `entityId`, each with its passages (`withPassages`). */
function userDocumentsNaming(store: LiveCorpusStore, entityId: string): Map<string, Passage[]> {
  const docIds = new Set<string>();
  for (const pid of store.corpus.entityPassages[entityId] ?? []) {
    const docId = store.corpus.passages[pid]?.docId;
    if (docId !== undefined && store.documents.get(docId)?.meta.origin === 'user') docIds.add(docId);
  }
  return withPassages(store, docIds);
}

/** These documents' passages in the loaded store, in order (one pass over the store's passages). */
function withPassages(store: LiveCorpusStore, docIds: Iterable<string>): Map<string, Passage[]> {
  const byDoc = new Map<string, Passage[]>([...docIds].map((id) => [id, []]));
  for (const p of store.corpus.passages) byDoc.get(p.docId)?.push(p);
  return byDoc;
}
