/**
 * The page's frame clock for lib/card/paintTimer.ts: performance.now(), requestAnimationFrame,
 * timers, and a task queued behind the current frame (a MessageChannel of the content script's
 * own: a message posted from a rAF callback is delivered once that frame is done, ahead of the
 * next frame). Nothing here is visible to the page.
 */
import type { FrameClock } from '../../lib/card/paintTimer';

export function frameClock(): FrameClock {
  let channel: MessageChannel | null = null;
  const queued: Array<() => void> = [];
  const flush = () => {
    for (const fn of queued.splice(0)) fn();
  };
  return {
    now: () => performance.now(),
    frame: (cb) => requestAnimationFrame(cb),
    cancelFrame: (h) => cancelAnimationFrame(h),
    timeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    afterFrame(cb) {
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = flush;
      }
      queued.push(cb);
      if (queued.length === 1) channel.port2.postMessage(0);
    },
  };
}
