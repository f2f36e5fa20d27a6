/**
 * A CorpusStore that changes in place (the user's documents, lib/userCorpus/): every lookup of
 * the store follows. Passage ids never move: a removed document's passages keep their slots,
 * emptied (REMOVED); new passages are appended. The search index, when there is one, is updated
 * passage by passage (no rebuild); without one, the changed ids wait in a backlog for the index
 * being loaded (lib/corpus/service.ts `searchReady`). Pure.
 */
import { CorpusStore } from './store';
import { NotFoundError, REMOVED } from './storeShared';
import type { CompiledCorpus, Entity, Passage, SourceDocument, SourceMeta } from './types';

export class LiveCorpusStore extends CorpusStore {
  /** Documents taken out of view (hidden bundled documents), with their passages, to put back. */
  private readonly hidden = new Map<string, { document: SourceDocument; passages: Passage[] }>();
  /** Passage ids changed while there was no search index, for `takeIndexBacklog`. */
  private indexBacklog = new Set<number>();
  /** Each document's place in the corpus, kept from the first hide on (a document shown again goes back to it). */
  private order?: Map<string, number>;

  /** Places of every document in the corpus now (new ones after every known one). */
  private documentOrder(): Map<string, number> {
    const order = (this.order ??= new Map<string, number>());
    for (const d of this.corpus.documents) if (!order.has(d.meta.id)) order.set(d.meta.id, order.size);
    return order;
  }


  /** Appends documents with their passages (ids 0…n-1 within each document); returns the passages as numbered in the corpus. */
  addDocuments(items: ReadonlyArray<{ document: SourceDocument; passages: readonly Passage[] }>): Passage[] {
    const added: Passage[] = [];
    const docs = [...this.corpus.documents];
    for (const { document, passages } of items) {
      if (this.documents.has(document.meta.id)) throw new Error(`Corpus document "${document.meta.id}" already exists`);
      this.documents.set(document.meta.id, document);
      docs.push(document);
      for (const p of passages) {
        const passage = { ...p, id: this.corpus.passages.length, docId: document.meta.id };
        this.corpus.passages.push(passage);
        added.push(passage);
      }
    }
    this.changed({ documents: docs }, added, [], true);
    return added;
  }

  /** Removes documents (unknown ids are ignored); `hide`: keep them aside for `unhideDocuments`. */
  removeDocuments(ids: readonly string[], { hide = false } = {}): void {
    const gone = new Set(ids.filter((id) => this.documents.has(id)));
    if (!gone.size) return;
    if (hide) this.documentOrder(); // (its place, to be put back in)
    const removed: Passage[] = [];
    this.corpus.passages.forEach((p, i) => {
      if (!gone.has(p.docId)) return;
      if (hide) {
        const entry = this.hidden.get(p.docId) ?? { document: this.documents.get(p.docId)!, passages: [] };
        entry.passages.push(p);
        this.hidden.set(p.docId, entry);
      }
      removed.push(p);
      this.corpus.passages[i] = { ...p, docId: REMOVED, text: '', mentions: [], entityIds: [] };
    });
    for (const id of gone) {
      if (hide && !this.hidden.has(id)) this.hidden.set(id, { document: this.documents.get(id)!, passages: [] });
      this.documents.delete(id);
    }
    this.changed({ documents: this.corpus.documents.filter((d) => !gone.has(d.meta.id)) }, [], removed);
  }

  /** A hidden document with its passages (undefined when not hidden). */
  hiddenDocument(id: string): { document: SourceDocument; passages: Passage[] } | undefined {
    return this.hidden.get(id);
  }

  /** Puts hidden documents back (at the end of the corpus). */
  unhideDocuments(ids: readonly string[]): void {
    const back = ids.flatMap((id) => {
      const entry = this.hidden.get(id);
      this.hidden.delete(id);
      return entry && !this.documents.has(id) ? [entry] : [];
    });
    if (!back.length) return;
    // Back in their own place: the same passage slots, and the document where the corpus had it,
    // so the store is the one a worker that starts builds (ties are ranked by passage id).
    const added: Passage[] = [];
    for (const { document, passages } of back) {
      this.documents.set(document.meta.id, document);
      for (const p of passages) {
        this.corpus.passages[p.id] = p;
        added.push(p);
      }
    }
    const order = this.documentOrder();
    const documents = [...this.corpus.documents, ...back.map((b) => b.document)].sort((a, b) => order.get(a.meta.id)! - order.get(b.meta.id)!);
    this.changed({ documents }, added, [], true);
  }

