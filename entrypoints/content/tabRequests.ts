/**
 * What the extension asks this tab's content script (lib/messages/protocol.ts TabRequests): the
 * page's mentions and revealing one (top frame only: the side panel's business), and opening the
 * card at the selection (every frame hears the command; the one with focus acts). Requests come
 * from the background or an extension page only (tabs.sendMessage); the sender is checked anyway.
 */
import { browser } from 'wxt/browser';
import { summarizeMentions } from '../../lib/messages/pageMentions';
import { isFromExtension } from '../../lib/messages/senders';
import { tabMessenger } from '../../platform/messaging';
import type { Lifetime } from './lifetime';
import type { PageSession } from './page';

export function answerTabRequests(lifetime: Lifetime, isTop: boolean, session: () => PageSession | null, onWatched: () => void): void {
  const own = (sender: { id?: string }) => isFromExtension(sender, browser.runtime.id);
  if (isTop) {
    tabMessenger.onMessage('pageMentions', ({ sender }) => {
      if (!own(sender)) return;
      onWatched();
      return session()?.pageMentions() ?? { ...summarizeMentions(location.href, []), title: document.title };
    });
    tabMessenger.onMessage('revealMention', ({ data, sender }) => ({ found: own(sender) && (session()?.revealMention(data.entityId) ?? false) }));
  }
  tabMessenger.onMessage('openCardAtSelection', ({ sender }) => ({
    opened: own(sender) && document.hasFocus() && (session()?.openAtSelection() ?? false),
  }));
  lifetime.onInvalidated(() => tabMessenger.removeAllListeners());
}
