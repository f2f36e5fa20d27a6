/**
 * Saving the import form's drafts (issue 16's archive through the options page): round after
 * round (lib/userCorpus/importRounds.ts), each in parts committed once (lib/userCorpus/
 * batches.ts), the progress said as it goes; an import that stopped part way — the worker, the
 * page or the browser closed — is kept (platform/pendingImport.ts through the CorpusApi) and told
 * of when the page opens, and the same files saved again go on where it stopped.
 */
import { useState } from 'preact/hooks';
import { sendDrafts } from '../../lib/userCorpus/batches';
import { resumeOrStart, saveInRounds, worthResuming, type PendingImport, type RoundsProgress } from '../../lib/userCorpus/importRounds';
import type { DocumentDraft } from '../../lib/userCorpus/types';
import type { CorpusApi } from './api';
import { pageYielder } from './yielder';

export function useImportSave(api: CorpusApi) {
  const [pending, setPending] = useState(() => api.pendingImports.read());
  const [progress, setProgress] = useState<RoundsProgress | null>(null);
  const record = (p: PendingImport | null) => {
    api.pendingImports.write(p);
    setPending(p);
  };
  const parts = { stage: api.stageDrafts, commit: api.importDocuments, status: api.importStatus };
  const sender = {
    send: (round: DocumentDraft[], importId: string) => sendDrafts(round, parts, importId),
    status: (importId: string) => api.importStatus({ importId }),
  };
  /** Saves `drafts`, going on with the stopped import they are (same files, same order), else a new one; throws `RoundsStopped` when a round was not saved. */
  const save = async (drafts: readonly DocumentDraft[]) => {
    // The record first: Save clicked again after a lost answer takes the same id, and saves nothing twice.
    const imp = await resumeOrStart(drafts, api.pendingImports.read(), () => crypto.randomUUID(), pageYielder());
    record(imp);
    try {
      const done = await saveInRounds(drafts, imp, sender, record, setProgress);
      record(null);
      return done;
    } finally {
      setProgress(null);
    }
  };
  return {
    /** A stopped import of more than one round, to tell of (none while one is saved). */
    pending: worthResuming(pending) && !progress ? pending : null,
    progress,
    save,
    forget: () => record(null),
  };
}