  /** New passages for a document already in the corpus (recompiled after the entities changed); it keeps its place. */
  replacePassages(docId: string, passages: readonly Passage[]): void {
    if (!this.documents.has(docId)) throw new NotFoundError(`No corpus document "${docId}"`);
    // The new passages take the document's slots in order (so its passages keep the ids a worker
    // that starts gives them); only extra ones are appended, slots left over are emptied.
    const removed: Passage[] = [];
    const slots: number[] = [];
    this.corpus.passages.forEach((p, i) => {
      if (p.docId !== docId) return;
      removed.push(p);
      slots.push(i);
      this.corpus.passages[i] = { ...p, docId: REMOVED, text: '', mentions: [], entityIds: [] };
    });
    const added = passages.map((p, n) => {
      const id = n < slots.length ? slots[n]! : this.corpus.passages.push({ ...p, docId }) - 1;
      return (this.corpus.passages[id] = { ...p, id, docId });
    });
    this.changed({}, added, removed);
  }

  /** New metadata for a document (same id). */
  updateMeta(meta: SourceMeta): void {
    const old = this.documents.get(meta.id);
    if (!old) throw new NotFoundError(`No corpus document "${meta.id}"`);
    const document = { ...old, meta };
    this.documents.set(meta.id, document);
    this.changed({ documents: this.corpus.documents.map((d) => (d.meta.id === meta.id ? document : d)) }, [], []);
  }

  /** The whole entity list (bundled entities with the user's aliases, and the user's entities). */
  setEntities(entities: readonly Entity[]): void {
    this.entities.clear();
    for (const e of entities) this.entities.set(e.id, e);
    this.queryMatcher = undefined;
    this.aliasPrefixes = undefined;
    this.phoneticNames = undefined;
    const entityPassages = { ...this.corpus.entityPassages };
    for (const e of entities) entityPassages[e.id] ??= [];
    this.changed({ entities: [...entities], entityPassages }, [], []);
  }

  /** Passage ids changed since the store was made without a search index: index them (in slices) once it is loaded. */
  takeIndexBacklog(): number[] {
    const ids = [...this.indexBacklog];
    this.indexBacklog.clear();
    return ids;
  }

  /**
   * After a change: a new corpus object (caches keyed by it start afresh), the entity lists, counts
   * and index follow. `newDocuments`: `added` are passages of documents new to the corpus (their
   * sources are counted on top, not counted again over every passage: loading 10,000 documents a
   * page at a time would otherwise count every entity's sources once per page).
   */
  private changed(patch: Partial<CompiledCorpus>, added: readonly Passage[], removed: readonly Passage[], newDocuments = false): void {
    const corpus: CompiledCorpus = { ...this.corpus, ...patch };
    const entityPassages = patch.entityPassages ? patch.entityPassages : { ...corpus.entityPassages };
    const touched = new Set<string>();
    if (removed.length) {
      const gone = new Set(removed.map((p) => p.id));
      for (const p of removed) for (const id of p.entityIds) touched.add(id);
      for (const id of touched) entityPassages[id] = (entityPassages[id] ?? []).filter((pid) => !gone.has(pid));
    }
    // Each entity's list stays in passage-id order, as a worker that starts builds it: passages that
    // take earlier slots again (a document shown again, or recompiled) go in their place, not last.
    const unordered = new Set<number[]>();
    for (const p of added) {
      for (const id of p.entityIds) {
        touched.add(id);
        const list = (entityPassages[id] ??= []);
        if (list.length > 0 && list[list.length - 1]! > p.id) unordered.add(list);
        list.push(p.id);
      }
    }
    for (const list of unordered) list.sort((a, b) => a - b);
    corpus.entityPassages = entityPassages;
    this.corpus = corpus;
    if (newDocuments && !removed.length) {
      const docsOf = new Map<string, Set<string>>();
      for (const p of added) for (const id of p.entityIds) docsOf.set(id, (docsOf.get(id) ?? new Set()).add(p.docId));
      for (const [id, docs] of docsOf) this.sourceCounts.set(id, (this.sourceCounts.get(id) ?? 0) + docs.size);
    } else {
      for (const id of touched) {
        this.sourceCounts.set(id, new Set((entityPassages[id] ?? []).map((pid) => corpus.passages[pid]!.docId)).size);
      }
    }
    for (const e of corpus.entities) if (!this.sourceCounts.has(e.id)) this.sourceCounts.set(e.id, 0);
    this.perspectives = [...new Set(corpus.documents.map((d) => d.meta.perspective))].sort();
    this.cachedRevision = undefined;
    this.rankedByEntity.clear();
    if (this.searchIndex) {
      for (const p of removed) this.searchIndex.remove(p.id);
      for (const p of added) this.searchIndex.add(p, this.entities);
    } else {
      for (const p of removed) this.indexBacklog.add(p.id);
      for (const p of added) this.indexBacklog.add(p.id);
    }
  }
}
