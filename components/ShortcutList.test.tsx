/** The options page's list of keyboard commands: each with its current keys, or "not set". */
import { describe, expect, it } from 'vitest';
import { ShortcutList } from './ShortcutList';
import { renderToDom } from './testDom';

describe('ShortcutList', () => {
  it('lists every command with its keys, names the browser’s own, and says when none is set', () => {
    const root = renderToDom(
      <ShortcutList
        commands={[
          { name: 'open-card', description: 'Open the card for the place or group at the selection', shortcut: 'Alt+Shift+C' },
          { name: '_execute_action', description: '', shortcut: 'Alt+Shift+S' },
          { name: 'toggle-site', description: 'Turn Counterpoint off or on for this site', shortcut: '' },
        ]}
      />,
    );
    const rows = [...root.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([
      ['Open the card for the place or group at the selection', 'Alt+Shift+C'],
      ['Search the corpus', 'Alt+Shift+S'],
      ['Turn Counterpoint off or on for this site', 'not set'],
    ]);
    expect([...root.querySelectorAll('tbody tr')[0]!.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['Alt', 'Shift', 'C']);
  });
});
