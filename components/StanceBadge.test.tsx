/** Stance labels are heard as stances, and their meanings are a disclosure, not tooltips. */
import { describe, expect, it } from 'vitest';
import { STANCE_DESCRIPTION, STANCE_LABEL } from '../lib/views/stanceLabel';
import { StanceBadge } from './StanceBadge';
import { StanceKey } from './StanceKey';
import { renderToDom, titles } from './testDom';

describe('StanceBadge', () => {
  it('says it is a stance, with the label as its visible text', () => {
    const root = renderToDom(<StanceBadge stance="progress" small cues={['liberated']} />);
    expect(root.textContent).toBe(`Stance: ${STANCE_LABEL.progress}`);
    expect(root.querySelector('.visually-hidden')!.textContent).toBe('Stance: ');
    expect(titles(root)).toEqual([]);
  });

  it('says "Overall stance" for a source’s overall stance, showing "Overall:"', () => {
    const root = renderToDom(<StanceBadge stance="setback" overall />);
    expect(root.textContent).toBe(`Overall stance: ${STANCE_LABEL.setback}`);
    expect(root.querySelector('.visually-hidden')!.textContent).toBe(' stance');
  });
});

describe('StanceKey', () => {
  it('explains every stance in a disclosure', () => {
    const root = renderToDom(<StanceKey />);
    expect(root.querySelector('details > summary')!.textContent).toBe('What the stance labels mean');
    expect([...root.querySelectorAll('dd')].map((d) => d.textContent)).toEqual([
      STANCE_DESCRIPTION.progress,
      STANCE_DESCRIPTION.setback,
      STANCE_DESCRIPTION.neutral,
    ]);
  });
});
