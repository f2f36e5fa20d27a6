/** Export the whole user corpus (and settings) as one bundle file; reset to the bundled corpus. */
import { useState } from 'preact/hooks';
import { makeBundle } from '../../lib/userCorpus/bundle';
import { errorText, type CorpusApi } from './api';

interface Props {
  api: CorpusApi;
  settings(): Promise<Record<string, unknown>>;
  onReset(): void;
}

export function ExportReset({ api, settings, onReset }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  const exportBundle = async () => {
    try {
      const bundle = makeBundle(await api.exportCorpus(), await settings(), new Date().toISOString());
      const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 1)], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `counterpoint-corpus-${bundle.exportedAt.slice(0, 10)}.json` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Exported ${bundle.documents.length} documents, ${bundle.entities.length} places and groups, ${bundle.aliases.length} aliases.`);
    } catch (e) {
      setMessage(errorText(e));
    }
  };

  return (
    <section class="corpus-section" aria-labelledby="backup-title">
      <h2 id="backup-title">Back up and reset</h2>
      <div class="row">
        <button type="button" class="btn" onClick={() => void exportBundle()}>Export corpus</button>
        {confirming ? (
          <>
            <button type="button" class="btn btn-danger" onClick={() => void api.resetCorpus().then(() => {
              setConfirming(false);
              setMessage('Your documents, places, groups and aliases were deleted; the bundled corpus is back.');
              onReset();
            }, (e: unknown) => setMessage(errorText(e)))}>Delete everything I added</button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>Keep it</button>
          </>
        ) : (
          <button type="button" class="btn" onClick={() => setConfirming(true)}>Reset to the bundled corpus…</button>
        )}
      </div>
      <p role="status" class="import-status">{message}</p>
      <p class="muted option-help">To restore a backup, choose its .json file under “Add documents”.</p>
    </section>
  );
}
