/**
 * User settings, in storage.local under one key (lib/settings/settings.ts: shape, defaults,
 * migration): read and watched as the content script does (./settingsReader.ts), written whole
 * here, so the content script, popup and options page stay in sync without messages. Plain
 * storage calls, no storage library: the worker (its context menu reads and toggles a site) loads
 * no code it does not run.
 */
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, isSiteEnabled, SETTINGS_STORAGE_KEY, type Settings } from '../lib/settings/settings';
import { onSettingsChanged, storedSettings } from './settingsReader';

// Every read migrates (withDefaults); the next write stores the current version.
export { DEFAULT_SETTINGS, isSiteEnabled, type Settings };

export const getSettings: () => Promise<Settings> = storedSettings;
export const watchSettings: (callback: (settings: Settings) => void) => () => void = onSettingsChanged;

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await browser.storage.local.set({ [SETTINGS_STORAGE_KEY]: next });
  return next;
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<Settings> {
  const { disabledSites } = await getSettings();
  const others = disabledSites.filter((h) => h !== hostname);
  return updateSettings({ disabledSites: enabled ? others : [...others, hostname] });
}
