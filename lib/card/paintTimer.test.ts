/**
 * The frame-aligned timer with a fake clock: a fake requestAnimationFrame whose frames begin every
 * `interval` ms from `phase`, timers, and the after-frame task. Asserts in which frame the change
 * lands (no wall clock).
 */
import { describe, expect, it } from 'vitest';
import { frameDecision, paintTimers, type FrameClock } from './paintTimer';

/** A simulated page: timers and frames on one virtual clock, in time order. */
function fakePage(interval = 1000 / 60, phase = 0) {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const frames = new Map<number, (ts: number) => void>();
  const afterFrame: Array<() => void> = [];
  /** What a change made now would be painted in: the begin time of the frame it lands in. */
  const painted: number[] = [];
  let inFrame: number | null = null;
  const nextFrameAt = (t: number) => phase + Math.ceil((t - phase + 1e-9) / interval) * interval;
  const clock: FrameClock = {
    now: () => now,
    frame(cb) {
      const id = nextId++;
      frames.set(id, cb);
      return id;
    },
    cancelFrame: (id) => void frames.delete(id),
    timeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
    afterFrame: (cb) => void afterFrame.push(cb),
  };
  /** Runs everything up to `until`: timers due before the next frame, then the frame (its rAF callbacks, then the tasks queued behind it). */
  const run = (until: number) => {
    for (;;) {
      const frameAt = nextFrameAt(now);
      const due = [...timers.entries()].filter(([, t]) => t.at <= frameAt).sort((a, b) => a[1].at - b[1].at)[0];
      if (due && due[1].at <= until) {
        timers.delete(due[0]);
        now = Math.max(now, due[1].at);
        due[1].fn();
        continue;
      }
      if (frameAt > until) return;
      now = frameAt;
      inFrame = frameAt;
      const cbs = [...frames.values()];
      frames.clear();
      for (const cb of cbs) cb(frameAt);
      inFrame = null;
      for (const fn of afterFrame.splice(0)) fn();
      now = frameAt + 1e-6;
    }
  };
  /** The frame a change made now is painted in: this one inside a rAF callback, else the next. */
  const paintFrame = () => inFrame ?? nextFrameAt(now);
  return { clock, run, painted, paintFrame, pendingFrames: () => frames.size, pendingTimers: () => timers.size };
}

describe('frameDecision', () => {
  it('reveals in the first frame beginning no earlier than half a frame before the deadline', () => {
    expect(frameDecision(100, 100, 16)).toBe('now');
    expect(frameDecision(92, 100, 16)).toBe('now');
    expect(frameDecision(91.9, 100, 16)).toBe('next');
    expect(frameDecision(76, 100, 16)).toBe('next');
    expect(frameDecision(75.9, 100, 16)).toBe('wait');
  });
});

describe('paintTimers', () => {
  it.each([0, 3, 8, 8.4, 12, 16])('paints the change in the frame nearest the deadline, never more than half a frame early (frame phase %f ms)', (phase) => {
    const interval = 1000 / 60;
    const page = fakePage(interval, phase);
    const timers = paintTimers(page.clock);
    const deadline = 250;
    let paintedAt = NaN;
    timers.setPainted!(() => (paintedAt = page.paintFrame()), deadline);
    page.run(400);
    expect(paintedAt).toBeGreaterThanOrEqual(deadline - interval / 2 - 1e-6);
    expect(paintedAt).toBeLessThan(deadline + interval / 2);
    expect(page.pendingFrames()).toBe(0); // the loop stopped
    expect(page.pendingTimers()).toBe(0); // and its fallback was cleared
  });

  it('learns the frame interval from its frames (120 Hz)', () => {
    const interval = 1000 / 120;
    const page = fakePage(interval, 1);
    const timers = paintTimers(page.clock);
    timers.setPainted!(() => undefined, 100); // first hover: learns the interval
    page.run(200);
    expect(timers.interval).toBeCloseTo(interval, 5);
    let paintedAt = NaN;
    timers.setPainted!(() => (paintedAt = page.paintFrame()), 100);
    const deadline = page.clock.now() + 100;
    page.run(400);
    expect(Math.abs(paintedAt - deadline)).toBeLessThanOrEqual(interval / 2);
  });

  it('runs at once in a frame when the deadline has passed', () => {
    const page = fakePage();
    const timers = paintTimers(page.clock);
    let paintedAt = NaN;
    timers.setPainted!(() => (paintedAt = page.paintFrame()), 0);
    page.run(100);
    expect(paintedAt).toBeCloseTo(1000 / 60, 5); // the first frame
  });

  it('runs from its fallback timer when no frame comes', () => {
    let now = 0;
    const pending: Array<{ at: number; fn: () => void }> = [];
    const clock: FrameClock = {
      now: () => now,
      frame: () => 1, // rendering paused: never called back
      cancelFrame: () => undefined,
      timeout: (fn, ms) => pending.push({ at: now + ms, fn }),
      clearTimeout: () => undefined,
      afterFrame: () => undefined,
    };
    let ran = 0;
    paintTimers(clock).setPainted!(() => ran++, 250);
    pending.sort((a, b) => a.at - b.at);
    for (const t of pending.splice(0)) {
      now = t.at;
      t.fn();
    }
    expect(ran).toBe(1);
    expect(now).toBeGreaterThan(250);
  });

  it('never runs a cleared timer', () => {
    const page = fakePage();
    const timers = paintTimers(page.clock);
    let ran = 0;
    const h = timers.setPainted!(() => ran++, 250);
    page.run(220); // the loop is running (the card is due in the frame at 250)
    expect(page.pendingFrames()).toBe(1);
    timers.clear(h);
    page.run(600);
    expect(ran).toBe(0);
    expect(page.pendingFrames()).toBe(0);
  });

  it('keeps plain timers plain', () => {
    const page = fakePage();
    const timers = paintTimers(page.clock);
    let at = NaN;
    timers.set(() => (at = page.clock.now()), 300);
    page.run(500);
    expect(at).toBe(300);
  });
});
