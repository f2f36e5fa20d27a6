/**
 * The content script, in every page and frame: reads the settings and the matcher data, starts a
 * page session (entrypoints/content/page.ts) where the site is enabled, stops it when the user
 * switches the site off, and answers the content protocol (lib/messages/protocol.ts ContentProtocol).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { summarizeMentions } from '../../lib/messages/pageMentions';
import { readMatcherData } from '../../platform/matcherCache';
import { contentMessenger } from '../../platform/messaging';
import { isSiteEnabled, type Settings } from '../../lib/settings/settings';
import { onSettingsChanged, readSettings } from '../../platform/settingsReader';
import { startPage, type PageSession } from './page';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_idle',
  async main(ctx) {
    const isTop = window === window.top;
    let settings: Settings = await readSettings();
    let session: PageSession | null = null;
    let starting = false;
    // Set by the side panel's first `pageMentions` request; kept across sessions and SPA
    // navigations (the panel then relies on this page's change notifications).
    let watched = false;

    const sync = async () => {
      const enabled = isSiteEnabled(settings, location.hostname);
      if (!enabled) {
        session?.dispose();
        session = null;
        return;
      }
      if (session) return session.applySettings(settings);
      if (starting) return;
      starting = true;
      try {
        const data = await readMatcherData();
        if (ctx.isValid && !session && isSiteEnabled(settings, location.hostname)) {
          session = startPage(ctx, settings, data, { isTop, watched: () => watched });
        }
      } catch (err) {
        console.debug('[counterpoint] no matcher data', err);
      } finally {
        starting = false;
      }
    };

    ctx.onInvalidated(onSettingsChanged((next) => {
      settings = next;
      void sync();
    }));

    // Only the top frame reports and reveals mentions for the side panel.
    if (isTop) {
      contentMessenger.onMessage('pageMentions', () => {
        watched = true;
        return session?.pageMentions() ?? summarizeMentions(location.href, []);
      });
      contentMessenger.onMessage('revealMention', ({ data }) => ({ found: session?.revealMention(data.entityId) ?? false }));
    }
    // Every frame hears the command; the one with focus acts.
    contentMessenger.onMessage('openCardAtSelection', () => ({
      opened: document.hasFocus() && (session?.openAtSelection() ?? false),
    }));
    ctx.onInvalidated(() => {
      contentMessenger.removeAllListeners();
      session?.dispose();
    });

    await sync();
  },
});
