/**
 * The content script, in every page and frame: reads the settings and the matcher data, starts a
 * page session (./page.ts) where the site is enabled, stops it when the user switches the site
 * off, and answers the extension's requests to this tab (lib/messages/protocol.ts TabRequests).
 *
 * Built as a plain script and declared in the manifest by wxt.config.ts, not through WXT's
 * content-script wrapper: that wrapper's context posts the extension id to the page and can be
 * stopped by an event the page dispatches (./lifetime.ts). Nothing of Counterpoint runs on the
 * page beyond reading the settings until the site is enabled.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { summarizeMentions } from '../../lib/messages/pageMentions';
import { isFromExtension } from '../../lib/messages/senders';
import { isSiteEnabled, type Settings } from '../../lib/settings/settings';
import { readMatcherData } from '../../platform/matcherCache';
import { tabMessenger } from '../../platform/messaging';
import { onSettingsChanged, readSettings } from '../../platform/settingsReader';
import { createLifetime } from './lifetime';
import { startPage, type PageSession } from './page';

export default defineUnlistedScript({ main }); // the object form's `main` may be async
async function main(): Promise<void> {
  const lifetime = createLifetime();
  const isTop = window === window.top;
  let settings: Settings = await readSettings();
  let session: PageSession | null = null;
  let starting = false;
  // Set by the side panel's first `pageMentions` request; kept across sessions and SPA
  // navigations (the panel then relies on this page's change notifications).
  let watched = false;

  const sync = async () => {
    if (!isSiteEnabled(settings, location.hostname)) {
      session?.dispose();
      session = null;
      return;
    }
    if (session) return session.applySettings(settings);
    if (starting) return;
    starting = true;
    try {
      const data = await readMatcherData();
      if (lifetime.isValid && !session && isSiteEnabled(settings, location.hostname)) {
        session = startPage(lifetime, settings, data, { isTop, watched: () => watched });
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
      return session?.pageMentions() ?? { ...summarizeMentions(location.href, []), title: document.title };
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
}
