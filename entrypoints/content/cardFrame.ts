/**
 * Where the card lives in the page: an `<iframe>` of the extension's own card page
 * (entrypoints/card/) inside a closed shadow root on a plain `<div>`. The card's text never enters
 * this document or this process: the frame fetches it itself, and this side only ever names an
 * entity, over a port the two hold (lib/messages/cardChannel.ts). The host element itself: frameHost.ts.
 *
 * One frame per page, made on the first hover and reused: it is loaded, hidden (opacity 0, no
 * pointer events, aria-hidden) while it is not shown, and a card is rendered and placed in it
 * during the hover delay, so that showing it is one compositor-only style change. The frame does
 * not depend on the worker; when it goes away (it was navigated), the host is removed and a new
 * frame made on the next hover.
 *
 * Placement: the frame's box is decided here from public facts alone (`cardSize` and `placeCard`,
 * lib/card/placement.ts: a fixed size, the viewport, the mention's line under the pointer), never
 * from the card's content, which scrolls inside it; a page that maps the box by hit-testing learns
 * nothing of the reader's documents. The card is shown once the frame says it has rendered the
 * request (as its loading state, before any data: that moment does not depend on the data either).
 * It follows scrolls and resizes. The mention and the viewport are read before the page is touched.
 */
import type { FrameToHost, HostToFrame } from '../../lib/messages/cardChannel';
import type { CardEntity, CardSurface } from '../../lib/card/cardController';
import { cardSize, placeCard, type Box } from '../../lib/card/placement';
import type { Channel, HostEvents } from '../../platform/cardChannel';
import { anchorDirection, createHost, HIDDEN_HOST_STYLE, HOST_STYLE, referenceBox, type CardAnchor } from './frameHost';

export type { CardAnchor };

export interface CardFrameDeps {
  /** Opens the channel to a new frame (platform/cardChannel.ts connectCardHost). */
  connect(on: HostEvents): Channel<HostToFrame>;
  /** The card page's URL. */
  pageUrl: string;
  onPin(): void;
  onClose(): void;
  onPointer(over: boolean): void;
  /** The frame has rendered the current request. */
  onRendered(): void;
  /** The frame went away while a card was requested (the worker stopped, the frame was navigated). */
  onGone(): void;
}

const sameBox = (a: Box, b: Box) => a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

/**
 * Carries out the card machine's effects (lib/card/cardMachine.ts) on the page: it holds the
 * frame and its channel, the current request (its anchor, its number) and where it was placed,
 * never whether the card is resting, open or pinned.
 */
export class CardFrame implements CardSurface<CardAnchor> {
  private host: HTMLDivElement | null = null;
  private iframe: HTMLIFrameElement | null = null;
  private channel: Channel<HostToFrame> | null = null;
  /** The current request's number: answers to older ones are stale. */
  private seq = 0;
  /** Where the current request's card goes; null when there is none. */
  private anchor: CardAnchor | null = null;
  private placedFor: { ref: Box; vw: number; vh: number } | null = null;
  private focusOnShow = false;
  private shown = false;
  private returnFocus: HTMLElement | null = null;
  private following: AbortController | null = null;
  private frame = 0;

  constructor(private readonly deps: CardFrameDeps) {}

