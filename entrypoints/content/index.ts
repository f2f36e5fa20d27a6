/**
 * The content script, in every page and frame: reads the settings and the matcher data, starts a
 * page session (./page.ts) where Counterpoint is on (globally and for the site) with the entity
 * types shown, stops it when switched off, and answers the extension's requests to this tab.
 *
 * A plain script declared in the manifest by wxt.config.ts, not WXT's content-script wrapper (its
 * context posts the extension id to the page and stops on an event the page dispatches: ./lifetime.ts).
 * Nothing of Counterpoint runs on the page beyond reading the settings until it is on there.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isActiveOn, type Settings } from '../../lib/settings/settings';
import { onCorpusChanged } from '../../platform/corpusVersion';
import { readMatcherData } from '../../platform/matcherCache';
import { onSettingsChanged, readSettings } from '../../platform/settingsReader';
import { createLifetime } from './lifetime';
import { startPage, type PageSession } from './page';
import { answerTabRequests } from './tabRequests';

export default defineUnlistedScript({ main }); // the object form's `main` may be async
async function main(): Promise<void> {
  const lifetime = createLifetime();
  const isTop = window === window.top;
  let settings: Settings = await readSettings();
  let session: PageSession | null = null;
  let sessionTypes = ''; // the entity types shown make the matcher's patterns: a change starts a new session
  let starting = false;
  let corpusChanges = 0; // a session started from matcher data read before a change starts again
  let names = ''; // the revision of the matcher data the session runs on (the user's names are in it)
  // Set by the side panel's `watchMentions` command, kept across sessions and SPA navigations: then changes are reported.
  let watched = false;

  const sync = async () => {
    const active = isActiveOn(settings, location.hostname);
    if (!active || sessionTypes !== settings.entityTypes.join()) {
      session?.dispose();
      session = null;
      if (!active) return;
    }
    if (session) return session.applySettings(settings);
    if (starting) return;
    starting = true;
    const changes = corpusChanges;
    try {
      const data = await readMatcherData();
      if (lifetime.isValid && !session && isActiveOn(settings, location.hostname)) {
        sessionTypes = settings.entityTypes.join();
        session = startPage(lifetime, settings, data, { isTop, watched: () => watched });
        names = data.revision;
      }
    } catch (err) {
      console.debug('[counterpoint] no matcher data', err);
    } finally {
      starting = false;
      if (changes !== corpusChanges) restart();
    }
  };

  lifetime.onInvalidated(onSettingsChanged((next) => {
    settings = next;
    void sync();
  }));

  // The corpus changed (platform/corpusVersion.ts): only other names concern the page (cards are the frame's).
  const restart = () => {
    session?.dispose();
    session = null;
    void sync();
  };
  const corpusChanged = (namesNow: string | undefined) => {
    corpusChanges++;
    if (!session) return void sync(); // (one starting restarts once it has started)
    if (namesNow !== undefined && namesNow !== names) restart(); // (the event says whether the names moved: nothing to read)
  };
  lifetime.onInvalidated(onCorpusChanged((_version, namesNow) => corpusChanged(namesNow)));

  answerTabRequests(lifetime, () => session, () => (watched = true));
  lifetime.onInvalidated(() => session?.dispose());

  await sync();
}
