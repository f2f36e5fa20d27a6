/**
 * Who may ask what (uBlock Origin keeps privileged and unprivileged channels apart; so do we).
 * Every listener of the extension checks its sender with one of these. Pure: the caller passes the
 * browser's `MessageSender` and its own id and origin.
 *
 * The sender's `id` alone proves little: every content script of the extension has it, and a
 * content script runs in the web page's process. What tells an extension page from a content
 * script is the sender's URL (its document's): extension pages are served from the extension's
 * origin (`chrome-extension://<id>/`, `moz-extension://<uuid>/`), content scripts report the web
 * page's URL.
 */

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

/** The side panel hears page reports only from the top frame of the tab it shows. */
export function isReportFromTab(sender: Sender | undefined, selfId: string, tabId: number | undefined): boolean {
  return !!sender && sender.id === selfId && tabId !== undefined && sender.tab?.id === tabId && (sender.frameId ?? 0) === 0;
}
