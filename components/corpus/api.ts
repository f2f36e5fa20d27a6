/**
 * What the corpus components ask of the extension, as a plain interface: the options page
 * passes an implementation over messages (entrypoints/options/corpusApi.ts); components never
 * touch browser APIs themselves.
 */
import type { CorpusWritesProtocol, UserCorpusListing } from '../../lib/messages/corpusWrites';
import type { EntitySummary, MatcherData } from '../../lib/messages/protocol';
import type { SourceDocument } from '../../lib/corpus/types';

type Api<P> = { [K in keyof P]: P[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

export interface CorpusApi extends Api<CorpusWritesProtocol> {
  listEntities(): Promise<{ entities: EntitySummary[] }>;
  matcherData(): Promise<MatcherData>;
  getDocument(docId: string): Promise<{ document: SourceDocument }>;
  /** Calls back when the corpus changes (any page's write); returns the unsubscribe function. */
  watchCorpus(callback: () => void): () => void;
}

export type { UserCorpusListing };
