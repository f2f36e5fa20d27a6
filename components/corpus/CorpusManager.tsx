/** The options page's corpus part: add, manage, places and groups, back up and reset. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageExtraction } from '../../lib/userCorpus/pageExtract';
import type { CorpusApi, UserCorpusListing } from './api';
import { DocumentList } from './DocumentList';
import { EntityPanel } from './EntityPanel';
import { ExportReset } from './ExportReset';
import { ImportPanel } from './ImportPanel';
import type { TeamFiling } from '../team/TeamFileDrafts';

interface Props {
  api: CorpusApi;
  settings(): Promise<Record<string, unknown>>;
  applySettings(settings: Record<string, unknown>): void;
  /** A page handed over to be added (components/corpus/ImportPanel.tsx). */
  page?: PageExtraction | null;
  /** A writer's team corpus, which the import form can file to. */
  team?: TeamFiling | null;
}

export function CorpusManager({ api, settings, applySettings, page, team }: Props) {
  const [listing, setListing] = useState<UserCorpusListing | null>(null);
  const [proposeFor, setProposeFor] = useState<string | null>(null);
  // The lists are read again once a change is known (`stale`), but not while this page saves an
  // import in rounds: each round is a change, and reading every document's entry after each of
  // 100 rounds would cost more than the import; the import's end reads them once.
  const stale = useRef(false);
  const importing = useRef(false);
  const refresh = useCallback(() => {
    stale.current = false;
    void api.listUserCorpus().then(setListing);
  }, [api]);
  useEffect(refresh, [refresh]);
  // Another page (or this one) changed the corpus: the lists follow (platform/corpusVersion.ts).
  useEffect(() => api.watchCorpus(() => (importing.current ? (stale.current = true) : refresh())), [api, refresh]);
  const onImporting = useCallback((on: boolean) => {
    importing.current = on;
    if (!on && stale.current) refresh();
  }, [refresh]);

  return (
    <div class="corpus" aria-busy={listing ? undefined : 'true'}>
      <ImportPanel
        api={api}
        onSaved={refresh}
        onImporting={onImporting}
        onPropose={setProposeFor}
        onBundleSettings={applySettings}
        page={page}
        team={team}
      />
      {listing && (
        <>
          <DocumentList api={api} listing={listing} refresh={refresh} onPropose={setProposeFor} />
          <EntityPanel api={api} listing={listing} proposeFor={proposeFor} refresh={refresh} />
          <ExportReset api={api} settings={settings} onReset={refresh} />
        </>
      )}
    </div>
  );
}
