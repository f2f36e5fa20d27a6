/**
 * The content script's view of the settings: read and watched straight from storage.local, without
 * the storage library the extension's pages use (platform/settings.ts), to keep the script that
 * runs in every page small. Same key and defaults (lib/settings/settings/settings.ts).
 */
import { browser } from 'wxt/browser';
import { SETTINGS_STORAGE_KEY, withDefaults, type Settings } from '../lib/settings/settings';

export async function readSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
    return withDefaults(got[SETTINGS_STORAGE_KEY]);
  } catch {
    return withDefaults(undefined); // storage unavailable in this frame
  }
}

/** Calls back with the new settings whenever they change. Returns the unsubscribe function. */
export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[SETTINGS_STORAGE_KEY];
    if (area === 'local' && change) callback(withDefaults(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
