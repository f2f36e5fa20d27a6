/** A corpus bundle read from a file: merge or replace, a preview of what changes, then confirm. */
import { useEffect, useState } from 'preact/hooks';
import { type Bundle, type BundlePreview, type ImportMode } from '../../lib/userCorpus/bundle';
import { errorText } from '../../lib/i18n/wording';
import type { CorpusApi } from './api';
import { useT } from '../i18n';
import type { T } from '../../lib/i18n/keys';

interface Props {
  api: CorpusApi;
  bundle: Bundle;
  fileName: string;
  onDone(message: string): void;
  onCancel(): void;
}

/** "3 documents added: A; B; C" (the first five titles). */
function titled(t: T, count: string, titles: readonly string[]): string {
  return titles.length ? t('listColon', count, titles.slice(0, 5).join('; ') + (titles.length > 5 ? '…' : '')) : count;
}

export function BundleImport({ api, bundle, fileName, onDone, onCancel }: Props) {
  const t = useT();
  const [mode, setMode] = useState<ImportMode>('merge');
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [error, setError] = useState('');

  const data = () => ({ documents: bundle.documents, entities: bundle.entities, aliases: bundle.aliases, hiddenSeeds: bundle.hiddenSeeds });

  useEffect(() => {
    setPreview(null);
    api.importCorpus({ data: data(), mode, apply: false }).then(setPreview, (e: unknown) => setError(errorText(e, t)));
  }, [bundle, mode]);

  const apply = async () => {
    try {
      const done = await api.importCorpus({ data: data(), mode, apply: true });
      onDone(t('bundleImported', fileName, t.plural('bundleAdded', done.added.length), t.plural('bundleReplaced', done.replaced.length), t.plural('bundleRemoved', done.removed.length)));
    } catch (e) {
      setError(errorText(e, t));
    }
  };

  return (
    <div class="bundle-import" role="region" aria-label={t('bundleTitle', fileName)}>
      <h3>{t('bundleTitle', fileName)}</h3>
      <fieldset class="row">
        <legend>{t('bundleHow')}</legend>
        <label>
          <input type="radio" name="bundle-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> {t('bundleMergeWith')}
        </label>
        <label>
          <input type="radio" name="bundle-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> {t('bundleReplaceYours')}
        </label>
      </fieldset>
      {error && <p role="alert" class="import-errors">{error}</p>}
      {preview && (
        <ul class="bundle-preview" aria-label={t('bundleChanges')}>
          <li>{titled(t, t.plural('bundleDocsAdded', preview.added.length), preview.added)}</li>
          <li>{titled(t, t.plural('bundleReplaced', preview.replaced.length), preview.replaced)}</li>
          <li>{titled(t, t.plural('bundleRemoved', preview.removed.length), preview.removed)}</li>
          <li>{t.plural('bundleUnchanged', preview.unchanged)}</li>
          <li>{t('bundleEntities', t.plural('pageEntities', preview.entitiesAdded.length), t.plural('aliasesAdded', preview.aliasesAdded), t.plural('seedsHidden', preview.hiddenSeeds))}</li>
        </ul>
      )}
      <div class="row">
        <button type="button" class="btn btn-primary" disabled={!preview} onClick={() => void apply()}>
          {t(mode === 'merge' ? 'bundleMerge' : 'bundleReplace')}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
