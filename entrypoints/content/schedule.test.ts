/**
 * The work queue's bursts: the first job pushed into an empty queue waits for a rendered frame
 * (or, where none comes, the fallback wait), so a scan never forces the page's pending style in
 * its own slice; the slices of one burst follow each other without waiting for frames again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Scope } from './scope';
import { createWorkQueue } from './schedule';

/** A scope whose frames, idle callbacks and timers run only when the test says so. */
function fakeScope() {
  const frames: Array<() => void> = [];
  const idles: Array<() => void> = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const scope = {
    alive: true,
    frame: (fn: () => void) => frames.push(fn),
    idle: (fn: () => void) => void idles.push(fn),
    timeout: (fn: () => void, ms: number) => void timers.push({ fn, ms }),
  } as unknown as Scope;
  const take = <T,>(list: T[]) => list.splice(0);
  return {
    scope,
    runFrames: () => take(frames).forEach((fn) => fn()),
    runIdle: () => take(idles).forEach((fn) => fn()),
    runTimers: (upTo: number) => {
      const due = timers.filter((t) => t.ms <= upTo);
      timers.splice(0, timers.length, ...timers.filter((t) => t.ms > upTo));
      due.forEach((t) => t.fn());
    },
  };
}

describe('createWorkQueue', () => {
  afterEach(() => vi.restoreAllMocks());

  it('starts a burst only after a rendered frame, then runs its slices in idle callbacks', () => {
    const f = fakeScope();
    const queue = createWorkQueue(f.scope);
    const log: string[] = [];
    let slices = 0;
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    // Each call takes 20 ms: longer than a slice, so the next call is the next slice's.
    queue.push(() => (log.push(`slice ${++slices}`), (now += 20), slices === 2));
    f.runIdle();
    f.runTimers(0);
    expect(log).toEqual([]); // no frame yet: nothing ran
    f.runFrames();
    f.runIdle();
    expect(log).toEqual([]); // the frame's own task comes first
    f.runTimers(0);
    f.runIdle();
    expect(log).toEqual(['slice 1']);
    f.runIdle(); // the next slice of the same burst needs no frame
    expect(log).toEqual(['slice 1', 'slice 2']);
    expect(queue.busy).toBe(false);

    queue.push(() => (log.push('next burst'), true));
    f.runIdle();
    expect(log).toEqual(['slice 1', 'slice 2']); // a new burst waits for a frame again
  });

  it('starts anyway after the fallback wait where no frame is rendered (a hidden tab)', () => {
    const f = fakeScope();
    const queue = createWorkQueue(f.scope);
    let ran = 0;
    queue.push(() => (ran++, true));
    f.runTimers(1000);
    f.runIdle();
    expect(ran).toBe(1);
    f.runFrames(); // the frame that comes later starts nothing twice
    f.runTimers(1000);
    f.runIdle();
    expect(ran).toBe(1);
  });
});
