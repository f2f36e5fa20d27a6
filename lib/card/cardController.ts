/**
 * The hover card's driver: reports pointer rests, keys, the card's own buttons and the frame's
 * news as events to the card's one state machine (lib/card/cardMachine.ts, whose table says what
 * happens), and carries out its effects: timers, the surface that draws the card
 * (entrypoints/content/cardFrame.ts, an extension frame), where a mention is on screen, the
 * underline of the active mention. Holds no state of the card's own but the machine's. Unit-tested
 * with fakes (cardController.test.ts).
 *
 * - The pointer lands on a mention: the card is requested at once, hidden, rendered in the
 *   extension's frame (not on the page's main thread); a pointer that moves on drops it.
 * - The delay ends: the card is revealed (a style change) once the frame has rendered it.
 * - Only trusted input acts: events a page script dispatches (`isTrusted === false`) are ignored.
 */
import { IDLE, step, type CardEffect, type CardEvent, type CardState } from './cardMachine';
import type { Timers } from './paintTimer';

export interface CardEntity {
  id: string;
  /** What to call it until the card's data is in (the mention's text). */
  label: string;
}

/** What draws the card. `A` says where (a mention's range and the pointer). */
export interface CardSurface<A> {
  /** Gets ready to draw a card soon (loads and connects its frame). */
  warm(): void;
  /**
   * Renders a card, hidden, and places it (hiding any card shown); says `rendered` when the frame
   * has. False when its mention is gone.
   */
  request(anchor: A, entity: CardEntity, options: { pinned: boolean; focus: boolean }): boolean;
  /** Shows the requested card (focusing it when asked to). */
  reveal(): void;
  /** Hides the card and forgets the request. */
  hide(): void;
  setPinned(pinned: boolean): void;
}

export interface CardControllerDeps<M, A> {
  surface: CardSurface<A>;
  /** Where mention `m` is now (with the pointer when `atPointer`); null when its text changed. */
  anchor(m: M, atPointer: boolean): A | null;
  entity(m: M): CardEntity;
  same(a: M, b: M): boolean;
  /** Marks the mention whose card is open (null: none). */
  setActive(m: M | null): void;
  openDelay(): number;
  closeDelay: number;
  /** The mention at the selection or caret (Alt+Shift+C). */
  atSelection(): M | null;
  timers?: Timers;
}

/** The part of a KeyboardEvent the controller reads. */
export interface KeyInput {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  isTrusted: boolean;
}

export class CardController<M, A> {
  private state: CardState<M> = IDLE;
  private readonly timers: Timers;
  private openTimer: unknown = null;
  private closeTimer: unknown = null;

  constructor(private readonly deps: CardControllerDeps<M, A>) {
    this.timers = deps.timers ?? defaultTimers;
  }

  get isOpen(): boolean {
    return this.state.s === 'open';
  }

  /** The machine's state (for tests and the side panel's questions). */
  get current(): CardState<M> {
    return this.state;
  }

  /** A trusted pointer rests on `m` (or on nothing of ours: null), for `restingMs`. */
  pointerOver(m: M | null, restingMs = 0): void {
    if (m === null) this.send({ t: 'leave' });
    else this.send({ t: 'rest', m, openInMs: Math.max(0, this.deps.openDelay() - Math.max(0, restingMs)) });
  }

  /** The pointer is on the card (its frame, or the host element). */
  pointerOverCard(): void {
    this.send({ t: 'overCard' });
  }

  /** The frame says the pointer entered or left the card. */
  framePointer(over: boolean): void {
    this.send(over ? { t: 'overCard' } : { t: 'leave' });
  }

  /** Pin button (in the card). */
  togglePin(): void {
    this.send({ t: 'togglePin' });
  }

  /** Close button, Esc inside the card, navigation. */
  dismiss(): void {
    this.send({ t: 'dismiss' });
  }

  /** The frame has rendered the current request. */
  rendered(): void {
    this.send({ t: 'rendered' });
  }

  /** The frame went away (the worker stopped, the frame was navigated). */
  frameGone(): void {
    this.send({ t: 'frameGone' });
  }

  /** Opens the card of the mention at the selection, pinned and focused. False when there is none. */
  openAtSelection(): boolean {
    const m = this.deps.atSelection();
    if (!m) return false;
    this.send({ t: 'openNow', m, focus: true });
    return this.isOpen;
  }

  /** A keydown on the page. Returns true when it was ours (the caller prevents its default). */
  keyDown(e: KeyInput): boolean {
    if (!e.isTrusted) return false;
    // Esc also cancels a card about to open; the page keeps its Esc.
    if (e.key === 'Escape') this.send({ t: 'dismiss' });
    else if (e.code === 'KeyC' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) return this.openAtSelection();
    return false;
  }

  private send(e: CardEvent<M>): void {
    const { state, effects } = step(this.state, e, this.deps.same);
    this.state = state;
    for (const effect of effects) this.run(effect);
  }

  private run(e: CardEffect<M>): void {
    const { surface } = this.deps;
    switch (e.do) {
      case 'request': {
        surface.warm();
        const anchor = this.deps.anchor(e.m, e.atPointer);
        // The text changed under the pointer: the rescan brings a fresh mention.
        if (!anchor || !surface.request(anchor, this.deps.entity(e.m), { pinned: e.pinned, focus: e.focus })) this.send({ t: 'mentionGone' });
        return;
      }
      case 'reveal':
        return surface.reveal();
      case 'hide':
        return surface.hide();
      case 'pinned':
        return surface.setPinned(e.pinned);
      case 'active':
        return this.deps.setActive(e.m);
      case 'openDelay': {
        this.clear('open');
        const fire = () => {
          this.openTimer = null;
          this.send({ t: 'delayEnd' });
        };
        this.openTimer = this.timers.setPainted ? this.timers.setPainted(fire, e.ms) : this.timers.set(fire, e.ms);
        return;
      }
      case 'closeDelay':
        this.clear('close');
        this.closeTimer = this.timers.set(() => {
          this.closeTimer = null;
          this.send({ t: 'closeDelayEnd' });
        }, this.deps.closeDelay);
        return;
      case 'stopOpenDelay':
        return this.clear('open');
      case 'stopCloseDelay':
        return this.clear('close');
    }
  }

  private clear(which: 'open' | 'close'): void {
    const h = which === 'open' ? this.openTimer : this.closeTimer;
    if (h !== null) this.timers.clear(h);
    if (which === 'open') this.openTimer = null;
    else this.closeTimer = null;
  }
}

const defaultTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
