/**
 * One queue of page work (the first scan, rescans of changed subtrees), run in short slices in
 * idle callbacks so the extension never blocks the page's main thread for long: every job checks
 * `shouldYield()` often and returns false to be called again in the next slice.
 *
 * A burst of work (the first job pushed into an empty queue) starts only after the page has
 * rendered a frame: the scanner asks the browser whether a name's text is shown
 * (`checkVisibility`), which recomputes whatever style the page left stale. Before the page's
 * first frame that is the style of the whole document — ~100 ms on a 5 MB page, a long task in
 * our slice —, while after a frame the browser has done it in its own rendering and the question
 * costs next to nothing. A hidden document renders no frame: there the burst waits FRAME_WAIT_MS.
 */
import type { Scope } from './scope';

/** A resumable piece of work: returns true when done, false to continue in the next slice. */
export type Job = (shouldYield: () => boolean) => boolean;

/** Longest slice, in ms: well under the 50 ms of a "long task", leaving the page room to respond. */
const SLICE_MS = 8;
/** How long a burst waits for a rendered frame where none comes (a hidden tab). */
const FRAME_WAIT_MS = 100;

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

  let running = false; // within a burst: slices follow each other in idle callbacks

  const schedule = () => {
    if (scheduled || jobs.length === 0 || !scope.alive) return;
    scheduled = true;
    if (running) return scope.idle(run, 250);
    // A new burst: after the next frame has rendered (a task posted from its animation frame
    // callback runs once that frame's style and layout are done), or after FRAME_WAIT_MS.
    let waited = false;
    const go = () => {
      if (waited) return;
      waited = true;
      running = true;
      scope.idle(run, 250);
    };
    scope.frame(() => scope.timeout(go, 0));
    scope.timeout(go, FRAME_WAIT_MS);
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
    running = jobs.length > 0;
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
