/**
 * User settings, in storage.local through WXT's storage wrapper (@wxt-dev/storage: typed items
 * with defaults and change watchers, so the content script, popup and options page stay in sync
 * without messages).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, isSiteEnabled, SETTINGS_STORAGE_KEY, withDefaults, type Settings } from '../lib/settings/settings';

// The shape, defaults, key and migration live in lib/settings/settings.ts, shared with the content
// script's light reader (platform/settingsReader.ts). Every read migrates (withDefaults); the next
// write stores the current version.
export { DEFAULT_SETTINGS, isSiteEnabled, type Settings };

const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_STORAGE_KEY}`, {
  fallback: DEFAULT_SETTINGS,
});

export async function getSettings(): Promise<Settings> {
  return withDefaults(await settingsItem.getValue());
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(withDefaults(value)));
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<Settings> {
  const { disabledSites } = await getSettings();
  const others = disabledSites.filter((h) => h !== hostname);
  return updateSettings({ disabledSites: enabled ? others : [...others, hostname] });
}
