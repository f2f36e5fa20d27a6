import { describe, expect, it } from 'vitest';
import { budgetedYielder } from './slices';

describe('budgetedYielder', () => {
  it('yields only once the slice’s budget is spent, then starts a new slice', async () => {
    let clock = 0;
    const yields: number[] = [];
    const pause = budgetedYielder(async () => void yields.push(clock), () => clock, 10);
    for (let i = 0; i < 30; i++) {
      clock += 3; // each item takes 3 ms
      await pause();
    }
    // A yield every 4th item (12 ms ≥ 10 ms), never two slices' work without one.
    expect(yields).toEqual([12, 24, 36, 48, 60, 72, 84]);
  });

  it('does not yield at all while the work fits in the budget', async () => {
    let n = 0;
    const pause = budgetedYielder(async () => void n++, () => 0, 10);
    for (let i = 0; i < 100; i++) await pause();
    expect(n).toBe(0);
  });
});
