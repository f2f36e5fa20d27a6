/**
 * The user's part of the corpus, live in the background: it is the CorpusOverlay that puts the
 * user's documents, entities and aliases into the bundled store when the worker loads it, and
 * it performs every write — first to storage in one transaction (all or nothing), then to the
 * loaded store incrementally (lib/corpus/liveStore.ts addDocuments / removeDocuments / replacePassages: the
 * search index and the cards follow without a rebuild), then tells the service what changed; the
 * cards it touched are then computed ahead and saved (lib/userCorpus/writeQueue.ts).
 *
 * Documents are compiled by the build's compiler (lib/corpus/compile.ts) over the gazetteer plus the user's names; their
 * passages are stored with them (and per entity), so a restarted worker does not compile again (the bundled ones the names
 * recompile are saved with the search index: CorpusService.base). A new name recompiles only the documents it occurs in. Pure.
 */
import { createCompiler, type DocumentCompiler } from '../corpus/compile';
import type { CorpusOverlay, CorpusService, OverlayState } from '../corpus/service';
import type { LiveCorpusStore as CorpusStore } from '../corpus/liveStore';
import type { Entity, Passage, SourceDocument, SourceMeta } from '../corpus/types';
import type { EntityCard, EntitySummary } from '../messages/protocol';
import { aheadCard, refreshRows, staleFacts, storedEntityCard, storeMissingRows } from './entityCards';
import { nextTask } from '../slices';
import { WriteQueue } from './writeQueue';
import { planImport, type BundlePreview, type ImportMode } from './bundle';
import { finishDraft, newDocumentId } from './draft';
import { ImportError } from './limits';
import { exportUserCorpus, listUserCorpus, overlayStateOf, mergeEntities, stored, summaryOf, newUserEntity, userPatterns, type NewEntity, type UserCorpusListing } from './merge';
import type { UserChange, UserStorePort, UserSummary } from './port';
import { addStoredDocuments, checkIncoming, planEntityChange, planReplace, recompileMatching } from './recompile';
import type { DocumentDraft, DraftMeta, UserAlias, UserCorpusData } from './types';
export type { NewEntity, UserCorpusListing };

export class UserCorpus implements CorpusOverlay {
  private service?: CorpusService;
  /** The bundled entities as the build made them (before the user's aliases). */
  private seedEntities?: readonly Entity[];
  private summaryLoad?: Promise<UserSummary>;
  private readonly writes: WriteQueue; // (one at a time, in order)
  /** Import order of the user's documents (`order`: 0 for one not known). */
  private addedAt = new Map<string, number>();
  private readonly order = (docId: string): number => this.addedAt.get(docId) ?? 0;
  private compiler?: { revision: string; compiler: DocumentCompiler };

  constructor(
    private readonly port: UserStorePort,
    private readonly now: () => number = Date.now,
    private readonly pause: () => Promise<void> = nextTask,
  ) {
    this.writes = new WriteQueue((id, card) => port.saveCard(id, card), pause, (loaded, id) => aheadCard(port, loaded, id, this.order, pause));
  }

  /** The service this overlays (it calls back into `apply` when it loads the store). */
  attach = (service: CorpusService): void => void (this.service = service);

  private summary(): Promise<UserSummary> {
    return (this.summaryLoad ??= this.port.summary().catch((e: unknown) => {
      this.summaryLoad = undefined;
      throw e;
    }));
  }

  async state(): Promise<OverlayState> {
    return overlayStateOf(await this.summary());
  }

  async applyNames(store: CorpusStore, pause: () => Promise<void>, compiled?: ReadonlyArray<readonly [string, Passage[]]>): Promise<void> {
    this.seedEntities = store.corpus.entities;
    const s = await this.summary();
    if (s.entities.length || s.aliases.length) {
      store.setEntities(mergeEntities(this.seedEntities, s.entities, s.aliases));
      // Bundled documents that name a user entity or alias get their passages again (as saved at this corpus version, if they were).
      if (compiled) for (const [docId, passages] of compiled) store.replacePassages(docId, passages);
      else await recompileMatching(store, userPatterns(s.entities, s.aliases), this.compilerFor(store), pause);
    }
    if (s.hidden.length) store.removeDocuments(s.hidden.map((h) => h.id), { hide: true });
  }