  /** Events from inside a closed shadow root (and the frame in it) reach page listeners retargeted to the host. */
  isHost(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  warm(): void {
    if (this.channel) return;
    this.channel = this.deps.connect({
      token: (token) => this.makeFrame(token),
      message: (m) => this.onFrame(m),
      gone: () => this.teardown(),
    });
  }

  request(anchor: CardAnchor, entity: CardEntity, { pinned, focus }: { pinned: boolean; focus: boolean }): boolean {
    if (!referenceBox(anchor)) return false;
    this.conceal();
    this.warm();
    this.anchor = anchor;
    this.placedFor = null;
    this.focusOnShow = focus;
    const { width } = cardSize(document.documentElement.clientWidth);
    this.post({ t: 'show', seq: ++this.seq, entityId: entity.id, label: entity.label, width, pinned });
    this.place();
    return true;
  }

  reveal(): void {
    this.show();
  }

  setPinned(pinned: boolean): void {
    this.post({ t: 'pinned', pinned });
  }

  hide(): void {
    const hadFocus = this.host !== null && document.activeElement === this.host;
    this.anchor = null;
    this.seq++; // late answers are stale
    this.conceal();
    if (hadFocus) {
      if (this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
      else this.iframe?.blur();
    }
    this.returnFocus = null;
  }

  /** Removes the host (the extension is switched off on this site, or the page session ends). */
  dispose(): void {
    this.hide();
    this.channel?.close();
    this.teardown();
  }

  private post(m: HostToFrame): void {
    this.channel?.send(m);
  }

  private onFrame(m: FrameToHost): void {
    if (m.t === 'pin') this.deps.onPin();
    else if (m.t === 'close') this.deps.onClose();
    else if (m.t === 'pointer') this.deps.onPointer(m.over);
    else if (m.seq === this.seq && this.anchor) this.deps.onRendered();
  }

  private makeFrame(token: string): HTMLIFrameElement {
    this.teardownHost();
    const { host, iframe } = createHost(`${this.deps.pageUrl}#${token}`);
    this.host = host;
    this.iframe = iframe;
    this.place();
    return iframe;
  }

  private teardown(): void {
    this.channel = null;
    this.teardownHost();
    if (this.anchor) {
      this.anchor = null;
      this.deps.onGone();
    }
  }

  private teardownHost(): void {
    this.following?.abort();
    this.following = null;
    this.host?.remove();
    this.host = null;
    this.iframe = null;
    this.shown = false;
  }

  /** Shows the placed card: one style change of the host (`ref`: the mention's box, when just read). */
  private show(ref = this.anchor && referenceBox(this.anchor)): void {
    const { host, iframe } = this;
    if (!host || !iframe || !this.anchor) return;
    const root = document.documentElement;
    const p = this.placedFor;
    if (ref && (!p || !sameBox(p.ref, ref) || p.vw !== root.clientWidth || p.vh !== root.clientHeight)) this.place();
    if (!this.shown) {
      this.shown = true;
      host.setAttribute('style', HOST_STYLE);
      iframe.removeAttribute('aria-hidden');
      iframe.tabIndex = 0;
      this.follow();
    }
    if (this.focusOnShow) {
      this.focusOnShow = false;
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== host && active !== document.body ? active : null;
      iframe.focus({ preventScroll: true });
      this.post({ t: 'focus' });
    }
  }

  private conceal(): void {
    this.following?.abort();
    this.following = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    if (!this.host || !this.iframe) return;
    this.shown = false;
    this.host.setAttribute('style', HIDDEN_HOST_STYLE);
    this.iframe.setAttribute('aria-hidden', 'true');
    this.iframe.tabIndex = -1;
  }

  private place(): void {
    const { host, iframe, anchor } = this;
    if (!host || !iframe || !anchor) return;
    const ref = referenceBox(anchor);
    if (!ref) return;
    const root = document.documentElement;
    const vw = root.clientWidth;
    const vh = root.clientHeight;
    // Where the host's fixed-position origin really is (not the viewport's corner when the page
    // transforms <html>): read with the page's measures, before the frame is moved.
    const origin = host.getBoundingClientRect();
    const size = cardSize(vw);
    const { x, y, maxHeight } = placeCard(ref, size.width, size.height, vw, vh, anchorDirection(anchor));
    const s = iframe.style;
    s.left = `${x - origin.left}px`;
    s.top = `${y - origin.top}px`;
    s.width = `${size.width}px`;
    s.height = `${Math.min(size.height, maxHeight)}px`;
    this.placedFor = { ref, vw, vh };
  }

  private follow(): void {
    if (this.following) return;
    const following = new AbortController();
    this.following = following;
    const again = () => {
      if (this.frame) return;
      this.frame = requestAnimationFrame(() => {
        this.frame = 0;
        if (this.shown) this.place();
      });
    };
    const opts = { capture: true, passive: true, signal: following.signal };
    document.addEventListener('scroll', again, opts);
    window.addEventListener('resize', again, opts);
  }
}
