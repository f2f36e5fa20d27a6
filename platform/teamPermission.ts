/**
 * The browser's permission for the team server's one origin (an optional host permission,
 * wxt.config.ts): asked by the options page in the Connect click itself (a user gesture; the
 * request is made before any await), checked by the worker before it connects, given back on
 * disconnect. Never asked at install.
 */
import { browser } from 'wxt/browser';

/** Call synchronously from the click handler: the browser needs the click's gesture. */
export function requestTeamPermission(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] });
}

export function hasTeamPermission(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

export async function dropTeamPermission(pattern: string): Promise<void> {
  await browser.permissions.remove({ origins: [pattern] });
}
