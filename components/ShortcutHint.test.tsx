/** The shortcut hint shows the keys the browser reports, or how to set one when there is none. */
import { describe, expect, it } from 'vitest';
import { ShortcutHint } from './ShortcutHint';
import { renderToDom } from './testDom';

describe('ShortcutHint', () => {
  it('shows each key of the shortcut', () => {
    const root = renderToDom(<ShortcutHint shortcut="Alt+Shift+C" />);
    expect([...root.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'C']);
    expect(root.textContent).toContain('press Alt+Shift+C to open its card');
  });

  it('says how to set one when the browser has none', () => {
    expect(renderToDom(<ShortcutHint shortcut={null} />).textContent).toMatch(/No keyboard shortcut is set.*extension shortcuts/);
  });
});
