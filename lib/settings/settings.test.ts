import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, withDefaults } from './settings';

describe('settings', () => {
  it('fills in defaults for missing or malformed values', () => {
    expect(withDefaults(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ underlines: false })).toEqual({ ...DEFAULT_SETTINGS, underlines: false });
    expect(withDefaults({ hoverDelayMs: -1, disabledSites: 'x' })).toEqual(DEFAULT_SETTINGS);
    expect(withDefaults({ hoverDelayMs: 400, disabledSites: ['a.example', 3] })).toEqual({
      underlines: true,
      hoverDelayMs: 400,
      disabledSites: ['a.example'],
    });
  });

  it('switches sites off by host name', () => {
    const s = withDefaults({ disabledSites: ['news.example'] });
    expect(isSiteEnabled(s, 'news.example')).toBe(false);
    expect(isSiteEnabled(s, 'other.example')).toBe(true);
  });
});
