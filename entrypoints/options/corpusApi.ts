/** The corpus components' CorpusApi: the worker's client, generated from the message registry (this page is privileged). */
import type { CorpusApi } from '../../components/corpus/api';
import { onCorpusChanged } from '../../platform/corpusVersion';
import { workerClient } from '../../platform/messaging';
import { pendingImports } from '../../platform/pendingImport';

export const corpusApi: CorpusApi = {
  ...workerClient,
  watchCorpus: (callback) => onCorpusChanged(() => callback()),
  pendingImports,
};
