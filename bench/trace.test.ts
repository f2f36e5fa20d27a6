/**
 * The scan's CPU column (bench/trace.mjs `cpuOfOurs`): a task's thread time, shared by its
 * samples. Under load the samples stretch (wall-clock) while the thread time does not: the
 * column must give what our code cost, whatever the wait.
 */
import { describe, expect, it } from 'vitest';
import { cpuOfOurs } from './trace.mjs';

/** `n` samples of `us` each from `ts`, every `us` apart. */
const run = (ts: number, n: number, us: number) => Array.from({ length: n }, (_, i) => ({ ts: ts + i * us, us }));

describe('cpuOfOurs', () => {
  it('charges each task its thread time times our share of its samples', () => {
    // Task 1: 10 ms of thread time, stretched to 30 ms by the load; half of its samples ours.
    // Task 2: 4 ms, all ours. Task 3: a page task without our code.
    const tasks = [
      { ts: 0, end: 30_000, tdur: 10_000 },
      { ts: 40_000, end: 44_000, tdur: 4_000 },
      { ts: 50_000, end: 60_000, tdur: 10_000 },
    ];
    const all = [...run(0, 30, 1000), ...run(40_000, 4, 1000), ...run(50_000, 10, 1000)];
    const ours = [...run(0, 15, 1000), ...run(40_000, 4, 1000)];
    expect(cpuOfOurs(tasks, all, ours)).toBe(5_000 + 4_000);
  });

  it('is the same on a quiet and on a loaded machine (the wall-clock samples are not)', () => {
    const quiet = cpuOfOurs([{ ts: 0, end: 10_000, tdur: 10_000 }], run(0, 10, 1000), run(0, 10, 1000));
    // Loaded: the thread waited as long again as it ran; fewer, longer samples, the same thread time.
    const loaded = cpuOfOurs([{ ts: 0, end: 20_000, tdur: 10_000 }], run(0, 5, 4000), run(0, 5, 4000));
    expect(loaded).toBe(quiet);
  });

  it('counts the innermost tasks, not one that runs others (a nested run loop)', () => {
    const tasks = [
      { ts: 0, end: 100_000, tdur: 1_000 }, // the loop: a long task of little thread time of its own
      { ts: 10_000, end: 20_000, tdur: 8_000 },
      { ts: 30_000, end: 40_000, tdur: 6_000 },
    ];
    const all = [...run(10_000, 10, 1000), ...run(30_000, 10, 1000)];
    expect(cpuOfOurs(tasks, all, all)).toBe(8_000 + 6_000);
    // Our samples in the loop's own part: its own thread time (its time less the inner tasks').
    const loop = [{ ts: 0, end: 100_000, tdur: 20_000 }, ...tasks.slice(1)];
    expect(cpuOfOurs(loop, [...run(0, 10, 1000), ...all], run(0, 10, 1000))).toBe(20_000 - 8_000 - 6_000);
  });

  it('counts nothing for a task without thread time or without our samples', () => {
    expect(cpuOfOurs([{ ts: 0, end: 10_000 }], run(0, 10, 1000), run(0, 10, 1000))).toBe(0);
    expect(cpuOfOurs([{ ts: 0, end: 10_000, tdur: 10_000 }], run(0, 10, 1000), [])).toBe(0);
  });
});
