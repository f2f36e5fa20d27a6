/**
 * The typed messengers, one per surface of lib/messages/protocol.ts. Browser edge: imports
 * webextension-polyfill through @webext-core/messaging. Each messenger listens on the same
 * runtime channel and answers only the message names of its own protocol, so names are unique
 * across protocols; who may send each is checked by its listener (lib/messages/senders.ts).
 */
import { defineExtensionMessaging, type ExtensionMessenger, type GetReturnType } from '@webext-core/messaging';
import type { CorpusWritesProtocol } from '../lib/messages/corpusWrites';
import type { TeamProtocol } from '../lib/messages/team';
import type { ContentScriptRequests, PageRequests, PanelNotifications, TabRequests } from '../lib/messages/protocol';
import type { Sender } from '../lib/messages/senders';

/** Extension pages → background (privileged). */
export const pageMessenger = defineExtensionMessaging<PageRequests>();
/** Extension pages → background: the user's part of the corpus (privileged, lib/messages/corpusWrites.ts). */
export const corpusWriteMessenger = defineExtensionMessaging<CorpusWritesProtocol>();
/** Extension pages → background: the team server (privileged, lib/messages/team.ts). */
export const teamMessenger = defineExtensionMessaging<TeamProtocol>();
/** Content scripts → background (the little they may ask). */
export const contentScriptMessenger = defineExtensionMessaging<ContentScriptRequests>();
/** Background and extension pages → a tab's content scripts. */
export const tabMessenger = defineExtensionMessaging<TabRequests>();
/** Content scripts → the side panel. */
export const panelMessenger = defineExtensionMessaging<PanelNotifications>();

/**
 * Registers one listener per message name of a protocol, all answered by `answer` (the
 * background's dispatch: sender and params checked there).
 */
// (`Record<string, any>`: the constraint of the library's own protocol maps; interfaces have no index signature.)
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function answerAll<P extends Record<string, any>>(
  messenger: ExtensionMessenger<P>,
  names: ReadonlyArray<keyof P & string>,
  answer: <K extends keyof P & string>(name: K, data: unknown, sender: Sender) => Promise<GetReturnType<P[K]>>,
): void {
  for (const name of names) messenger.onMessage(name, (message) => answer(name, message.data, message.sender));
}
