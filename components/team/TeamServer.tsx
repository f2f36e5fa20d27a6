/**
 * The options page's "Team server" section (issue 21): the server's address and a token, Connect,
 * and what came of it — the team's name and the token's role, or one sentence saying what went
 * wrong. The page passes `api`: its `connect` asks the browser's permission for that one origin in
 * the submit's own task (this component calls it before any await), then has the worker check the
 * token. The token field is cleared once connected: no page shows it again.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TeamStatus } from '../../lib/messages/team';
import type { PageExtraction } from '../../lib/userCorpus/pageExtract';
import { useT } from '../i18n';
import { TeamFilePage, type TeamFilePageProps } from './TeamFilePage';
import { TEAM_PROBLEMS } from './teamProblems';

export interface TeamApi {
  status(): Promise<TeamStatus>;
  /** Must ask the permission synchronously (a user gesture), before its first await. */
  connect(url: string, token: string): Promise<TeamStatus>;
  disconnect(): Promise<TeamStatus>;
  file: TeamFilePageProps['file'];
}


/**
 * `page`: a page handed over by "Add this page", which a writer may file to the team too;
 * `onStatus`: told of each status (the import form offers filing to a writer's team).
 */
export function TeamServer({ api, page, onStatus }: { api: TeamApi; page?: PageExtraction | null; onStatus?(status: TeamStatus | null): void }) {
  const t = useT();
  const [status, setStatus] = useState<TeamStatus | null>(null);
  const [url, setUrl] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => void api.status().then(setStatus, () => setStatus({ state: 'off' })), [api]);
  useEffect(() => onStatus?.(status), [status, onStatus]);

  const settle = (next: Promise<TeamStatus>) => {
    setBusy(true);
    setStatus((s) => (s?.state === 'error' ? { state: 'off' } : s)); // an old error is not this attempt's
    void next
      .catch((): TeamStatus => ({ state: 'error', problem: 'refused' }))
      .then((s) => {
        setStatus(s);
        if (s.state === 'connected') setToken('');
        setBusy(false);
      });
  };

  return (
    <section class="option team-server" aria-labelledby="team-title">
      <h2 id="team-title">{t('teamTitle')}</h2>
      <p class="muted option-help">{t('teamHelp')}</p>
      {status?.state === 'connected' ? (
        <>
          <p class="team-status" role="status">
            <span dir="auto">{t('teamConnected', status.team, t(status.role === 'writer' ? 'teamRoleWriter' : 'teamRoleReader'), status.url)}</span>{' '}
            <button type="button" class="btn" disabled={busy} onClick={() => settle(api.disconnect())}>
              {t('teamDisconnect')}
            </button>
          </p>
          {status.role === 'writer' && <TeamFilePage page={page} team={status.team} file={api.file} />}
        </>
      ) : (
        <form
          class="team-form"
          onSubmit={(e) => {
            e.preventDefault();
            settle(api.connect(url, token)); // the permission is asked in this task, before any await
          }}
        >
          <label class="team-field">
            <span>{t('teamUrl')}</span>
            <input class="field" type="url" name="team-url" dir="ltr" required value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
          </label>
          <label class="team-field">
            <span>{t('teamToken')}</span>
            <input class="field" type="password" name="team-token" dir="ltr" autocomplete="off" required value={token} onInput={(e) => setToken(e.currentTarget.value)} />
          </label>
          <button type="submit" class="btn btn-primary" disabled={busy}>
            {busy ? t('teamConnecting') : t('teamConnect')}
          </button>
          {status?.state === 'error' && (
            <p class="team-error error" role="alert">
              {t(TEAM_PROBLEMS[status.problem])}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
