/**
 * Buttons named by what they show (WCAG 2.5.3): the popup's entity chips and the panel's "On this
 * page" rows carry no aria-label; their text reads as words, with units for screen readers.
 */
import { describe, expect, it } from 'vitest';
import { summary } from '../lib/views/fixtures';
import { EntityChips } from './EntityChips';
import { PageEntities } from './PageEntities';
import { renderToDom, titles } from './testDom';

describe('EntityChips', () => {
  it('names each chip by its visible text', () => {
    const root = renderToDom(<EntityChips entities={[summary('raqqa', { name: 'Raqqa', kind: 'city', sourceCount: 4 })]} onPick={() => undefined} />);
    const chip = root.querySelector('button')!;
    expect(chip.getAttribute('aria-label')).toBeNull();
    expect(chip.textContent).toBe('Raqqa city 4 sources');
    expect(root.querySelector('[role="group"]')!.getAttribute('aria-labelledby')).toBe('chips-label');
    expect(root.querySelector('#chips-label')!.textContent).toBe('Compare sources on');
  });
});

describe('PageEntities', () => {
  it('names each row by its visible text, then the unit, and says what a click does as text', () => {
    const rows = [{ id: 'raqqa', name: 'Raqqa', type: 'place' as const, kind: 'city', count: 3, sourceCount: 4 }];
    const root = renderToDom(<PageEntities rows={rows} selectedId="raqqa" onPick={() => undefined} />);
    const button = root.querySelector('button')!;
    expect(button.textContent).toBe('Raqqa city 3 mentions');
    expect(button.querySelector('.visually-hidden')!.textContent).toBe(' mentions');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(titles(root)).toEqual([]);
    expect(root.querySelector('#page-entities-help')!.textContent).toMatch(/scroll the page to its next mention/);
  });
});
