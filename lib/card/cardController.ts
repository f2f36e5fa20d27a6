/**
 * The hover card's controller: when a card is prepared, shown, pinned, closed or focused, from
 * pointer rests (HoverIntent), keys and the card's own buttons. Pure logic with everything
 * injected: the surface that draws the card (entrypoints/content/cardFrame.ts, an extension frame),
 * where a mention is on screen, the underline of the active mention, timers. Unit-tested with fakes
 * (cardController.test.ts).
 *
 * - The pointer lands on a mention: the surface is warmed (its frame made and connected) and the
 *   card prepared at once, hidden. The card is rendered in the extension's frame, not on the page's
 *   main thread, so preparing early costs the page only the placing; a pointer that moves on
 *   discards it.
 * - The delay ends: the prepared card is revealed (a style change); one that could not be prepared
 *   is opened afresh.
 * - Only trusted input acts: events a page script dispatches (`isTrusted === false`) are ignored.
 */
import { HoverIntent, type Timers } from './hoverIntent';

export interface CardEntity {
  id: string;
  /** What to call it until the card's data is in (the mention's text). */
  label: string;
}

/** What draws the card. `A` says where (a mention's range and the pointer). */
export interface CardSurface<A> {
  readonly isOpen: boolean;
  /** Gets ready to draw a card soon (loads and connects its frame). */
  warm(): void;
  /** Renders and places a card, hidden. False when its mention is gone. */
  prepare(anchor: A, entity: CardEntity): boolean;
  /** Shows the prepared card. False when there is none, or its mention is gone. */
  reveal(): boolean;
  /** Shows a card (as soon as it is rendered). False when its mention is gone. */
  open(anchor: A, entity: CardEntity, options: { pinned: boolean; focus: boolean }): boolean;
  setPinned(pinned: boolean): void;
  /** Drops a prepared card that will not be shown. */
  discard(): void;
  close(): void;
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
  readonly intent: HoverIntent<M>;
  private pending: M | null = null;
  private prepared: M | null = null;
  private focusNext = false;

  constructor(private readonly deps: CardControllerDeps<M, A>) {
    this.intent = new HoverIntent<M>({
      openDelay: deps.openDelay,
      closeDelay: deps.closeDelay,
      same: deps.same,
      timers: deps.timers,
      prefetch: (m) => this.prepare(m),
      cancel: (m) => {
        if (this.pending === m) this.pending = null;
        if (this.prepared === m) {
          this.prepared = null;
          deps.surface.discard();
        }
      },
      open: (m, { sticky }) => this.show(m, sticky),
      close: () => {
        deps.surface.close();
        deps.setActive(null);
      },
    });
  }

  get isOpen(): boolean {
    return this.intent.open !== null;
  }

  /** A trusted pointer rests on `m` (or on nothing of ours: null), for `restingMs`. */
  pointerOver(m: M | null, restingMs = 0): void {
    this.intent.pointerOver(m, restingMs);
  }

  /** The pointer is on the card (its frame, or the host element). */
  pointerOverCard(): void {
    this.intent.pointerOverCard();
  }

  /** The frame says the pointer entered or left the card. */
  framePointer(over: boolean): void {
    if (over) this.intent.pointerOverCard();
    else this.intent.pointerOver(null);
  }

  /** Pin button (in the card). */
  togglePin(): void {
    if (this.intent.sticky) this.intent.unpin();
    else this.intent.pin();
    this.deps.surface.setPinned(this.intent.sticky);
  }

  /** Close button, Esc inside the card, or the card went away. */
  dismiss(): void {
    this.intent.dismiss();
  }

  /** Opens the card of the mention at the selection, pinned and focused. False when there is none. */
  openAtSelection(): boolean {
    const m = this.deps.atSelection();
    if (!m) return false;
    this.focusNext = true;
    this.intent.openNow(m);
    this.focusNext = false;
    return true;
  }

  /** A keydown on the page. Returns true when it was ours (the caller prevents its default). */
  keyDown(e: KeyInput): boolean {
    if (!e.isTrusted) return false;
    if (e.key === 'Escape') {
      // Esc also cancels a card about to open; the page keeps its Esc.
      if (this.isOpen || this.pending !== null) this.intent.dismiss();
      return false;
    }
    if (e.code === 'KeyC' && e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey) return this.openAtSelection();
    return false;
  }

  private prepare(m: M): void {
    this.pending = m;
    const { surface } = this.deps;
    surface.warm();
    if (surface.isOpen) return; // an open card is never replaced by a hidden one
    const anchor = this.deps.anchor(m, true);
    if (anchor && surface.prepare(anchor, this.deps.entity(m))) this.prepared = m;
  }

  private show(m: M, sticky: boolean): void {
    const { surface } = this.deps;
    const wasPrepared = this.prepared === m;
    this.pending = this.prepared = null;
    if (wasPrepared && !sticky && surface.reveal()) {
      this.deps.setActive(m);
      return;
    }
    const anchor = this.deps.anchor(m, !sticky);
    // The text changed under the pointer: the rescan brings a fresh mention.
    if (!anchor || !surface.open(anchor, this.deps.entity(m), { pinned: sticky, focus: sticky && this.focusNext })) {
      this.intent.dismiss();
      return;
    }
    this.deps.setActive(m);
  }
}
