/**
 * When a hover card opens and closes: the pointer must rest on a mention for `openDelay` ms
 * (leaving it earlier cancels), the card stays open while the pointer is on the mention or on the
 * card, and closes `closeDelay` ms after the pointer left both (time to travel from the mention to
 * the card). A pinned card (or one opened from the keyboard) stays until dismissed; while it is
 * open, hovering other mentions does not replace it.
 *
 * Generic over the mention type; timers are injected. Pure logic: no DOM, no `browser`.
 */

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  /**
   * Like `set`, for a change that must be painted on time: `fn` runs so that what it changes is
   * painted in the frame nearest `ms` from now, never more than half a frame early
   * (lib/card/paintTimer.ts). The card is opened with it; without it, with `set`.
   */
  setPainted?(fn: () => void, ms: number): unknown;
  /** Cancels a handle of either. */
  clear(handle: unknown): void;
}

export interface HoverIntentOptions<M> {
  openDelay(): number;
  closeDelay: number;
  /** Same mention? (Rescans may replace a mention's record by an equal one.) */
  same(a: M, b: M): boolean;
  /** Called as soon as the pointer lands on a mention, before the delay (it ends in `openInMs`): start loading. */
  prefetch?(target: M, openInMs: number): void;
  /** The pending open of `target` (prefetched) will not happen: the pointer left first, or it was dismissed. */
  cancel?(target: M): void;
  open(target: M, how: { sticky: boolean }): void;
  close(): void;
  timers?: Timers;
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export class HoverIntent<M> {
  private current: M | null = null;
  private pending: M | null = null;
  private openTimer: unknown = null;
  private closeTimer: unknown = null;
  private stickyOpen = false;
  private readonly timers: Timers;

  constructor(private readonly options: HoverIntentOptions<M>) {
    this.timers = options.timers ?? defaultTimers;
  }

  /** The mention whose card is open, if any. */
  get open(): M | null {
    return this.current;
  }

  /** True when the open card stays until dismissed (pinned, or opened from the keyboard). */
  get sticky(): boolean {
    return this.stickyOpen;
  }

  /**
   * The pointer is over `target` (a mention) or over nothing of ours (null). `restingMs`: how
   * long ago the pointer stopped there (it is hit-tested a frame after it moved); the delay
   * counts from then.
   */
  pointerOver(target: M | null, restingMs = 0): void {
    const { same } = this.options;
    if (target === null) {
      this.cancelOpen();
      if (this.current !== null && !this.stickyOpen) this.scheduleClose();
      return;
    }
    if (this.current !== null && same(target, this.current)) {
      this.cancelOpen();
      this.cancelClose();
      return;
    }
    if (this.current !== null && this.stickyOpen) return;
    if (this.pending !== null && same(target, this.pending)) return;
    this.cancelOpen();
    if (this.current !== null) this.scheduleClose();
    this.pending = target;
    const openInMs = Math.max(0, this.options.openDelay() - Math.max(0, restingMs));
    this.options.prefetch?.(target, openInMs);
    const open = () => {
      this.openTimer = null;
      const t = this.pending;
      this.pending = null;
      if (t !== null) this.show(t, false);
    };
    this.openTimer = this.timers.setPainted ? this.timers.setPainted(open, openInMs) : this.timers.set(open, openInMs);
  }

  /** The pointer is over the card itself. */
  pointerOverCard(): void {
    this.cancelOpen();
    if (this.current !== null) this.cancelClose();
  }

  /** Opens at once, sticky (keyboard shortcut, reveal). */
  openNow(target: M): void {
    this.cancelOpen();
    this.show(target, true);
  }

  /** Keeps the open card until dismissed. */
  pin(): void {
    if (this.current === null) return;
    this.stickyOpen = true;
    this.cancelClose();
  }

  /** Lets the open card close again when the pointer leaves. */
  unpin(): void {
    this.stickyOpen = false;
  }

  /** Closes now (Esc, close button, navigation). */
  dismiss(): void {
    this.cancelOpen();
    this.cancelClose();
    const wasOpen = this.current !== null;
    this.current = null;
    this.stickyOpen = false;
    if (wasOpen) this.options.close();
  }

  private show(target: M, sticky: boolean): void {
    this.cancelClose();
    this.current = target;
    this.stickyOpen = sticky;
    this.options.open(target, { sticky });
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = this.timers.set(() => {
      this.closeTimer = null;
      this.dismiss();
    }, this.options.closeDelay);
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) this.timers.clear(this.openTimer);
    this.openTimer = null;
    const pending = this.pending;
    this.pending = null;
    if (pending !== null) this.options.cancel?.(pending);
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.timers.clear(this.closeTimer);
    this.closeTimer = null;
  }
}
