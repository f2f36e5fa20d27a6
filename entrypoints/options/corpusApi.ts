/** The corpus components' CorpusApi over the extension's messages (this page is privileged). */
import type { CorpusApi } from '../../components/corpus/api';
import { backgroundMessenger } from '../../platform/messaging';
import { corpusWritesMessenger } from '../../platform/corpusWritesMessaging';

const send = corpusWritesMessenger.sendMessage;

export const corpusApi: CorpusApi = {
  importDocuments: (p) => send('importDocuments', p),
  restoreDocuments: (p) => send('restoreDocuments', p),
  updateDocument: (p) => send('updateDocument', p),
  deleteDocuments: (p) => send('deleteDocuments', p),
  listUserCorpus: () => send('listUserCorpus', undefined),
  setSeedHidden: (p) => send('setSeedHidden', p),
  addEntity: (p) => send('addEntity', p),
  addAlias: (p) => send('addAlias', p),
  exportCorpus: () => send('exportCorpus', undefined),
  importCorpus: (p) => send('importCorpus', p),
  resetCorpus: () => send('resetCorpus', undefined),
  listEntities: () => backgroundMessenger.sendMessage('listEntities', undefined),
  matcherData: () => backgroundMessenger.sendMessage('matcherData', undefined),
  getDocument: (docId) => backgroundMessenger.sendMessage('getDocument', { docId }),
};
