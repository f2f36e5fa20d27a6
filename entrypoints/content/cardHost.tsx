/**
 * Where the card lives in the page: one custom element, attached only while a card is open or
 * being prepared, with a closed shadow root holding the card's styles and the Preact tree. Page
 * scripts cannot reach into it and page CSS cannot style it (the host resets every property,
 * !important, inline).
 *
 * Preparing: while the hover delay runs (the card's data was fetched when the pointer landed),
 * the card is rendered, placed and painted with the host transparent (opacity: 0 on a layer of
 * its own, pointer-events: none, and aria-hidden inside), so that opening it is one
 * compositor-only style change: no layout, no paint. A hover that ends before the delay
 * discards it, host and all.
 *
 * Placement (`placeCard`): below the mention (the line under the pointer), flipped above when
 * there is more room there, aligned to the mention's end or shifted sideways to stay on screen,
 * height capped to the room available; following scrolls and resizes. Measured with one layout
 * of the card: the mention and the viewport are read before the card is touched.
 */
import { render } from 'preact';
import { Card, type CardContent } from '../../components/Card';
import cardCss from '../../components/card.css?inline';
import { MAX_HEIGHT, placeCard, type Box } from '../../lib/card/placement';

const HOST_TAG = 'counterpoint-card';

const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'display: block',
  'visibility: visible',
  'opacity: 1',
  // Its own layer: the prepared (transparent) card is painted before it is shown.
  'will-change: opacity',
  'transform: none',
  'filter: none',
  'contain: none',
  'pointer-events: auto',
  'z-index: 2147483647',
]
  .map((d) => `${d} !important`)
  .join(';');
/** The same, prepared: transparent and not hit by the pointer. */
const HIDDEN_HOST_STYLE = HOST_STYLE.replace('opacity: 1', 'opacity: 0').replace('pointer-events: auto', 'pointer-events: none');

export interface CardAnchor {
  range: Range;
  /** The pointer, to pick the line of a mention that wraps. */
  point?: { x: number; y: number };
}

export interface CardHandlers {
  onPin(): void;
  onClose(): void;
  onCompare(entityId: string): void;
  onSearch(query: string): void;
}

const sameBox = (a: Box, b: Box) => a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

type State = 'closed' | 'prepared' | 'open';

export class CardHost {
  private host: HTMLElement | null = null;
  private mount: HTMLElement | null = null;
  private state: State = 'closed';
  private anchor: CardAnchor | null = null;
  /** What the last placement was computed from: the mention's line box and the viewport. */
  private placedFor: { ref: Box; vw: number; vh: number } | null = null;
  private following: AbortController | null = null;
  private frame = 0;
  private content: CardContent = { status: 'loading', label: '' };
  private pinned = false;
  private returnFocus: HTMLElement | null = null;
  private readonly headingId = `counterpoint-name-${Math.random().toString(36).slice(2, 8)}`;

  constructor(private readonly handlers: CardHandlers) {}

  get isOpen(): boolean {
    return this.state === 'open' && this.host?.isConnected === true;
  }

  /** Events from inside a closed shadow root reach page-level listeners retargeted to the host. */
  isHost(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  /**
   * Renders, places and paints a card, transparent, ready for `reveal()`. Never replaces an open card.
   * Returns false when there is nothing to place (the mention's text changed).
   */
  prepare(anchor: CardAnchor, content: CardContent): boolean {
    if (this.isOpen) return false;
    this.content = content;
    this.pinned = false;
    return this.show(anchor, 'prepared');
  }

  /** Shows the prepared card: a style change, unless the mention moved since (then placed again). */
  reveal(): boolean {
    if (this.state !== 'prepared' || !this.host?.isConnected || !this.anchor) return false;
    const ref = this.referenceBox(this.anchor);
    const root = document.documentElement;
    const p = this.placedFor;
    if (!ref) return false;
    if (!p || !sameBox(p.ref, ref) || p.vw !== root.clientWidth || p.vh !== root.clientHeight) this.place();
    this.state = 'open';
    this.host.setAttribute('style', hostStyle(true));
    this.mount?.removeAttribute('aria-hidden');
    this.follow();
    return true;
  }

  /** Drops a prepared card that will not be shown (the hover ended before the delay). */
  discard(): void {
    if (this.state === 'prepared') this.close();
  }

  open(anchor: CardAnchor, content: CardContent, options: { focus: boolean; pinned: boolean }): void {
    this.content = content;
    this.pinned = options.pinned;
    if (!this.show(anchor, 'open')) return;
    this.follow();
    if (options.focus) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== this.host ? active : null;
      this.cardElement()?.focus({ preventScroll: true });
    }
  }

