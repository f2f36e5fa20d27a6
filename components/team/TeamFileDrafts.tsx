/**
 * "File N documents to <team>" beside Save in the import form (issue 21): a writer's choice to
 * send the drafts to the team corpus instead of, or as well as, their own. Filed in parts
 * (lib/team/fileInParts.ts) with the progress said as it goes; a stop is said with how many were
 * filed, and the next click goes on from there. The drafts stay in the form: Save still stores
 * them locally; a changed list (a draft edited, added or left out) can be filed again.
 */
import { useState } from 'preact/hooks';
import { fileInParts, type FileAnswer, type FilingProgress } from '../../lib/team/fileInParts';
import type { DocumentDraft } from '../../lib/userCorpus/types';
import { useT } from '../i18n';
import { TEAM_PROBLEMS } from './teamProblems';

/** The team corpus a writer may file to (absent: not connected, or a reader's token). */
export interface TeamFiling {
  team: string;
  file(drafts: DocumentDraft[]): Promise<FileAnswer>;
}

interface Props extends TeamFiling {
  drafts: readonly DocumentDraft[];
  /** Save is held (drafts need attention, or a save is under way): filing is too. */
  blocked: boolean;
}

export function TeamFileDrafts({ drafts, team, file, blocked }: Props) {
  const t = useT();
  // Progress belongs to one list of drafts: another list starts from none filed.
  const [state, setState] = useState<{ of: readonly DocumentDraft[]; progress: FilingProgress; busy: boolean } | null>(null);
  const mine = state?.of === drafts ? state : null;
  const filed = mine?.progress.filed ?? 0;
  const done = filed === drafts.length;
  const run = () => {
    const from = filed;
    setState({ of: drafts, progress: { filed: from, total: drafts.length }, busy: true });
    void fileInParts(drafts, file, (progress) => setState({ of: drafts, progress, busy: true }), from).then((progress) =>
      setState({ of: drafts, progress, busy: false }),
    );
  };
  const p = mine?.progress;
  return (
    <div class="team-file-drafts">
      <button type="button" class="btn" disabled={blocked || mine?.busy || done} onClick={run}>
        {filed > 0 && !done ? t.plural('teamFileRest', drafts.length - filed, team) : t.plural('teamFileDrafts', drafts.length, team)}
      </button>
      {p && (
        <p role={p.problem ? 'alert' : 'status'} class={p.problem ? 'error' : 'muted'}>
          {p.problem
            ? `${t.plural('teamFiledSome', p.total, p.filed, team)} ${t(TEAM_PROBLEMS[p.problem])}`
            : p.filed === p.total
              ? t.plural('teamFiledAll', p.total, team)
              : t.plural('teamFiling', p.total, p.filed, team)}
        </p>
      )}
    </div>
  );
}
