/**
 * The user's settings as data: shape, defaults and the storage key. Pure, so both the full
 * settings module (platform/settings.ts, @wxt-dev/storage, for the extension's pages) and the
 * content script's light reader (platform/settingsReader.ts, no storage library: the content
 * script must stay small) agree on them.
 */

export interface Settings {
  /** Draw the dotted underline under mentions. Cards still open on hover when off. */
  underlines: boolean;
  /** How long the pointer must rest on a mention before its card opens. */
  hoverDelayMs: number;
  /** Host names where Counterpoint does nothing at all. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { underlines: true, hoverDelayMs: 250, disabledSites: [] };

/** The key in storage.local (WXT storage item "local:counterpoint:settings"). */
export const SETTINGS_STORAGE_KEY = 'counterpoint:settings';

/** Stored value → complete settings: defaults for anything missing or malformed. */
export function withDefaults(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  return {
    underlines: typeof v.underlines === 'boolean' ? v.underlines : DEFAULT_SETTINGS.underlines,
    hoverDelayMs:
      typeof v.hoverDelayMs === 'number' && Number.isFinite(v.hoverDelayMs) && v.hoverDelayMs >= 0
        ? v.hoverDelayMs
        : DEFAULT_SETTINGS.hoverDelayMs,
    disabledSites: Array.isArray(v.disabledSites)
      ? v.disabledSites.filter((s): s is string => typeof s === 'string')
      : DEFAULT_SETTINGS.disabledSites,
  };
}

export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledSites.includes(hostname);
}
