/** A corpus bundle read from a file: merge or replace, a preview of what changes, then confirm. */
import { useEffect, useState } from 'preact/hooks';
import { type Bundle, type BundlePreview, type ImportMode } from '../../lib/userCorpus/bundle';
import { errorText, type CorpusApi } from './api';

interface Props {
  api: CorpusApi;
  bundle: Bundle;
  fileName: string;
  onDone(message: string): void;
  onCancel(): void;
}

export function BundleImport({ api, bundle, fileName, onDone, onCancel }: Props) {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [error, setError] = useState('');

  const data = () => ({ documents: bundle.documents, entities: bundle.entities, aliases: bundle.aliases, hiddenSeeds: bundle.hiddenSeeds });

  useEffect(() => {
    setPreview(null);
    api.importCorpus({ data: data(), mode, apply: false }).then(setPreview, (e: unknown) => setError(errorText(e)));
  }, [bundle, mode]);

  const apply = async () => {
    try {
      const done = await api.importCorpus({ data: data(), mode, apply: true });
      onDone(`Imported ${fileName}: ${done.added.length} added, ${done.replaced.length} replaced, ${done.removed.length} removed.`);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div class="bundle-import" role="region" aria-label={`Import ${fileName}`}>
      <h3>Import {fileName}</h3>
      <fieldset class="row">
        <legend>How</legend>
        <label>
          <input type="radio" name="bundle-mode" checked={mode === 'merge'} onChange={() => setMode('merge')} /> Merge with your corpus
        </label>
        <label>
          <input type="radio" name="bundle-mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace your corpus
        </label>
      </fieldset>
      {error && <p role="alert" class="import-errors">{error}</p>}
      {preview && (
        <ul class="bundle-preview" aria-label="What changes">
          <li>{preview.added.length} documents added{preview.added.length ? `: ${preview.added.slice(0, 5).join('; ')}${preview.added.length > 5 ? '…' : ''}` : ''}</li>
          <li>{preview.replaced.length} replaced{preview.replaced.length ? `: ${preview.replaced.slice(0, 5).join('; ')}` : ''}</li>
          <li>{preview.removed.length} removed{preview.removed.length ? `: ${preview.removed.slice(0, 5).join('; ')}` : ''}</li>
          <li>{preview.unchanged} unchanged</li>
          <li>{preview.entitiesAdded.length} places and groups, {preview.aliasesAdded} aliases added; {preview.hiddenSeeds} bundled documents hidden</li>
        </ul>
      )}
      <div class="row">
        <button type="button" class="btn btn-primary" disabled={!preview} onClick={() => void apply()}>
          {mode === 'merge' ? 'Merge' : 'Replace'}
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
