import { describe, expect, it } from 'vitest';
import type { MatchPattern } from '../corpus/types';
import { DEFAULT_SETTINGS, isActiveOn, isSiteEnabled, SETTINGS_VERSION, shownPattern, withDefaults } from './settings';

describe('settings', () => {
  it('fills in defaults for missing or malformed values', () => {
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ underlines: false })).toEqual({ ...DEFAULT_SETTINGS, underlines: false });
    expect(withDefaults({ hoverDelayMs: -1, disabledSites: 'x', theme: 'sepia', language: 'klingon', entityTypes: 'place', enabled: 'no' })).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ hoverDelayMs: 400, disabledSites: ['a.example', 3], entityTypes: ['group', 'person'] })).toEqual({
      ...DEFAULT_SETTINGS,
      hoverDelayMs: 400,
      disabledSites: ['a.example'],
      entityTypes: ['group'],
    });
  });

  it('migrates version 1 (no version field) to version 2, keeping everything it had', () => {
    const v1 = { underlines: false, hoverDelayMs: 600, disabledSites: ['news.example'] };
    const v2 = withDefaults(v1);
    expect(v2).toEqual({
      version: 2,
      enabled: true,
      underlines: false,
      hoverDelayMs: 600,
      disabledSites: ['news.example'],
      entityTypes: ['place', 'group'],
      theme: 'auto',
      language: 'auto',
    });
    expect(SETTINGS_VERSION).toBe(2);
    // Migrating again changes nothing.
    expect(withDefaults(v2)).toEqual(v2);
    expect(withDefaults(JSON.parse(JSON.stringify(v2)))).toEqual(v2);
  });

  it('reads a newer version’s value for the fields it knows, and an empty type list as "none shown"', () => {
    const future = { version: 7, enabled: false, theme: 'dark', language: 'ar', entityTypes: [], unknownField: { x: 1 } };
    expect(withDefaults(future)).toEqual({ ...DEFAULT_SETTINGS, enabled: false, theme: 'dark', language: 'ar', entityTypes: [] });
  });

  it('switches sites off by host name, and everything off with the global switch', () => {
    const s = withDefaults({ disabledSites: ['news.example'] });
    expect(isSiteEnabled(s, 'news.example')).toBe(false);
    expect(isSiteEnabled(s, 'other.example')).toBe(true);
    expect(isActiveOn(s, 'other.example')).toBe(true);
    expect(isActiveOn({ ...s, enabled: false }, 'other.example')).toBe(false);
    expect(isSiteEnabled({ ...s, enabled: false }, 'other.example')).toBe(true); // the site switch keeps its own state
  });

  it('keeps only the patterns of the entity types shown', () => {
    const patterns: MatchPattern[] = [
      { text: 'Raqqa', entityId: 'raqqa', caseSensitive: false, ambiguous: false, type: 'place' },
      { text: 'SDF', entityId: 'sdf', caseSensitive: true, ambiguous: false, type: 'group' },
      { text: 'Old cache', entityId: 'x', caseSensitive: false, ambiguous: false },
    ];
    expect(patterns.filter(shownPattern(DEFAULT_SETTINGS))).toEqual(patterns);
    expect(patterns.filter(shownPattern({ ...DEFAULT_SETTINGS, entityTypes: ['group'] })).map((p) => p.text)).toEqual(['SDF', 'Old cache']);
    expect(patterns.filter(shownPattern({ ...DEFAULT_SETTINGS, entityTypes: [] })).map((p) => p.text)).toEqual(['Old cache']);
  });
});
