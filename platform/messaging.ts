/**
 * The transport of the registry's messages (lib/messages/registry.ts): the listeners of each
 * destination and the typed clients of each surface, all generated from the one table. Browser
 * edge: @webext-core/messaging over runtime.sendMessage / tabs.sendMessage, one channel for every
 * message (its wire format, `{ id, type, data, timestamp }` answered `{ res }` or `{ err }`, is
 * what the end-to-end tests forge).
 *
 * Privileged and unprivileged surfaces stay apart: extension pages use `workerClient`, content
 * scripts `contentScriptClient` (the matcher data only) — and whatever a client is, the worker's
 * dispatcher checks each sender's privilege again.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { createClient, createDispatcher, type Client, type Exactly, type Handlers } from '../lib/messages/dispatch';
import { namesTo, type Destination, type NameOf, type NameTo } from '../lib/messages/registry';

// The names and types are the registry's; the messenger only carries them.
const messenger = defineExtensionMessaging<Record<string, (data: unknown) => unknown>>();

/**
 * Answers every message to `to` (in this context: the worker, a content script, the side panel)
 * with its handler, through the registry's dispatcher: the sender's privilege and the params are
 * checked before any handler runs. Returns the function that stops.
 */
export function answer<To extends Destination, H extends Handlers<To>>(to: To, handlers: Handlers<To> & Exactly<H, NameTo<To>>): () => void {
  const dispatch = createDispatcher(to, handlers, { id: browser.runtime.id, origin: browser.runtime.getURL('/') });
  const offs = namesTo(to).map((name) => messenger.onMessage(name, (message) => dispatch(name, message.data, message.sender)));
  return () => offs.forEach((off) => off());
}

/** Extension pages → the worker: every message it answers (privileged). */
export const workerClient: Client<NameTo<'background'>> = createClient(namesTo('background'), (name, data) => messenger.sendMessage(name, data));

/** Content scripts → the worker: the little they may ask. */
export const contentScriptClient: Client<NameOf<'background', 'contentScript'>> = createClient(namesTo('background', 'contentScript'), (name, data) =>
  messenger.sendMessage(name, data),
);

/** The background or an extension page → a tab's content scripts (every frame, or the one `frameId` names). */
export const tabClient = (tabId: number, frameId?: number): Client<NameTo<'tab'>> =>
  createClient(namesTo('tab'), (name, data) => messenger.sendMessage(name, data, frameId === undefined ? tabId : { tabId, frameId }));

/** Content scripts → the side panel. */
export const panelClient: Client<NameTo<'panel'>> = createClient(namesTo('panel'), (name, data) => messenger.sendMessage(name, data));
