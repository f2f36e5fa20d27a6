/** The corpus components' CorpusApi over the extension's messages (this page is privileged). */
import type { CorpusApi } from '../../components/corpus/api';
import { onCorpusChanged } from '../../platform/corpusVersion';
import { contentScriptMessenger, corpusWriteMessenger, pageMessenger } from '../../platform/messaging';

const send = corpusWriteMessenger.sendMessage;

export const corpusApi: CorpusApi = {
  importDocuments: (p) => send('importDocuments', p),
  importStatus: (p) => send('importStatus', p),
  stageDrafts: (p) => send('stageDrafts', p),
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
  listEntities: () => pageMessenger.sendMessage('listEntities', undefined),
  // (The matcher data is what content scripts may ask; an extension page may ask it too.)
  matcherData: () => contentScriptMessenger.sendMessage('matcherData', undefined),
  getDocument: (docId) => pageMessenger.sendMessage('getDocument', { docId }),
  watchCorpus: (callback) => onCorpusChanged(() => callback()),
};