  /** The user's documents into the store, a page at a time; then the changed cards not saved (the worker stopped first) are computed ahead, and card rows missing or left stale are derived. */
  async applyDocuments(store: CorpusStore, pause: () => Promise<void>): Promise<void> {
    await addStoredDocuments(this.port, store, this.compilerFor(store), pause, (d) => this.addedAt.set(d.meta.id, d.addedAt));
    const [{ touched }, saved] = await Promise.all([this.state(), this.port.savedCards()]);
    this.writes.touched([...touched].filter((id) => !saved.includes(id))); // (a few hundred ids)
    this.writes.refresh(() => this.store());
    void storeMissingRows(this.port, store, this.order, pause).then(() => this.port.staleRows()).then((stale) => refreshRows(this.port, store, stale, this.order, pause)).catch(() => undefined);
  }

  /** A touched entity's card from the bundled store and the user's passages of it alone (lib/corpus/partialCard.ts). */
  async entityCard(base: Promise<CorpusStore>, entityId: string, totalSources: number, steps?: Parameters<typeof storedEntityCard>[5]): Promise<EntityCard | undefined> {
    return (await this.summary()).compiled ? storedEntityCard(this.port, base, entityId, totalSources, this.pause, steps) : undefined;
  }

  /** What a search before the store is loaded reads: the storage's own (lib/corpus/quickSearch.ts). */
  get searchParts(): NonNullable<CorpusOverlay['searchParts']> {
    return this.port;
  }
  cachedCard = (entityId: string) => this.port.card(entityId);
  saveCard = (entityId: string, card: EntityCard): void => void this.port.saveCard(entityId, card).catch(() => undefined);
  listDocuments = async (): Promise<UserCorpusListing> => listUserCorpus(await this.store(), await this.summary());
  exportData = async (): Promise<UserCorpusData> => exportUserCorpus(await this.store(), await this.summary());

  /** Saves drafts as new documents, all or none; an import `importId` already saved is not saved again (its documents are returned). */
  importDrafts(drafts: readonly DocumentDraft[], importId?: string): Promise<SourceMeta[]> {
    return this.write(async (store) => {
      const done = importId ? await this.importedDocuments(importId) : undefined;
      if (done) return done;
      const taken = new Set([...store.documents.keys()]);
      const salt = String(this.now());
      const documents = drafts.map((draft, i) => {
        const doc = finishDraft(draft, newDocumentId(draft.body, `${salt}:${i}:${draft.fileName}`, taken));
        taken.add(doc.meta.id);
        return doc;
      });
      await this.addDocuments(store, documents, importId);
      return documents.map((d) => d.meta);
    });
  }

  /** What the import `importId` saved (documents since deleted left out); undefined when it saved nothing. */
  async importedDocuments(importId: string): Promise<SourceMeta[] | undefined> {
    const [ids, store] = await Promise.all([this.port.imported(importId), this.store()]);
    return ids?.flatMap((id) => store.documents.get(id)?.meta ?? []);
  }

  /** Puts deleted documents back with their ids (undo). */
  restoreDocuments(documents: readonly SourceDocument[]): Promise<number> {
    return this.write(async (store) => {
      for (const d of documents) {
        if (store.documents.has(d.meta.id)) throw new ImportError(d.meta.title, 'restoreExists');
        if (d.meta.origin !== 'user') throw new ImportError(d.meta.title, 'restoreNotUser');
      }
      await this.addDocuments(store, documents);
      return documents.length;
    });
  }

