/**
 * Where the card lives in the page: an `<iframe>` of the extension's own card page
 * (entrypoints/card/) inside a closed shadow root on a plain `<div>`. The card's text never enters
 * this document or this process: the frame fetches it itself, and this side only ever names an
 * entity (lib/messages/cardChannel.ts). A built-in element, because a page can pre-define any
 * custom-element name and take its shadow root through `attachInternals`; the host resets every
 * property, !important, inline, so page CSS cannot move, hide or restyle it.
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

const CARD_WIDTH = 400;
const EDGE = 8;

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
  // Its own layer: the hidden card is painted before it is shown.
  'will-change: opacity',
  'transform: none',
  'filter: none',
  'contain: none',
  'pointer-events: auto',
  'z-index: 2147483647',
]
  .map((d) => `${d} !important`)
  .join(';');
const HIDDEN_HOST_STYLE = HOST_STYLE.replace('opacity: 1', 'opacity: 0').replace('pointer-events: auto', 'pointer-events: none');

const SHADOW_CSS = `
iframe {
  position: fixed; top: 0; left: 0; width: 0; height: 0;
  margin: 0; padding: 0; border: 0; display: block; background: transparent;
  color-scheme: light dark; border-radius: 10px; overflow: hidden;
  box-shadow: 0 12px 32px rgb(20 16 8 / 0.18), 0 2px 6px rgb(20 16 8 / 0.1);
}`;

export interface CardAnchor {
  range: Range;
  /** The pointer, to pick the line of a mention that wraps. */
  point?: { x: number; y: number };
}

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
    if (!this.referenceBox(this.anchor)) return false;
    this.state = 'open';
    if (this.size) this.show();
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
    if (!this.referenceBox(anchor)) return false;
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
    else if (m.t !== 'visible') this.outbox.push(m);
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
    const host = document.createElement('div');
    host.setAttribute('style', HIDDEN_HOST_STYLE);
    const root = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = SHADOW_CSS;
    const iframe = document.createElement('iframe');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'Counterpoint card';
    iframe.src = `${this.deps.pageUrl}#${token}`;
    root.append(style, iframe);
    document.documentElement.appendChild(host);
    this.host = host;
    this.iframe = iframe;
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

  private show(): void {
    const { host, iframe } = this;
    if (!host || !iframe || !this.anchor) return;
    const ref = this.referenceBox(this.anchor);
    const root = document.documentElement;
    const p = this.placedFor;
    if (ref && (!p || !sameBox(p.ref, ref) || p.vw !== root.clientWidth || p.vh !== root.clientHeight)) this.place();
    if (!this.shown) {
      this.shown = true;
      host.setAttribute('style', HOST_STYLE);
      iframe.removeAttribute('aria-hidden');
      iframe.tabIndex = 0;
      this.post({ t: 'visible', visible: true });
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
    if (this.shown) this.post({ t: 'visible', visible: false });
    this.shown = false;
    this.host.setAttribute('style', HIDDEN_HOST_STYLE);
    this.iframe.setAttribute('aria-hidden', 'true');
    this.iframe.tabIndex = -1;
  }

  /** The line box of the mention: with the pointer, the line it is on, else the first. Null when the text is gone. */
  private referenceBox(anchor: CardAnchor): Box | null {
    const { range, point } = anchor;
    if (!range.startContainer.isConnected) return null;
    const lines = range.getClientRects();
    let box: Box | undefined = lines[0];
    if (point) for (const r of lines) if (point.y >= r.top && point.y <= r.bottom) box = r;
    if (!box) return null;
    return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
  }

  private place(): void {
    const { host, iframe, size, anchor } = this;
    if (!host || !iframe || !size || !anchor) return;
    const ref = this.referenceBox(anchor);
    if (!ref) return;
    const root = document.documentElement;
    const vw = root.clientWidth;
    const vh = root.clientHeight;
    // Where the host's fixed-position origin really is (not the viewport's corner when the page
    // transforms <html>): read with the page's measures, before the frame is moved.
    const origin = host.getBoundingClientRect();
    const h = Math.min(size.height, MAX_HEIGHT);
    const { x, y, maxHeight } = placeCard(ref, size.width, h, vw, vh);
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
