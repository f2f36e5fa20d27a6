/**
 * Browser edge of the card channel (lib/messages/cardChannel.ts): a `MessagePort` the content
 * script and its card frame hold, handed to the frame once, checked by a token only the two know.
 * The worker is not on this path: it only answers the frame's lookups, and a worker that stops
 * takes nothing of the card with it.
 */
import { browser } from 'wxt/browser';
import { frameToHost, hostToFrame, newToken, pairing, parse, type CardLook, type FrameToHost, type HostToFrame } from '../lib/messages/cardChannel';

export interface Channel<Out> {
  send(message: Out): void;
  close(): void;
}

export interface HostEvents {
  /** Load the frame with this one-time token in its fragment; returns the frame's element. */
  token(token: string): HTMLIFrameElement;
  message(message: FrameToHost): void;
  /** The frame went away (it was navigated): start over. */
  gone(): void;
}

/**
 * The content script's end. The token is made here (128 random bits); once the frame has loaded,
 * it is posted to the frame with the port, the look of now (`look`: the settings the card is drawn
 * with) and the messages sent meanwhile, in one message, to the card page's origin only. A second
 * load (the frame navigated) ends the channel.
 */
export function connectCardHost(pageUrl: string, on: HostEvents, look: () => CardLook): Channel<HostToFrame> {
  const token = newToken((b) => crypto.getRandomValues(b));
  const iframe = on.token(token);
  const { port1, port2 } = new MessageChannel();
  let queued: HostToFrame[] | null = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    iframe.removeEventListener('load', loaded);
    port1.close();
  };
  const loaded = () => {
    if (queued === null) {
      close();
      on.gone();
      return;
    }
    iframe.contentWindow?.postMessage({ t: 'pair', token, look: look(), queued }, frameOrigin(pageUrl), [port2]);
    queued = null;
  };
  iframe.addEventListener('load', loaded);
  port1.onmessage = (e: MessageEvent) => {
    const m = parse(frameToHost, e.data);
    if (m) on.message(m);
  };
  return {
    send(msg) {
      if (closed) return;
      if (queued === null) port1.postMessage(msg);
      else if (msg.t === 'show') queued = [...queued.filter((q) => q.t !== 'show' && q.t !== 'focus'), msg]; // only the latest request matters
      else queued.push(msg);
    },
    close,
  };
}

/**
 * The card frame's end: waits for the pairing message carrying its own token (from its URL's
 * fragment, which the page cannot read), first use wins; every other message is dropped. Call it
 * before the page has loaded (main.tsx), so the pairing cannot arrive unheard. `onArrival` sees
 * each message as it arrives, before the page may have attached (main.tsx starts a card's lookup).
 */
export interface HostListener {
  /** Delivers the content script's messages (those that came first, then the rest) to `on`. */
  attach(on: (m: HostToFrame) => void): Channel<FrameToHost>;
  /** The look the pairing brought (main.tsx draws the first card with it). */
  readonly look: Promise<CardLook>;
}

export function listenForHost(token: string, onArrival?: (m: HostToFrame) => void): HostListener {
  let port: MessagePort | null = null;
  let early: HostToFrame[] = [];
  let deliver: ((m: HostToFrame) => void) | null = null;
  let paired!: (look: CardLook) => void;
  const look = new Promise<CardLook>((resolve) => (paired = resolve));
  const receive = (m: HostToFrame) => {
    onArrival?.(m);
    if (deliver) deliver(m);
    else early.push(m);
  };
  const onPair = (e: MessageEvent) => {
    const m = parse(pairing, e.data);
    if (port || !m || m.token !== token || e.ports.length !== 1) return;
    removeEventListener('message', onPair);
    port = e.ports[0]!;
    paired(m.look);
    for (const q of m.queued) receive(q);
    port.onmessage = (ev: MessageEvent) => {
      const msg = parse(hostToFrame, ev.data);
      if (msg) receive(msg);
    };
  };
  addEventListener('message', onPair);
  return {
    look,
    attach(on) {
      deliver = on;
      for (const m of early.splice(0)) on(m);
      early = [];
      return {
        send: (msg) => port?.postMessage(msg),
        close: () => port?.close(),
      };
    },
  };
}

/**
 * The origin of the card page's document, the only one the pairing is posted to. Chromium loads
 * it from a per-session random address (`use_dynamic_url`) but gives the document the extension's
 * own origin; Firefox's address is the document's origin.
 */
function frameOrigin(pageUrl: string): string {
  return pageUrl.startsWith('chrome-extension:') ? `chrome-extension://${browser.runtime.id}` : new URL(pageUrl).origin;
}

/** The card page's address (Chromium: a per-session random host, `use_dynamic_url`). */
export function cardPageUrl(): string {
  return browser.runtime.getURL('/card.html');
}
