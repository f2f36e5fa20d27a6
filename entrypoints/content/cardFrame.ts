/**
 * Where the card lives in the page: an `<iframe>` of the extension's own card page
 * (entrypoints/card/) inside a closed shadow root on a plain `<div>`. The card's text never enters
 * this document or this process: the frame fetches it itself, and this side only ever names an
 * entity (lib/messages/cardChannel.ts). The host element itself: frameHost.ts.
 *
 * One frame per page, made on the first hover and reused: it is loaded, hidden (opacity 0, no
 * pointer events, aria-hidden) while it is not shown, and a card is rendered and placed in it
 * during the hover delay, so that showing it is one compositor-only style change. When the frame
 * or the broker goes away (the worker stopped, the frame was navigated), the host is removed and
 * a new frame made on the next hover.
 *
 * Placement: the frame reports the card's natural size; `placeCard` (lib/card/placement.ts) puts
 * it next to the mention's line under the pointer, inside the viewport; it follows scrolls and
 * resizes. The mention and the viewport are read before the page is touched.
 */
import type { FrameToHost, HostToFrame } from '../../lib/messages/cardChannel';
import type { CardEntity, CardSurface } from '../../lib/card/cardController';
import { MAX_HEIGHT, placeCard, type Box } from '../../lib/card/placement';
import type { Channel, HostEvents } from '../../platform/cardChannel';
import { anchorDirection, createHost, HIDDEN_HOST_STYLE, HOST_STYLE, referenceBox, type CardAnchor } from './frameHost';

export type { CardAnchor };

const CARD_WIDTH = 400;
const EDGE = 8;

export interface CardFrameDeps {
  /** Opens the channel to the broker (platform/cardChannel.ts connectCardHost). */
  connect(on: HostEvents): Channel<HostToFrame>;
  /** The card page's URL. */
  pageUrl: string;
  onPin(): void;
  onClose(): void;
  onPointer(over: boolean): void;
}

type State = 'closed' | 'prepared' | 'open';
interface Size {
  seq: number;
  status: 'loading' | 'ready' | 'error';
  width: number;
  height: number;
}

const sameBox = (a: Box, b: Box) => a.left === b.left && a.top === b.top && a.right === b.right && a.bottom === b.bottom;

export class CardFrame implements CardSurface<CardAnchor> {
  private host: HTMLDivElement | null = null;
  private iframe: HTMLIFrameElement | null = null;
  private channel: Channel<HostToFrame> | null = null;
  private paired = false;
  private outbox: HostToFrame[] = [];
  private state: State = 'closed';
  private seq = 0;
  private size: Size | null = null;
  private anchor: CardAnchor | null = null;
  private placedFor: { ref: Box; vw: number; vh: number } | null = null;
  private focusOnShow = false;
  private shown = false;
  private returnFocus: HTMLElement | null = null;
  private following: AbortController | null = null;
  private frame = 0;

  constructor(private readonly deps: CardFrameDeps) {}

  get isOpen(): boolean {
    return this.state === 'open';
  }

  /** Events from inside a closed shadow root (and the frame in it) reach page listeners retargeted to the host. */
  isHost(target: EventTarget | null): boolean {
    return target !== null && target === this.host;
  }

  warm(): void {
    if (this.channel) return;
    this.paired = false;
    this.channel = this.deps.connect({
      token: (token) => this.makeFrame(token),
      paired: () => {
        this.paired = true;
        for (const m of this.outbox.splice(0)) this.channel?.send(m);
      },
      message: (m) => this.onFrame(m),
      gone: () => this.teardown(),
    });
  }

  prepare(anchor: CardAnchor, entity: CardEntity): boolean {
    if (this.state === 'open') return false;
    return this.request(anchor, entity, 'prepared', false);
  }

  reveal(): boolean {
    if (this.state !== 'prepared' || !this.anchor) return false;
    const ref = referenceBox(this.anchor);
    if (!ref) return false;
    this.state = 'open';
    if (this.size) this.show(ref);
    return true;
  }

