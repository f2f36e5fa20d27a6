/**
 * The content script, in every page and frame: reads the settings and the matcher data, starts a
 * page session (./page.ts) where Counterpoint is on (globally and for the site) with the entity
 * types shown, stops it when switched off, and answers the extension's requests to this tab.
 *
 * A plain script declared in the manifest by wxt.config.ts, not WXT's content-script wrapper (its
 * context posts the extension id to the page and stops on an event the page dispatches: ./lifetime.ts).
 * Nothing of Counterpoint runs on the page beyond reading the settings until it is on there.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { summarizeMentions } from '../../lib/messages/pageMentions';
import { isFromExtension } from '../../lib/messages/senders';
import { isActiveOn, shownPatterns, type Settings } from '../../lib/settings/settings';
import { readMatcherData } from '../../platform/matcherCache';
import { tabMessenger } from '../../platform/messaging';
import { onSettingsChanged, readSettings } from '../../platform/settingsReader';
import { createLifetime } from './lifetime';
import { startPage, type PageSession } from './page';

export default defineUnlistedScript(async () => {
  const lifetime = createLifetime();
  const isTop = window === window.top;
  let settings: Settings = await readSettings();
  let session: PageSession | null = null;
  let sessionTypes = ''; // the entity types shown make the matcher's patterns: a change starts a new session
  let starting = false;
  // Set by the side panel's first `pageMentions` request, kept across sessions and SPA navigations: then changes are reported.
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
    try {
      const data = await readMatcherData();
      if (lifetime.isValid && !session && isActiveOn(settings, location.hostname)) {
        sessionTypes = settings.entityTypes.join();
        session = startPage(lifetime, settings, { ...data, patterns: shownPatterns(data.patterns, settings) }, { isTop, watched: () => watched });
      }
    } catch (err) {
      console.debug('[counterpoint] no matcher data', err);
    } finally {
      starting = false;
    }
  };

  lifetime.onInvalidated(onSettingsChanged((next) => {
    settings = next;
    void sync();
  }));

  // Requests come from the background or an extension page only (tabs.sendMessage): checked anyway.
  const own = (sender: { id?: string }) => isFromExtension(sender, browser.runtime.id);
  // Only the top frame reports and reveals mentions for the side panel.
  if (isTop) {
    tabMessenger.onMessage('pageMentions', ({ sender }) => {
      if (!own(sender)) return;
      watched = true;
      return session?.pageMentions() ?? summarizeMentions(location.href, []);
    });
    tabMessenger.onMessage('revealMention', ({ data, sender }) => ({ found: own(sender) && (session?.revealMention(data.entityId) ?? false) }));
  }
  // Every frame hears the command; the one with focus acts.
  tabMessenger.onMessage('openCardAtSelection', ({ sender }) => ({
    opened: own(sender) && document.hasFocus() && (session?.openAtSelection() ?? false),
  }));
  lifetime.onInvalidated(() => {
    tabMessenger.removeAllListeners();
    session?.dispose();
  });

  await sync();
});
