/**
 * What the corpus components ask of the extension, as a plain interface: the options page
 * passes the worker's client (entrypoints/options/corpusApi.ts, generated from
 * lib/messages/registry.ts); components never touch browser APIs themselves.
 */
import type { Client } from '../../lib/messages/dispatch';
import type { NameTo } from '../../lib/messages/registry';

export interface CorpusApi extends Client<NameTo<'background'>> {
  /** Calls back when the corpus changes (any page's write); returns the unsubscribe function. */
  watchCorpus(callback: () => void): () => void;
}

export type { UserCorpusListing } from '../../lib/userCorpus/merge';