  private async addDocuments(store: CorpusStore, documents: readonly SourceDocument[], importId?: string): Promise<void> {
    const compiler = this.compilerFor(store);
    const base = this.now();
    const rows = documents.map((document, i) => stored(document, compiler.passages(document), base + i / 1000, store.entities));
    await this.save({ putDocuments: rows, touched: rows.flatMap((r) => r.entityIds), ...(importId ? { importId } : {}) });
    for (const r of rows) this.addedAt.set(r.meta.id, r.addedAt);
    store.addDocuments(rows.map((r) => ({ document: { meta: r.meta, body: r.body }, passages: r.passages })));
  }

  updateDocument(id: string, draft: DraftMeta): Promise<SourceMeta> {
    return this.write(async (store) => {
      const old = this.userDocument(store, id);
      const { meta } = finishDraft({ fileName: old.meta.title, meta: draft, body: old.body }, id);
      const passages = store.corpus.passages.filter((p) => p.docId === id);
      const row = stored({ meta, body: old.body }, passages, this.addedAt.get(id) ?? this.now(), store.entities);
      await this.save({ putDocuments: [row], touched: row.entityIds });
      store.updateMeta(meta);
      return meta;
    });
  }

  /** Deletes user documents; returns them, for undo. */
  deleteDocuments(ids: readonly string[]): Promise<SourceDocument[]> {
    return this.write(async (store) => {
      const docs = ids.map((id) => this.userDocument(store, id));
      const touched = store.corpus.passages.filter((p) => ids.includes(p.docId)).flatMap((p) => p.entityIds);
      await this.save({ deleteDocuments: [...ids], touched });
      store.removeDocuments(ids);
      return docs.map((d) => ({ meta: d.meta, body: d.body }));
    });
  }

  /** Hides or shows again a bundled document. */
  setSeedHidden(id: string, hidden: boolean): Promise<void> {
    return this.write(async (store) => {
      if (hidden) {
        const doc = store.documents.get(id);
        if (!doc || doc.meta.origin !== 'seed') throw new ImportError(id, 'notSeed');
        const entityIds = [...new Set(store.corpus.passages.filter((p) => p.docId === id).flatMap((p) => p.entityIds))];
        await this.save({ hide: [{ id, entityIds }], touched: entityIds });
        store.removeDocuments([id], { hide: true });
      } else {
        const entry = store.hiddenDocument(id);
        if (!entry) return;
        // Compiled again with the names of now (a name added while it was hidden is found in it,
        // as a worker that starts would find it), its cards and the old ones' touched.
        const passages = this.compilerFor(store).passages(entry.document);
        await this.save({ unhide: [id], touched: [...new Set([...entry.passages, ...passages].flatMap((p) => p.entityIds))] });
        store.unhideDocuments([id]);
        store.replacePassages(id, passages);
      }
    });
  }

  /** A new entity (a place or group) with its aliases; documents that name it get it in their passages. */
  addEntity(input: NewEntity): Promise<EntitySummary> {
    return this.write(async (store) => {
      const name = input.name.trim();
      if (!name) throw new ImportError({ key: 'newEntity' }, 'entityNoName');
      const entity = newUserEntity(input, new Set(store.entities.keys()));
      this.checkAliasesFree(store, entity.aliases.map((a) => a.text));
      const s = await this.summary();
      await this.changeEntities(store, [...s.entities, entity], s.aliases, { putEntities: [entity], touched: [entity.id] });
      return summaryOf(entity, store.summary(entity).sourceCount);
    });
  }

  /** Another spelling of an entity (bundled or the user's). */
  addAlias(entityId: string, text: string): Promise<void> {
    return this.write(async (store) => {
      const alias = text.trim();
      if (!alias) throw new ImportError({ key: 'newAlias' }, 'importEmpty');
      if (!store.entities.has(entityId)) throw new ImportError(alias, 'aliasNoEntity', entityId);
      this.checkAliasesFree(store, [alias]);
      const s = await this.summary();
      const added: UserAlias = { entityId, text: alias };
      await this.changeEntities(store, s.entities, [...s.aliases, added], { putAliases: [added], touched: [entityId] });
    });
  }

