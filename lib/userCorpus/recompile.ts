/**
 * What a change of the user's entities or a whole-corpus import does to the loaded store,
 * computed before anything is written (lib/userCorpus/userCorpus.ts writes, then applies). Pure.
 */
import { createCompiler, type DocumentCompiler } from '../corpus/compile';
import type { LiveCorpusStore } from '../corpus/liveStore';
import type { Entity, MatchPattern, Passage, SourceDocument } from '../corpus/types';
import { Matcher } from '../text/matcher';
import { patternsFromEntities } from '../text/patterns';
import type { ImportMode } from './bundle';
import { ImportError } from './limits';
import { mergeEntities, stored, userPatterns } from './merge';
import type { UserChange, UserStorePort } from './port';
import type { StoredDocument, UserAlias, UserCorpusData } from './types';

/** How many documents are read from storage at once when the store is loaded. */
const PAGE = 250;

/**
 * Adds the stored user documents to the store, in import order, a page at a time (the next page
 * is read while one is added; 10,000 at once would hold the worker for long). Documents stored
 * without passages (schema version 1) are compiled and written back.
 */
export async function addStoredDocuments(port: UserStorePort, store: LiveCorpusStore, compiler: DocumentCompiler, pause: () => Promise<void>, seen: (d: StoredDocument) => void): Promise<void> {
  const uncompiled: StoredDocument[] = [];
  let next = port.documents(0, PAGE);
  for (let offset = 0; ; offset += PAGE) {
    const docs = await next;
    if (docs.length === PAGE) next = port.documents(offset + PAGE, PAGE);
    store.addDocuments(
      docs.map((d) => {
        seen(d);
        const document = { meta: d.meta, body: d.body };
        if (d.passages) return { document, passages: d.passages };
        const passages = compiler.passages(document);
        uncompiled.push(stored(document, passages, d.addedAt, store.entities));
        return { document, passages };
      }),
    );
    await pause();
    if (docs.length < PAGE) break;
  }
  if (uncompiled.length) await port.write({ putDocuments: uncompiled, touched: uncompiled.flatMap((d) => d.entityIds) });
}

/** Recompiles the documents in which one of `patterns` occurs (after the entities changed). */
export async function recompileMatching(store: LiveCorpusStore, patterns: MatchPattern[], compiler: DocumentCompiler, pause: () => Promise<void>): Promise<void> {
  if (!patterns.length) return;
  const finder = new Matcher(patterns);
  for (const document of [...store.documents.values()]) {
    if (!finder.findAll(document.body).length) continue;
    store.replacePassages(document.meta.id, compiler.passages(document));
    await pause();
  }
}

/** New user entities and aliases: the merged entity list, the documents that contain a new name (recompiled), the rows to store, the cards that change. */
export function planEntityChange(store: LiveCorpusStore, seed: readonly Entity[], entities: Entity[], aliases: UserAlias[], addedAtOf: (id: string) => number) {
  const before = new Set(patternsFromEntities(store.corpus.entities).map((p) => `${p.entityId}\u0000${p.text}`));
  const fresh = userPatterns(entities, aliases).filter((p) => !before.has(`${p.entityId}\u0000${p.text}`));
  const merged = mergeEntities(seed, entities, aliases);
  const finder = new Matcher(fresh);
  const compiler = createCompiler(merged);
  const recompiled: Array<{ document: SourceDocument; passages: Passage[] }> = [];
  for (const document of store.corpus.documents) {
    if (finder.findAll(document.body).length) recompiled.push({ document, passages: compiler.passages(document) });
  }
  const byId = new Map(merged.map((e) => [e.id, e]));
  const userRows = recompiled.filter((r) => r.document.meta.origin === 'user').map((r) => stored(r.document, r.passages, addedAtOf(r.document.meta.id), byId));
  const touched = recompiled.flatMap((r) => r.passages.flatMap((p) => p.entityIds));
  // Bundled documents' cards change too: every entity they mentioned.
  for (const r of recompiled) if (r.document.meta.origin === 'seed') touched.push(...store.corpus.passages.filter((p) => p.docId === r.document.meta.id).flatMap((p) => p.entityIds));
  return { merged, recompiled, userRows, touched };
}

/** Refuses a bundle's data that would clash with the bundled corpus or name a missing entity. */
export function checkIncoming(store: LiveCorpusStore, seed: readonly Entity[], current: UserCorpusData, incoming: UserCorpusData, mode: ImportMode): void {
  const seedIds = new Set(seed.map((e) => e.id));
  for (const d of incoming.documents) {
    if (store.documents.get(d.meta.id)?.meta.origin === 'seed' || store.hiddenDocument(d.meta.id)) throw new ImportError(d.meta.title, 'importSeedId', d.meta.id);
  }
  for (const a of incoming.aliases) {
    if (!seedIds.has(a.entityId) && !incoming.entities.some((e) => e.id === a.entityId) && !(mode === 'merge' && current.entities.some((e) => e.id === a.entityId))) {
      throw new ImportError({ key: 'aliasSubject', args: [a.text] }, 'importAliasOrphan', a.entityId);
    }
  }
}

/** The write that makes the stored user corpus exactly `next` (after clearing it). */
export function planReplace(store: LiveCorpusStore, seed: readonly Entity[], next: UserCorpusData, now: number): Omit<UserChange, 'clear'> {
  const entities = mergeEntities(seed, next.entities, next.aliases);
  const compiler = createCompiler(entities);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const rows = next.documents.map((d, i) => stored(d, compiler.passages(d), now + i / 1000, byId));
  // Hidden bundled documents, with the entities they mention (their cards change).
  const hide = next.hiddenSeeds.map((id) => {
    const passages = [...store.corpus.passages.filter((p) => p.docId === id), ...(store.hiddenDocument(id)?.passages ?? [])];
    return { id, entityIds: [...new Set(passages.flatMap((p) => p.entityIds))] };
  });
  const touched = [...rows.flatMap((r) => r.entityIds), ...hide.flatMap((h) => h.entityIds), ...next.aliases.map((a) => a.entityId), ...next.entities.map((e) => e.id)];
  return { putDocuments: rows, putEntities: next.entities, putAliases: next.aliases, hide, touched };
}
