/**
 * A timer whose callback's DOM change is painted in the animation frame nearest its deadline,
 * for revealing the hover card (HoverIntent's open timer).
 *
 * A plain timer firing at the deadline leaves the change waiting for the next frame: up to a
 * whole frame (16.7 ms at 60 Hz) late, 8 ms on average. Instead a requestAnimationFrame loop
 * starts about two frames before the deadline and learns the frame interval from its own
 * timestamps (a rAF timestamp is the frame's begin time, on performance.now()'s clock). The card
 * is revealed in the first frame that begins no earlier than half a frame before the deadline, so
 * it is painted within half a frame of it either way and never more than half a frame early
 * (presentation follows the frame's begin, so "begins" is the cautious side):
 * - this frame begins late enough (the loop started late, or frames were slow): the callback runs
 *   at once, from the rAF callback, and its change is painted in this frame;
 * - the next frame will: it runs in a task posted from this rAF callback (`afterFrame`), which runs
 *   once this frame is done and before the next one begins, so its change is in the next frame
 *   before any of that frame's rAF callbacks (a rAF callback there would be one frame later for
 *   anything watching from an earlier-registered callback);
 * - otherwise: wait for another frame.
 * A fallback timer runs the callback anyway shortly after the deadline when no frame comes (a tab
 * or frame whose rendering is paused or throttled).
 *
 * Pure logic with the clock injected (entrypoints/content/frameClock.ts in the page; fakes in
 * paintTimer.test.ts).
 */
/** Timers as the card's driver uses them (lib/card/cardController.ts). */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  /**
   * Like `set`, for a change that must be painted on time: `fn` runs so that what it changes is
   * painted in the frame nearest `ms` from now, never more than half a frame early. The card is
   * revealed with it; without it, with `set`.
   */
  setPainted?(fn: () => void, ms: number): unknown;
  /** Cancels a handle of either. */
  clear(handle: unknown): void;
}

export interface FrameClock {
  now(): number;
  /** requestAnimationFrame: `cb` gets the frame's begin time on now()'s clock. */
  frame(cb: (ts: number) => void): number;
  cancelFrame(handle: number): void;
  timeout(cb: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `cb` in a task queued now: called from a rAF callback, once that frame is done. */
  afterFrame(cb: () => void): void;
}

/** 60 Hz until frames have been seen. */
const DEFAULT_INTERVAL = 1000 / 60;
const MIN_INTERVAL = 1000 / 240;
const MAX_INTERVAL = 1000 / 24;
/** The loop starts this many frames before the deadline: two timestamps to learn the interval from, and a frame to post from. */
const LEAD_FRAMES = 2.5;
/** With no frame by this many frames past the deadline, the callback runs from a plain timer. */
const FALLBACK_FRAMES = 6;

/** What to do in a frame beginning at `ts`, for a change due at `deadline`, frames `interval` apart. */
export function frameDecision(ts: number, deadline: number, interval: number): 'now' | 'next' | 'wait' {
  const earliest = deadline - interval / 2;
  if (ts >= earliest) return 'now';
  if (ts + interval >= earliest) return 'next';
  return 'wait';
}

class Handle {
  done = false;
  timer: unknown = null;
  fallback: unknown = null;
  frame = 0;
}

/** Timers (`set`, `clear` as setTimeout's) with `setPainted` aligned to frames as above. */
export function paintTimers(clock: FrameClock): Timers & { readonly interval: number } {
  /** Recent intervals between consecutive frames of one loop; the smallest is the frame interval (a dropped frame only makes a gap longer). */
  const deltas: number[] = [];
  const interval = () => (deltas.length ? Math.min(...deltas) : DEFAULT_INTERVAL);
  const learn = (delta: number) => {
    if (delta < MIN_INTERVAL || delta > MAX_INTERVAL) return;
    deltas.push(delta);
    if (deltas.length > 8) deltas.shift();
  };

  const setPainted = (fn: () => void, ms: number): Handle => {
    const deadline = clock.now() + Math.max(0, ms);
    const h = new Handle();
    const run = () => {
      if (h.done) return;
      h.done = true;
      clock.cancelFrame(h.frame);
      clock.clearTimeout(h.timer);
      clock.clearTimeout(h.fallback);
      fn();
    };
    let last = NaN;
    const onFrame = (ts: number) => {
      h.frame = 0;
      if (h.done) return;
      if (!Number.isNaN(last)) learn(ts - last);
      last = ts;
      const decision = frameDecision(ts, deadline, interval());
      if (decision === 'now') run();
      else if (decision === 'next') {
        clock.afterFrame(run);
        // Should the task be held up past the next frame's begin, that frame's callbacks run it.
        h.frame = clock.frame(run);
      } else h.frame = clock.frame(onFrame);
    };
    const start = () => {
      h.timer = null;
      if (!h.done) h.frame = clock.frame(onFrame);
    };
    const lead = deadline - clock.now() - LEAD_FRAMES * interval();
    if (lead > 0) h.timer = clock.timeout(start, lead);
    else start();
    h.fallback = clock.timeout(run, deadline - clock.now() + FALLBACK_FRAMES * interval());
    return h;
  };

  return {
    get interval() {
      return interval();
    },
    set: (fn, ms) => clock.timeout(fn, ms),
    setPainted,
    clear(handle) {
      if (handle instanceof Handle) {
        const h = handle;
        h.done = true;
        clock.cancelFrame(h.frame);
        clock.clearTimeout(h.timer);
        clock.clearTimeout(h.fallback);
      } else clock.clearTimeout(handle);
    },
  };
}