  private checkAliasesFree(store: CorpusStore, texts: readonly string[]): void {
    const { matcher } = this.compilerFor(store);
    for (const t of texts) {
      const m = matcher.findAll(t).find((x) => x.start === 0 && x.end === t.length);
      if (m) throw new ImportError(t, 'aliasTaken', store.entities.get(m.entityId)?.name ?? m.entityId);
    }
  }

  /** New entity list: stored, then documents that contain the new names recompiled (stored too), all in one write. */
  private async changeEntities(store: CorpusStore, entities: Entity[], aliases: UserAlias[], change: UserChange): Promise<void> {
    const plan = planEntityChange(store, this.seedEntities ?? store.corpus.entities, entities, aliases, (id) => this.addedAt.get(id) ?? this.now());
    const stale = staleFacts(store, plan.merged);
    await this.save({ ...change, putDocuments: [...(change.putDocuments ?? []), ...plan.userRows], touched: [...change.touched, ...plan.touched], staleRows: [...stale] });
    store.setEntities(plan.merged);
    this.compiler = undefined;
    for (const r of plan.recompiled) store.replacePassages(r.document.meta.id, r.passages);
    void refreshRows(this.port, store, stale, this.order, nextTask).catch(() => undefined); // (cards of a renamed entity)
  }

  /** What importing a bundle's data would change; with `apply`, does it (one transaction), then reloads the corpus. */
  importData(incoming: UserCorpusData, mode: ImportMode, apply: boolean): Promise<BundlePreview> {
    return this.write(async (store) => {
      const current = await this.exportData();
      checkIncoming(store, this.seedEntities ?? store.corpus.entities, current, incoming, mode);
      const { next, preview } = planImport(current, incoming, mode);
      if (!apply) return preview;
      await this.replaceAll(store, next);
      return preview;
    });
  }

  /** Back to the bundled corpus alone: every user document, entity and alias deleted, hidden documents shown. */
  reset(): Promise<void> {
    return this.write(async () => {
      await this.save({ clear: true, touched: [] });
      this.reloadAll();
    });
  }

  private async replaceAll(store: CorpusStore, next: UserCorpusData): Promise<void> {
    await this.save({ clear: true, ...planReplace(store, this.seedEntities ?? store.corpus.entities, next, this.now()) });
    this.reloadAll();
  }

  private reloadAll(): void {
    this.summaryLoad = undefined;
    this.compiler = undefined;
    this.addedAt.clear();
    this.service?.reload();
  }

  private userDocument(store: CorpusStore, id: string): SourceDocument {
    const d = store.documents.get(id);
    if (!d || d.meta.origin !== 'user') throw new ImportError(id, 'notYours');
    return d;
  }

  /** The compiler of the store's entities as they are now (made again when they change). */
  private compilerFor(store: CorpusStore): DocumentCompiler {
    if (this.compiler?.revision !== store.revision) this.compiler = { revision: store.revision, compiler: createCompiler(store.corpus.entities) };
    return this.compiler.compiler;
  }

  private store = (): Promise<CorpusStore> => this.service?.store() ?? Promise.reject(new Error('UserCorpus is not attached to a CorpusService'));
  /** Writes one change; the cards it touches are computed again after the write (`refresh`). */
  private save(change: UserChange): Promise<void> {
    this.writes.touched(change.touched);
    return this.port.write(change);
  }

  /** Resolves when no write is under way and the cards it touched are saved again. */
  settled = (): Promise<void> => this.writes.settled();

  /** Runs writes one after another; each sees the store as the previous one left it. */
  private write<T>(task: (store: CorpusStore) => Promise<T>): Promise<T> {
    return this.writes.run(async () => {
      const store = await this.store();
      this.service!.changed();
      try {
        return await task(store);
      } finally {
        this.summaryLoad = undefined;
        this.service!.changed();
        this.writes.refresh(() => this.store());
      }
    });
  }
}
