/**
 * README's performance figures come from the benchmark, never typed (developers' guide): the
 * block between bench/readme.mjs's markers must be exactly the Targets table of
 * bench/PERFORMANCE.md, which only a complete `npm run bench` writes.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { END, START, spliceTargets, targetsOf } from '../../bench/readme.mjs';

const readme = readFileSync('README.md', 'utf8');
const performance = readFileSync('bench/PERFORMANCE.md', 'utf8');

describe("README's performance figures", () => {
  it('are the Targets table of bench/PERFORMANCE.md, copied by bench/readme.mjs (run `node bench/readme.mjs`)', () => {
    expect(readme).toContain(START);
    expect(readme).toContain(END);
    expect(readme).toBe(spliceTargets(readme, performance));
  });

  it('a figure typed into the block is caught', () => {
    const typed = readme.replace(START, `${START}\n| Page scan / floor (median of pages) | 1.5× | ≤ 2× | PASS |`);
    expect(typed).not.toBe(spliceTargets(typed, performance));
    expect(targetsOf(performance)).toMatch(/^Measured .*\n\n\| Measure \| Result \| Target \|/);
  });
});
