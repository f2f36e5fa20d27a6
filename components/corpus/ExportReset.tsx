/** Export the whole user corpus (and settings) as one bundle file; reset to the bundled corpus. */
import { useState } from 'preact/hooks';
import { makeBundle } from '../../lib/userCorpus/bundle';
import { errorText } from '../../lib/i18n/wording';
import type { CorpusApi } from './api';
import { useT } from '../i18n';

interface Props {
  api: CorpusApi;
  settings(): Promise<Record<string, unknown>>;
  onReset(): void;
}

export function ExportReset({ api, settings, onReset }: Props) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState('');

  const exportBundle = async () => {
    try {
      const bundle = makeBundle(await api.exportCorpus(), await settings(), new Date().toISOString());
      const url = URL.createObjectURL(new Blob([JSON.stringify(bundle, null, 1)], { type: 'application/json' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: `counterpoint-corpus-${bundle.exportedAt.slice(0, 10)}.json` });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(t.plural('exported', bundle.documents.length, bundle.entities.length, bundle.aliases.length));
    } catch (e) {
      setMessage(errorText(e, t));
    }
  };

  return (
    <section class="corpus-section" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('backupTitle')}</h2>
      <div class="row">
        <button type="button" class="btn" onClick={() => void exportBundle()}>{t('exportCorpus')}</button>
        {confirming ? (
          <>
            <button type="button" class="btn btn-danger" onClick={() => void api.resetCorpus().then(() => {
              setConfirming(false);
              setMessage(t('resetDone'));
              onReset();
            }, (e: unknown) => setMessage(errorText(e, t)))}>{t('resetConfirm')}</button>
            <button type="button" class="btn" onClick={() => setConfirming(false)}>{t('resetKeep')}</button>
          </>
        ) : (
          <button type="button" class="btn" onClick={() => setConfirming(true)}>{t('resetAsk')}</button>
        )}
      </div>
      <p role="status" class="import-status">{message}</p>
      <p class="muted option-help">{t('restoreHelp')}</p>
    </section>
  );
}
