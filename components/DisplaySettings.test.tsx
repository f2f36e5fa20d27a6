/** The global switch, the entity types and the theme: what each control says and the change it asks for. */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../lib/settings/settings';
import { DisplaySettings } from './DisplaySettings';
import { renderToDom } from './testDom';

/** A change event in the element's own (linkedom) window, as a click on the control would send. */
const click = (el: Element | null | undefined) => el!.dispatchEvent(new (el!.ownerDocument.defaultView as unknown as typeof globalThis).Event('change'));

describe('DisplaySettings', () => {
  it('labels every control by its visible text, in named groups', () => {
    const root = renderToDom(<DisplaySettings settings={DEFAULT_SETTINGS} onChange={() => undefined} />);
    expect(root.querySelector('[role="switch"]')?.closest('label')?.textContent).toMatch(/^Counterpoint is on/);
    expect([...root.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['Mark on pages', 'Theme', 'Language']);
    expect([...root.querySelectorAll('fieldset label')].map((l) => l.textContent)).toEqual(['Places', 'Groups', 'As the system', 'Light', 'Dark', 'As the browser', 'English', 'العربية', 'Français']);
  });

  it('asks for the change each control makes', () => {
    const onChange = vi.fn();
    const root = renderToDom(<DisplaySettings settings={{ ...DEFAULT_SETTINGS, enabled: false }} onChange={onChange} />);
    expect(root.textContent).toContain('Counterpoint is off');
    const [places] = root.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]');
    places!.checked = false;
    click(places);
    expect(onChange).toHaveBeenLastCalledWith({ entityTypes: ['group'] });
    const arabic = root.querySelector<HTMLInputElement>('input[name="language"][value="ar"]');
    click(arabic);
    expect(onChange).toHaveBeenLastCalledWith({ language: 'ar' });
    click(root.querySelector('input[value="dark"]'));
    expect(onChange).toHaveBeenLastCalledWith({ theme: 'dark' });
    const sw = root.querySelector<HTMLInputElement>('[role="switch"]')!;
    sw.checked = true;
    click(sw);
    expect(onChange).toHaveBeenLastCalledWith({ enabled: true });
  });
});
