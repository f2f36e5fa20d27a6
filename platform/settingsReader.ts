/**
 * The content script's view of the settings: read and watched straight from storage.local, without
 * a storage library (platform/settings.ts writes through the same key), to keep the script that
 * runs in every page small. Same key and defaults (lib/settings/settings/settings.ts).
 */
import { browser } from 'wxt/browser';
import { SETTINGS_STORAGE_KEY, withDefaults, type Settings } from '../lib/settings/settings';

/** The stored settings (migrated); rejects when storage cannot be read (a write must not follow then: platform/settings.ts). */
export async function storedSettings(): Promise<Settings> {
  const got = await browser.storage.local.get(SETTINGS_STORAGE_KEY);
  return withDefaults(got[SETTINGS_STORAGE_KEY]);
}

/** The settings, or the defaults where storage is unavailable (a sandboxed frame). */
export function readSettings(): Promise<Settings> {
  return storedSettings().catch(() => withDefaults(undefined));
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