  update(content: CardContent): void {
    this.content = content;
    if (!this.isOpen) return;
    this.paint();
    this.place(); // a loaded card is taller than its loading state
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    if (this.isOpen) this.paint();
  }

  close(): void {
    this.following?.abort();
    this.following = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.state = 'closed';
    this.anchor = null;
    this.placedFor = null;
    const host = this.host;
    if (!host?.isConnected) return;
    const hadFocus = document.activeElement === host;
    if (this.mount) render(null, this.mount);
    host.remove();
    if (hadFocus && this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
    this.returnFocus = null;
  }

  /** Renders the card into the host (transparent while only prepared) and places it. */
  private show(anchor: CardAnchor, state: 'prepared' | 'open'): boolean {
    // Read the page before touching it: its layout is still clean, so this costs no layout.
    const ref = this.referenceBox(anchor);
    if (!ref) return false;
    const root = document.documentElement;
    const vw = root.clientWidth;
    const vh = root.clientHeight;
    this.following?.abort();
    this.following = null;
    const host = this.ensureHost();
    host.setAttribute('style', hostStyle(state === 'open'));
    if (state === 'open') this.mount!.removeAttribute('aria-hidden');
    else this.mount!.setAttribute('aria-hidden', 'true');
    if (!host.isConnected) root.appendChild(host);
    this.state = state;
    this.anchor = anchor;
    this.paint();
    this.place(ref, vw, vh);
    return true;
  }

  private ensureHost(): HTMLElement {
    if (this.host) return this.host;
    const host = document.createElement(HOST_TAG);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = cardCss;
    const mount = document.createElement('div');
    root.append(style, mount);
    this.host = host;
    this.mount = mount;
    return host;
  }

  private cardElement(): HTMLElement | null {
    return (this.mount?.firstElementChild as HTMLElement | null) ?? null;
  }

  private paint(): void {
    if (!this.mount) return;
    render(
      <Card
        content={this.content}
        pinned={this.pinned}
        headingId={this.headingId}
        onPin={this.handlers.onPin}
        onClose={this.handlers.onClose}
        onCompare={this.handlers.onCompare}
        onSearch={this.handlers.onSearch}
      />,
      this.mount,
    );
  }

  /**
   * The line box of the mention to anchor to: with the pointer, the line it is on (a mention
   * that wraps has one rect per line), else the first. Null when the text is gone.
   */
  private referenceBox(anchor: CardAnchor): Box | null {
    const { range, point } = anchor;
    if (!range.startContainer.isConnected) return null;
    const lines = range.getClientRects();
    let box: Box | undefined = lines[0];
    if (point) for (const r of lines) if (point.y >= r.top && point.y <= r.bottom) box = r;
    if (!box) return null;
    return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  }

  /** Places the card: the page's measures given (read before the card changed) or read now. */
  private place(ref?: Box, vw?: number, vh?: number): void {
    const card = this.cardElement();
    const host = this.host;
    if (!card || !host || !this.anchor) return;
    if (!ref) {
      const box = this.referenceBox(this.anchor);
      if (!box) return;
      ref = box;
      vw = document.documentElement.clientWidth;
      vh = document.documentElement.clientHeight;
    }
    card.style.maxHeight = `${MAX_HEIGHT}px`;
    // The one layout: the card's natural size, and where its fixed-position origin really is
    // (not the viewport's corner when the page transforms <html>).
    const size = card.getBoundingClientRect();
    const origin = host.getBoundingClientRect();
    const { x, y, maxHeight } = placeCard(ref, size.width, size.height, vw!, vh!);
    card.style.maxHeight = `${maxHeight}px`;
    card.style.left = `${x - origin.left}px`;
    card.style.top = `${y - origin.top}px`;
    this.placedFor = { ref, vw: vw!, vh: vh! };
  }

  /** Keeps an open card next to its mention while the page scrolls or the window resizes. */
  private follow(): void {
    if (this.following) return;
    const following = new AbortController();
    this.following = following;
    const again = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.state === 'open') this.place();
      });
    };
    const opts = { capture: true, passive: true, signal: following.signal };
    document.addEventListener('scroll', again, opts);
    window.addEventListener('resize', again, opts);
  }
}

function hostStyle(visible: boolean): string {
  return visible ? HOST_STYLE : HIDDEN_HOST_STYLE;
}
