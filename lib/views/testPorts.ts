/**
 * Test helpers for the controllers (imported by tests only, never by the extension): a clock whose
 * timers run when the test says, and promises the test resolves by hand.
 */
import type { Schedule } from './store';

export class ManualClock {
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private now = 0;
  private ids = 0;

  readonly schedule: Schedule = (fn, ms) => {
    const id = ++this.ids;
    this.timers.push({ at: this.now + ms, fn, id });
    return () => void (this.timers = this.timers.filter((t) => t.id !== id));
  };

  /** Moves time on by `ms`, running every timer that falls due. */
  advance(ms: number): void {
    this.now += ms;
    const due = this.timers.filter((t) => t.at <= this.now).sort((a, b) => a.at - b.at);
    this.timers = this.timers.filter((t) => t.at > this.now);
    for (const t of due) t.fn();
  }

  get pending(): number {
    return this.timers.length;
  }
}

/** Lets queued promise callbacks run. */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: Error): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
}
