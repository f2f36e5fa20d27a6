/**
 * The typed messengers, one per protocol of lib/messages/protocol.ts. Browser edge: imports
 * webextension-polyfill through @webext-core/messaging.
 *
 * No `logger` option: @webext-core/messaging 3 logs only through a logger it is given (its
 * typings' "@default console" is out of date), and the page's console is not ours to fill
 * (platform/messaging.test.ts checks that nothing is logged).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundProtocol, ContentProtocol, PanelProtocol } from '../lib/messages/protocol';

export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
export const contentMessenger = defineExtensionMessaging<ContentProtocol>();
export const panelMessenger = defineExtensionMessaging<PanelProtocol>();
