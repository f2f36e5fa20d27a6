/**
 * The reader page as a state machine: which document and passage its address names (followed as
 * the address changes), the document loaded for it (kept when only the passage changes), the
 * entity names for the passage's "Compare sources on" links, and the error to show when there is
 * no document. I/O injected. Pure.
 */
import { ENGLISH } from '../i18n/english';
import type { ReaderTarget } from '../messages/pageUrls';
import type { DocumentView, EntitySummary } from '../messages/protocol';
import { Store } from './store';

export interface ReaderPorts {
  /** The target's document: the local corpus's, or the team server's (`target.team`). */
  getDocument(target: ReaderTarget): Promise<DocumentView>;
  listEntities(): Promise<EntitySummary[]>;
  /** Calls back with the target each time the page's address changes. */
  watchTarget(callback: (target: ReaderTarget | null) => void): () => void;
}

export interface ReaderState {
  target: ReaderTarget | null;
  doc: DocumentView | null;
  error: string | null;
  entities: ReadonlyMap<string, EntitySummary>;
}

/** The reader was opened without a document (in English; the page words it by the key `readerNoDocument`). */
export const NO_DOCUMENT = ENGLISH('readerNoDocument');

export class ReaderController extends Store<ReaderState> {
  private seq = 0;

  constructor(private ports: ReaderPorts) {
    super({ target: null, doc: null, error: null, entities: new Map() });
  }

  start(target: ReaderTarget | null): () => void {
    this.go(target);
    this.ports
      .listEntities()
      .then((list) => this.set({ entities: new Map(list.map((e) => [e.id, e])) }))
      .catch(() => undefined);
    const off = this.ports.watchTarget((t) => this.go(t));
    return () => {
      off();
      this.seq++;
    };
  }

  private go(target: ReaderTarget | null): void {
    this.set({ target, error: null });
    if (!target) return this.set({ doc: null, error: NO_DOCUMENT });
    const doc = this.state.doc;
    if (doc && doc.document.meta.id === target.docId && !!doc.origin === !!target.team) return;
    const seq = ++this.seq;
    this.ports
      .getDocument(target)
      .then((doc) => seq === this.seq && this.set({ doc }))
      .catch((e: Error) => seq === this.seq && this.set({ doc: null, error: e.message || 'This document could not be loaded.' }));
  }
}
