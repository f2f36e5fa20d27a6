/**
 * One queue of page work (the first scan, rescans of changed subtrees), run in short slices in
 * idle callbacks so the extension never blocks the page's main thread for long: every job checks
 * `shouldYield()` often and returns false to be called again in the next slice.
 */
import type { Scope } from './scope';

/** A resumable piece of work: returns true when done, false to continue in the next slice. */
export type Job = (shouldYield: () => boolean) => boolean;

/** Longest slice, in ms: well under the 50 ms of a "long task", leaving the page room to respond. */
const SLICE_MS = 8;

export interface WorkQueue {
  push(job: Job): void;
  /** Drops every queued job (navigation, teardown). */
  clear(): void;
  /** True while jobs are queued or running. */
  readonly busy: boolean;
  /** Time spent in jobs so far, and the longest slice, in ms (diagnostics). */
  readonly totalMs: number;
  readonly maxSliceMs: number;
}

export function createWorkQueue(scope: Scope): WorkQueue {
  const jobs: Job[] = [];
  let scheduled = false;
  let maxSliceMs = 0;
  let totalMs = 0;

  const schedule = () => {
    if (scheduled || jobs.length === 0 || !scope.alive) return;
    scheduled = true;
    scope.idle(run, 250);
  };

  const run = () => {
    scheduled = false;
    const start = performance.now();
    let checks = 0;
    const shouldYield = () => (++checks & 7) === 0 && performance.now() - start > SLICE_MS;
    try {
      while (jobs.length > 0) {
        const job = jobs[0]!;
        const done = job(shouldYield);
        if (done && jobs[0] === job) jobs.shift(); // (a job may have cleared the queue: a navigation)
        if (performance.now() - start > SLICE_MS) break;
      }
    } catch (err) {
      // A job that throws is dropped, never retried in a loop; the page is not ours to break.
      jobs.shift();
      console.debug('[counterpoint] scan job failed', err);
    }
    const took = performance.now() - start;
    totalMs += took;
    maxSliceMs = Math.max(maxSliceMs, took);
    schedule();
  };

  return {
    push(job) {
      jobs.push(job);
      schedule();
    },
    clear() {
      jobs.length = 0;
    },
    get busy() {
      return jobs.length > 0;
    },
    get totalMs() {
      return totalMs;
    },
    get maxSliceMs() {
      return maxSliceMs;
    },
  };
}
