/**
 * "Add this page" to the team corpus (issue 21): when a page was handed to the options page and
 * the token is a writer's, one button files its article to the team too — the user's choice,
 * beside adding it to their own documents (components/corpus/). The article is the same draft
 * the import panel shows (lib/userCorpus/pageExtract.ts); the server compiles it.
 */
import { useState } from 'preact/hooks';
import { draftFromPage, type PageExtraction } from '../../lib/userCorpus/pageExtract';
import type { DocumentDraft } from '../../lib/userCorpus/types';
import type { Result } from '../../lib/messages/registry';
import { useT } from '../i18n';
import { TEAM_PROBLEMS } from './teamProblems';

export type FileResult = Result<'teamFile'>;

export interface TeamFilePageProps {
  page: PageExtraction | null | undefined;
  team: string;
  file(drafts: DocumentDraft[]): Promise<FileResult>;
}

export function TeamFilePage({ page, team, file }: TeamFilePageProps) {
  const t = useT();
  const [result, setResult] = useState<FileResult | null>(null);
  const [busy, setBusy] = useState(false);
  if (!page?.ok) return null;
  const draft = draftFromPage(page.article);
  return (
    <div class="team-file">
      <button
        type="button"
        class="btn"
        disabled={busy || result?.state === 'filed'}
        onClick={() => {
          setBusy(true);
          void file([draft])
            .catch((): FileResult => ({ state: 'error', problem: 'refused' }))
            .then((r) => (setResult(r), setBusy(false)));
        }}
      >
        {t('teamFilePage', draft.meta.title || draft.fileName, team)}
      </button>
      {result?.state === 'filed' && <p role="status">{t('teamFiled', team)}</p>}
      {result?.state === 'error' && (
        <p class="error" role="alert">
          {t(TEAM_PROBLEMS[result.problem])}
        </p>
      )}
    </div>
  );
}
