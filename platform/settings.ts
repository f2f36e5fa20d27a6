/**
 * User settings, in storage.local through WXT's storage wrapper (@wxt-dev/storage: typed items
 * with defaults and change watchers, so the content script, popup and options page stay in sync
 * without messages).
 */
import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** Draw the dotted underline under mentions. Cards still open on hover when off. */
  underlines: boolean;
  /** How long the pointer must rest on a mention before its card opens. */
  hoverDelayMs: number;
  /** Host names where Counterpoint does nothing at all. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { underlines: true, hoverDelayMs: 250, disabledSites: [] };

export const settingsItem = storage.defineItem<Settings>('local:counterpoint:settings', {
  fallback: DEFAULT_SETTINGS,
});

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function updateSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback({ ...DEFAULT_SETTINGS, ...value }));
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledSites.includes(hostname);
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<Settings> {
  const { disabledSites } = await getSettings();
  const others = disabledSites.filter((h) => h !== hostname);
  return updateSettings({ disabledSites: enabled ? others : [...others, hostname] });
}
