/** What the popup's switch says: never "On" while Counterpoint is off everywhere. */
import { describe, expect, it } from 'vitest';
import { siteSwitchView } from '../lib/views/siteSwitch';
import { SiteSwitch } from './SiteSwitch';
import { renderToDom } from './testDom';

const draw = (site: string | null, enabled: boolean, everywhere: boolean) =>
  renderToDom(<SiteSwitch view={siteSwitchView({ site, enabled, everywhere })} onToggle={() => undefined} onTurnOn={() => undefined} />);

describe('SiteSwitch', () => {
  it('reads "On for" the site, an enabled switch, while Counterpoint is on', () => {
    const root = draw('news.example', true, true);
    expect(root.querySelector('label')?.textContent).toBe('On for news.example');
    expect(root.querySelector('input')?.hasAttribute('disabled')).toBe(false);
    expect(root.textContent).not.toContain('Turn Counterpoint on');
  });

  it('reads "Off everywhere", disabled, with a button to turn Counterpoint on, when it is off everywhere', () => {
    const root = draw('news.example', true, false);
    expect(root.querySelector('label')?.textContent).toBe('Off everywhere');
    expect(root.querySelector('input')?.hasAttribute('disabled')).toBe(true);
    expect(root.querySelector('.off-notice')?.textContent).toBe('Counterpoint is off on every site. Turn Counterpoint on');
    expect(root.querySelector('button')?.textContent).toBe('Turn Counterpoint on');
  });
});
