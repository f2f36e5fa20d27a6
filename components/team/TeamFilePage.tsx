/**
 * "Add this page" to the team corpus (issue 21): when a page was handed to the options page and
 * the token is a writer's, one button files its article to the team too — the user's choice,
 * beside adding it to their own documents (components/corpus/). The article is the same draft
 * the import panel shows (lib/userCorpus/pageExtract.ts); the server compiles it. Filed by the
 * one filing path the import form's drafts take (lib/team/fileInParts.ts): a request lost on the
 * way is said as "unreachable", as there.
 */
import { useState } from 'preact/hooks';
import { fileInParts, type FilingProgress } from '../../lib/team/fileInParts';
import { draftFromPage, type PageExtraction } from '../../lib/userCorpus/pageExtract';
import { useT } from '../i18n';
import type { TeamFiling } from './TeamFileDrafts';
import { TEAM_PROBLEMS } from './teamProblems';

export interface TeamFilePageProps {
  page: PageExtraction | null | undefined;
  team: string;
  file: TeamFiling['file'];
}

export function TeamFilePage({ page, team, file }: TeamFilePageProps) {
  const t = useT();
  const [result, setResult] = useState<FilingProgress | null>(null);
  const [busy, setBusy] = useState(false);
  if (!page?.ok) return null;
  const draft = draftFromPage(page.article);
  return (
    <div class="team-file">
      <button
        type="button"
        class="btn"
        disabled={busy || (result !== null && !result.problem)}
        onClick={() => {
          setBusy(true);
          void fileInParts([draft], file, () => {}).then((r) => (setResult(r), setBusy(false)));
        }}
      >
        {t('teamFilePage', draft.meta.title || draft.fileName, team)}
      </button>
      {result && !result.problem && <p role="status">{t('teamFiled', team)}</p>}
      {result?.problem && (
        <p class="error" role="alert">
          {t(TEAM_PROBLEMS[result.problem])}
        </p>
      )}
    </div>
  );
}
