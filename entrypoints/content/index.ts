/**
 * The content script, in every page and frame: reads the settings, keeps a page session (./page.ts)
 * where Counterpoint is on, started from the matcher data (./sessionSync.ts: when it starts, stops
 * or starts again), and answers the extension's requests to this tab.
 *
 * A plain script declared in the manifest by wxt.config.ts, not WXT's content-script wrapper (its
 * context posts the extension id to the page and stops on an event the page dispatches: ./lifetime.ts).
 * Nothing of Counterpoint runs on the page beyond reading the settings until it is on there.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { Settings } from '../../lib/settings/settings';
import { onCorpusChanged } from '../../platform/corpusVersion';
import { readMatcherData } from '../../platform/matcherCache';
import { onSettingsChanged, readSettings } from '../../platform/settingsReader';
import { createLifetime } from './lifetime';
import { startPage } from './page';
import { createSessionSync } from './sessionSync';
import { answerTabRequests } from './tabRequests';

export default defineUnlistedScript({ main }); // the object form's `main` may be async
async function main(): Promise<void> {
  const lifetime = createLifetime();
  const isTop = window === window.top;
  let settings: Settings = await readSettings();
  // Set by the side panel's `watchMentions` command, kept across sessions and SPA navigations: then changes are reported.
  let watched = false;
  const pages = createSessionSync({
    settings: () => settings,
    readMatcherData,
    start: (now, data) => startPage(lifetime, now, data, { isTop, watched: () => watched }),
    isValid: () => lifetime.isValid,
    hostname: () => location.hostname,
  });

  lifetime.onInvalidated(onSettingsChanged((next) => {
    settings = next;
    void pages.sync();
  }));
  // The corpus changed (platform/corpusVersion.ts): only other names concern the page (cards are the frame's).
  lifetime.onInvalidated(onCorpusChanged((_version, namesNow) => pages.corpusChanged(namesNow)));

  answerTabRequests(lifetime, pages.session, () => (watched = true));
  lifetime.onInvalidated(() => pages.session()?.dispose());

  await pages.sync();
}
