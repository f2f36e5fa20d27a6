/**
 * The manifest's keyboard commands (wxt.config.ts): the card at the selection (the focused frame's
 * content script opens it), the site switch, and the side panel (Chrome: ours, opened here before
 * any await, since the shortcut is the user gesture; Firefox opens its sidebar itself through
 * `_execute_sidebar_action`). `_execute_action` (the search) the browser handles alone.
 */
import { browser } from 'wxt/browser';
import { tabClient } from '../../platform/messaging';
import { openSidePanel } from '../../platform/sidePanel';
import { toggleSite } from './contextMenus';

export function onCommand(command: string, tab: { id?: number; windowId?: number; url?: string } | undefined): Promise<unknown> {
  if (command === 'open-card' && tab?.id !== undefined) return tabClient(tab.id).openCardAtSelection();
  if (command === 'toggle-site') return toggleSite(tab?.url);
  if (command === 'open-side-panel') return openSidePanel(undefined, tab);
  return Promise.resolve();
}

export function setUpCommands(): void {
  browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab).catch(() => undefined));
}
