/**
 * Who may ask what (uBlock Origin keeps privileged and unprivileged channels apart; so do we).
 * Every runtime message names its privilege in lib/messages/registry.ts, and the dispatcher
 * (lib/messages/dispatch.ts) checks its sender with `mayAsk`. Pure: the caller passes the
 * browser's `MessageSender` and its own id and origin.
 *
 * The sender's `id` alone proves little: every content script of the extension has it, and a
 * content script runs in the web page's process. What tells an extension page from a content
 * script is the sender's URL (its document's): extension pages are served from the extension's
 * origin (`chrome-extension://<id>/`, `moz-extension://<uuid>/`), content scripts report the web
 * page's URL.
 */

import type { Privilege } from './registry';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
  frameId?: number;
}

export interface Self {
  /** `runtime.id`. */
  id: string;
  /** `runtime.getURL('/')`: the extension's origin with a trailing slash. */
  origin: string;
}

const fromExtensionOrigin = (sender: Sender, self: Self) =>
  typeof sender.url === 'string' && self.origin.length > 1 && sender.url.startsWith(self.origin);

/** One of the extension's own pages (popup, side panel, reader, options, the card frame). */
export function isExtensionPage(sender: Sender | undefined, self: Self): boolean {
  return !!sender && sender.id === self.id && fromExtensionOrigin(sender, self);
}

/** A content script of this extension, in some tab's frame (or one of our pages: they may ask it too). */
export function isOwnContentScript(sender: Sender | undefined, self: Self): boolean {
  return !!sender && sender.id === self.id && (sender.tab?.id !== undefined || fromExtensionOrigin(sender, self));
}

/**
 * A message a content script receives from the extension (tabs.sendMessage): only the background
 * and extension pages can send those, so the id is the check that matters.
 */
export function isFromExtension(sender: Sender | undefined, selfId: string): boolean {
  return !!sender && sender.id === selfId;
}

/** Whether `sender` holds `privilege` (lib/messages/registry.ts). */
export function mayAsk(privilege: Privilege, sender: Sender | undefined, self: Self): boolean {
  if (privilege === 'extensionPage') return isExtensionPage(sender, self);
  if (privilege === 'contentScript') return isOwnContentScript(sender, self);
  return isFromExtension(sender, self.id);
}

/** Who holds each privilege, as a refusal says it ("only extension pages may send it"). */
export const HOLDERS: Record<Privilege, string> = {
  extensionPage: 'extension pages',
  contentScript: 'our content scripts and pages',
  extension: 'the extension',
};
