/**
 * Which mention is under the pointer: pointer moves are coalesced to one hit test per animation
 * frame, which asks the browser for the caret position under the pointer (caretPositionFromPoint)
 * and looks it up among the stored mentions of that text node, then confirms with the mention's
 * own client rects (a caret position is also returned for points beside the text). Nothing is
 * done while the page has no mention and no card is open.
 *
 * Only the user's own pointer counts: events a page script dispatches (`isTrusted === false`) are
 * ignored, so a page cannot open a card by itself. Moves inside the card's frame never reach the
 * page: the frame reports them (CardController.framePointer).
 */
import { liveRange, type MentionRecord, type MentionStore } from './mentions';
import type { Scope } from './scope';

/** What hover tracking drives (lib/card/cardController.ts). */
export interface HoverTarget {
  readonly isOpen: boolean;
  pointerOver(target: MentionRecord | null, restingMs?: number): void;
  pointerOverCard(): void;
}

export interface HoverDeps {
  store: MentionStore;
  card: HoverTarget;
  /** Is this event target the card (its host element, as events from a closed shadow root are retargeted)? */
  isCard(target: EventTarget | null): boolean;
}

interface Caret {
  node: Node;
  offset: number;
}

type CaretDocument = Document & {
  caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?(x: number, y: number): Range | null;
};

function caretAt(x: number, y: number): Caret | null {
  const doc = document as CaretDocument;
  if (doc.caretPositionFromPoint) {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  const r = doc.caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

/** Does the mention's text lie under (x, y)? */
function mentionContainsPoint(r: MentionRecord, x: number, y: number): boolean {
  let rects: DOMRectList;
  try {
    rects = liveRange(r).getClientRects();
  } catch {
    return false; // offsets no longer valid: the text changed and a rescan is queued
  }
  for (const rect of rects) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/** The mention under (x, y), if any. */
function mentionAt(store: MentionStore, x: number, y: number): MentionRecord | null {
  const caret = caretAt(x, y);
  if (caret && caret.node.nodeType === Node.TEXT_NODE) {
    for (const r of store.inNode(caret.node as Text)) {
      const { startContainer, startOffset, endContainer, endOffset } = r.range;
      if (caret.node === startContainer && caret.offset < startOffset) continue;
      if (caret.node === endContainer && caret.offset > endOffset) continue;
      if (mentionContainsPoint(r, x, y)) return r;
    }
    return null;
  }
  // No caret in text (e.g. user-select: none): look at the text nodes of the element under the pointer.
  const el = document.elementFromPoint(x, y);
  if (!el) return null;
  let n = el.firstChild;
  for (let i = 0; n && i < 64; n = n.nextSibling, i++) {
    if (n.nodeType !== Node.TEXT_NODE) continue;
    for (const r of store.inNode(n as Text)) if (mentionContainsPoint(r, x, y)) return r;
  }
  return null;
}

export function trackHover(scope: Scope, deps: HoverDeps): { point(): { x: number; y: number } | undefined } {
  const { store, card, isCard } = deps;
  let x = -1;
  let y = -1;
  let onCard = false;
  let frame = 0;
  /** When what is under the pointer last changed (a move or a scroll), on performance.now()'s clock. */
  let since = 0;

  const test = () => {
    frame = 0;
    if (onCard) card.pointerOverCard();
    else if (x >= 0) card.pointerOver(mentionAt(store, x, y), performance.now() - since);
  };
  const schedule = () => {
    if (frame || (store.size === 0 && !card.isOpen)) return;
    frame = scope.frame(test);
  };

  const onMove = (e: PointerEvent) => {
    if (!e.isTrusted || e.pointerType === 'touch') return;
    x = e.clientX;
    y = e.clientY;
    since = e.timeStamp;
    onCard = isCard(e.target);
    schedule();
  };
  const opts = { capture: true, passive: true } as const;
  scope.listen(window, 'pointermove', onMove, opts);
  // The page scrolled under a resting pointer: what is under it changed.
  scope.listen(window, 'scroll', (e: Event) => {
    if (!e.isTrusted) return;
    since = e.timeStamp;
    schedule();
  }, opts);
  // The pointer went into the card's frame (its events now go to the frame), or left the window.
  scope.listen(document, 'pointerover', (e: PointerEvent) => {
    if (e.isTrusted && isCard(e.target)) {
      onCard = true;
      card.pointerOverCard();
    }
  }, opts);
  scope.listen(document, 'pointerout', (e: PointerEvent) => {
    if (!e.isTrusted || e.relatedTarget !== null || e.pointerType === 'touch' || isCard(e.target)) return;
    x = -1;
    onCard = false;
    card.pointerOver(null);
  }, opts);
  return { point: () => (x >= 0 ? { x, y } : undefined) };
}
