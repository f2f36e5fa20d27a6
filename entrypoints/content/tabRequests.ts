/**
 * What the extension asks this tab's content script (lib/messages/registry.ts, to `tab`): the
 * page's mentions (a pure query), following them (the side panel's command: from then on this
 * page reports its changes), revealing one, and opening the card at the selection (every frame
 * hears the command; the one with focus acts). Only the background and extension pages may ask
 * (tabs.sendMessage); the dispatcher checks the sender and the params anyway. The mentions are
 * asked of the top frame; a frame below answers its own.
 */
import type { Handlers } from '../../lib/messages/dispatch';
import { summarizeMentions } from '../../lib/messages/pageMentions';
import { answer } from '../../platform/messaging';
import type { Lifetime } from './lifetime';
import type { PageSession } from './page';

export function answerTabRequests(lifetime: Lifetime, session: () => PageSession | null, watch: () => void): void {
  const mentions = () => session()?.pageMentions() ?? { ...summarizeMentions(location.href, []), title: document.title };
  const handlers = {
    pageMentions: mentions,
    watchMentions: () => (watch(), mentions()),
    revealMention: ({ entityId }) => ({ found: session()?.revealMention(entityId) ?? false }),
    openCardAtSelection: () => ({ opened: document.hasFocus() && (session()?.openAtSelection() ?? false) }),
  } satisfies Handlers<'tab'>;
  lifetime.onInvalidated(answer('tab', handlers));
}
