/**
 * What the corpus components ask of the extension, as a plain interface: the options page
 * passes the worker's client (entrypoints/options/corpusApi.ts, generated from
 * lib/messages/registry.ts); components never touch browser APIs themselves.
 */
import type { Client } from '../../lib/messages/dispatch';
import type { NameTo } from '../../lib/messages/registry';
import type { PendingImportStore } from '../../lib/userCorpus/importRounds';

export interface CorpusApi extends Client<NameTo<'background'>> {
  /** Calls back when the corpus changes (any page's write); returns the unsubscribe function. */
  watchCorpus(callback: () => void): () => void;
  /** Where an import that stopped part way is kept until it is done (platform/pendingImport.ts). */
  pendingImports: PendingImportStore;
}

export type { UserCorpusListing } from '../../lib/userCorpus/merge';
