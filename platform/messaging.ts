/**
 * The typed messengers, one per protocol of lib/messages/protocol.ts. Browser edge: imports
 * webextension-polyfill through @webext-core/messaging.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundProtocol, ContentProtocol, PanelProtocol } from '../lib/messages/protocol';

// logger: null — the library logs every message by default; the page's console is not ours.
export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>({ logger: undefined });
export const contentMessenger = defineExtensionMessaging<ContentProtocol>({ logger: undefined });
export const panelMessenger = defineExtensionMessaging<PanelProtocol>({ logger: undefined });
