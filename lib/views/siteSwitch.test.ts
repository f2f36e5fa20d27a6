import { describe, expect, it } from 'vitest';
import { siteSwitchView } from './siteSwitch';

describe('siteSwitchView', () => {
  it('says On or Off for the site while Counterpoint is on', () => {
    expect(siteSwitchView({ site: 'news.example', enabled: true, everywhere: true })).toEqual({
      switch: { checked: true, disabled: false, state: 'On for', site: 'news.example' },
      offNotice: null,
    });
    expect(siteSwitchView({ site: 'news.example', enabled: false, everywhere: true }).switch).toEqual({
      checked: false,
      disabled: false,
      state: 'Off for',
      site: 'news.example',
    });
  });

  it('never says On while Counterpoint is off everywhere: the switch is off, disabled, reads "Off everywhere", and a line offers the way back', () => {
    for (const enabled of [true, false]) {
      const view = siteSwitchView({ site: 'news.example', enabled, everywhere: false });
      expect(view.switch).toEqual({ checked: false, disabled: true, state: 'Off everywhere', site: null });
      expect(view.offNotice).toEqual({ text: 'Counterpoint is off on every site.', action: 'Turn Counterpoint on' });
    }
  });

  it('has no switch where the tab is not a web page, but still says when Counterpoint is off', () => {
    expect(siteSwitchView({ site: null, enabled: true, everywhere: true })).toEqual({ switch: null, offNotice: null });
    expect(siteSwitchView({ site: null, enabled: true, everywhere: false }).offNotice?.action).toBe('Turn Counterpoint on');
  });
});