  open(anchor: CardAnchor, entity: CardEntity, options: { pinned: boolean; focus: boolean }): boolean {
    this.hide();
    return this.request(anchor, entity, 'open', options.pinned, options.focus);
  }

  setPinned(pinned: boolean): void {
    this.post({ t: 'pinned', pinned });
  }

  discard(): void {
    if (this.state === 'prepared') this.close();
  }

  close(): void {
    const hadFocus = this.host !== null && document.activeElement === this.host;
    this.state = 'closed';
    this.anchor = null;
    this.size = null;
    this.seq++; // late sizes are stale
    this.hide();
    if (hadFocus) {
      if (this.returnFocus?.isConnected) this.returnFocus.focus({ preventScroll: true });
      else this.iframe?.blur();
    }
    this.returnFocus = null;
  }

  /** Removes the host (the extension is switched off on this site, or the page session ends). */
  dispose(): void {
    this.close();
    this.channel?.close();
    this.teardown();
  }

  private request(anchor: CardAnchor, entity: CardEntity, state: 'prepared' | 'open', pinned: boolean, focus = false): boolean {
    if (!referenceBox(anchor)) return false;
    this.warm();
    this.state = state;
    this.anchor = anchor;
    this.size = null;
    this.placedFor = null;
    this.focusOnShow = focus;
    const width = Math.min(CARD_WIDTH, document.documentElement.clientWidth - 2 * EDGE);
    this.post({ t: 'show', seq: ++this.seq, entityId: entity.id, label: entity.label, width, pinned });
    return true;
  }

  private post(m: HostToFrame): void {
    if (this.paired) this.channel?.send(m);
    else if (m.t === 'show') this.outbox = [m]; // only the latest request matters
    else this.outbox.push(m);
  }

  private onFrame(m: FrameToHost): void {
    if (m.t === 'pin') this.deps.onPin();
    else if (m.t === 'close') this.deps.onClose();
    else if (m.t === 'pointer') this.deps.onPointer(m.over);
    else if (m.seq === this.seq && this.state !== 'closed') {
      const grew = this.size !== null && (this.size.height !== m.height || this.size.width !== m.width);
      this.size = m;
      if (!this.placedFor || grew) this.place();
      if (this.state === 'open') this.show();
    }
  }

  private makeFrame(token: string): void {
    this.teardownHost();
    ({ host: this.host, iframe: this.iframe } = createHost(`${this.deps.pageUrl}#${token}`));
  }

  private teardown(): void {
    this.channel = null;
    this.paired = false;
    this.outbox = [];
    const wasOpen = this.state !== 'closed';
    this.teardownHost();
    if (wasOpen) {
      this.state = 'closed';
      this.deps.onClose();
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

  private hide(): void {
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
    const { host, iframe, size, anchor } = this;
    if (!host || !iframe || !size || !anchor) return;
    const ref = referenceBox(anchor);
    if (!ref) return;
    const root = document.documentElement;
    const vw = root.clientWidth;
    const vh = root.clientHeight;
    // Where the host's fixed-position origin really is (not the viewport's corner when the page
    // transforms <html>): read with the page's measures, before the frame is moved.
    const origin = host.getBoundingClientRect();
    const h = Math.min(size.height, MAX_HEIGHT);
    const { x, y, maxHeight } = placeCard(ref, size.width, h, vw, vh, anchorDirection(anchor));
    const s = iframe.style;
    s.left = `${x - origin.left}px`;
    s.top = `${y - origin.top}px`;
    s.width = `${size.width}px`;
    s.height = `${Math.min(h, maxHeight)}px`;
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
        if (this.state === 'open') this.place();
      });
    };
    const opts = { capture: true, passive: true, signal: following.signal };
    document.addEventListener('scroll', again, opts);
    window.addEventListener('resize', again, opts);
  }
}
