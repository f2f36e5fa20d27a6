/**
 * The page session's life in a content script (index.ts wires it): one session where Counterpoint
 * is on (globally and for the site), started from the matcher data, with the entity types shown
 * (they make the matcher's patterns: a change starts a new session); stopped when switched off;
 * started again when the corpus's names move (the event says whether they did: nothing is read
 * to find out). A change that only moves the corpus version (the user's documents, not names)
 * concerns the card frame alone, which fetches its cards itself.
 *
 * A change heard while a session is starting is compared, once it has started, with the names its
 * matcher data holds: it starts again only if they are older (a version-only change, or names it
 * already read, do not restart it).
 */
import { isActiveOn, type Settings } from '../../lib/settings/settings';
import type { MatcherData } from '../../lib/messages/protocol';
import type { PageSession } from './page';

export interface SessionSyncDeps {
  settings(): Settings;
  readMatcherData(): Promise<MatcherData>;
  start(settings: Settings, data: MatcherData): PageSession;
  /** False once the content script has ended (its extension was reloaded or removed). */
  isValid(): boolean;
  hostname(): string;
}

export interface SessionSync {
  /** Brings the session in line with the settings of now (starts, stops or updates it). */
  sync(): Promise<void>;
  /** The corpus changed; `namesNow`: the names' new revision when they moved with it. */
  corpusChanged(namesNow: string | undefined): void;
  session(): PageSession | null;
}

export function createSessionSync(deps: SessionSyncDeps): SessionSync {
  let session: PageSession | null = null;
  let sessionTypes = '';
  let starting = false;
  let names = ''; // the revision of the matcher data the session runs on (the user's names are in it)
  let movedTo: string | undefined; // the names' revision a change announced while a session was starting

  const sync = async (): Promise<void> => {
    const settings = deps.settings();
    const active = isActiveOn(settings, deps.hostname());
    if (!active || sessionTypes !== settings.entityTypes.join()) {
      session?.dispose();
      session = null;
      if (!active) return;
    }
    if (session) return session.applySettings(settings);
    if (starting) return;
    starting = true;
    try {
      const data = await deps.readMatcherData();
      const now = deps.settings();
      if (deps.isValid() && !session && isActiveOn(now, deps.hostname())) {
        sessionTypes = now.entityTypes.join();
        session = deps.start(now, data);
        names = data.revision;
      }
    } catch (err) {
      console.debug('[counterpoint] no matcher data', err);
    } finally {
      starting = false;
      const moved = movedTo;
      movedTo = undefined;
      if (moved !== undefined && moved !== names) restart();
    }
  };

  const restart = () => {
    session?.dispose();
    session = null;
    void sync();
  };

  return {
    sync,
    corpusChanged(namesNow) {
      if (starting) {
        if (namesNow !== undefined) movedTo = namesNow; // (judged once the session has started)
        return;
      }
      if (!session) return void sync();
      if (namesNow !== undefined && namesNow !== names) restart();
    },
    session: () => session,
  };
}
