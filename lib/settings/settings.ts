/**
 * The user's settings as data: shape, defaults, the storage key and the migration of older stored
 * values. Pure, so the settings module (platform/settings.ts: the extension's pages and the worker
 * write) and the reader (platform/settingsReader.ts: the content script and everyone's reads) agree
 * on them.
 */
import type { EntityType, MatchPattern } from '../corpus/types';
import { LANGUAGE_SETTINGS, type LanguageSetting } from '../i18n/translate';

export type Theme = 'auto' | 'light' | 'dark';
export const THEMES: readonly Theme[] = ['auto', 'light', 'dark'];
export const ENTITY_TYPES: readonly EntityType[] = ['place', 'group'];

/** The shape's version, stored with it. 1: no `version` field (underlines, delay, sites). 2: this. */
export const SETTINGS_VERSION = 2;

export interface Settings {
  version: typeof SETTINGS_VERSION;
  /** Counterpoint anywhere at all: when off, the content script does nothing on any page. */
  enabled: boolean;
  /** Draw the dotted underline under mentions. Cards still open on hover when off. */
  underlines: boolean;
  /** How long the pointer must rest on a mention before its card opens. */
  hoverDelayMs: number;
  /** Host names where Counterpoint does nothing at all. */
  disabledSites: string[];
  /** Which kinds of entity are underlined and open cards on pages; mentions of the others are ignored. */
  entityTypes: EntityType[];
  /** The extension's pages and the card: follow the system, or always light or dark. */
  theme: Theme;
  /** The interface's language: the browser's (`auto`), or one chosen in the options. */
  language: LanguageSetting;
}

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  enabled: true,
  underlines: true,
  hoverDelayMs: 250,
  disabledSites: [],
  entityTypes: ['place', 'group'],
  theme: 'auto',
  language: 'auto',
};

/** The key in storage.local (the settings, one object). */
export const SETTINGS_STORAGE_KEY = 'counterpoint:settings';

/**
 * Stored value (any version, or nothing) → complete current settings. Version 1 had no `version`
 * field and lacked `enabled`, `entityTypes` and `theme`: they take their defaults, everything it
 * had is kept. Missing or malformed fields take their defaults; a value from a newer version is
 * read for the fields this version knows.
 */
export function withDefaults(value: unknown): Settings {
  const v = (value && typeof value === 'object' ? value : {}) as Partial<Record<keyof Settings, unknown>>;
  const d = DEFAULT_SETTINGS;
  const types = Array.isArray(v.entityTypes) ? ENTITY_TYPES.filter((t) => (v.entityTypes as unknown[]).includes(t)) : d.entityTypes;
  return {
    version: SETTINGS_VERSION,
    enabled: typeof v.enabled === 'boolean' ? v.enabled : d.enabled,
    underlines: typeof v.underlines === 'boolean' ? v.underlines : d.underlines,
    hoverDelayMs: typeof v.hoverDelayMs === 'number' && Number.isFinite(v.hoverDelayMs) && v.hoverDelayMs >= 0 ? v.hoverDelayMs : d.hoverDelayMs,
    disabledSites: Array.isArray(v.disabledSites) ? v.disabledSites.filter((s): s is string => typeof s === 'string') : d.disabledSites,
    entityTypes: [...types],
    theme: THEMES.includes(v.theme as Theme) ? (v.theme as Theme) : d.theme,
    language: LANGUAGE_SETTINGS.includes(v.language as LanguageSetting) ? (v.language as LanguageSetting) : d.language,
  };
}

/** The per-site switch: is the site off in the list? (The global switch is `isActiveOn`'s.) */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  return !settings.disabledSites.includes(hostname);
}

/** Does Counterpoint run on a page of this host: on globally and not switched off there. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && isSiteEnabled(settings, hostname);
}

/**
 * Which patterns a page's matcher looks for: those of the entity types shown (a pattern of unknown
 * type is kept). A predicate, so the one prepared automaton serves every choice of types.
 */
export function shownPattern(settings: Settings): (p: MatchPattern) => boolean {
  const types = settings.entityTypes;
  return (p) => !p.type || types.includes(p.type);
}
