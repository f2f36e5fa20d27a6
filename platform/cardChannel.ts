/**
 * Browser edge of the card channel (lib/messages/cardChannel.ts): the content script's port and
 * the card frame's port to the background's broker, each message checked on arrival.
 */
import { browser, type Browser } from 'wxt/browser';
import {
  FRAME_PORT,
  frameDown,
  HOST_PORT,
  hostDown,
  parse,
  type FrameToHost,
  type HostToFrame,
} from '../lib/messages/cardChannel';

type Port = Browser.runtime.Port;

export interface Channel<Out> {
  send(message: Out): void;
  close(): void;
}

function open(name: string, onMessage: (raw: unknown) => void, onGone: () => void): { port: Port; closed: () => boolean; close(): void } {
  const port = browser.runtime.connect({ name });
  let closed = false;
  port.onMessage.addListener(onMessage);
  port.onDisconnect.addListener(() => {
    if (closed) return;
    closed = true;
    onGone();
  });
  return {
    port,
    closed: () => closed,
    close() {
      if (closed) return;
      closed = true;
      port.disconnect();
    },
  };
}

export interface HostEvents {
  /** The broker's one-time token: load the frame with it. */
  token(token: string): void;
  /** The frame presented the token: messages now reach it. */
  paired(): void;
  message(message: FrameToHost): void;
  /** The frame or the broker went away (the worker stopped, the frame navigated): start over. */
  gone(): void;
}

/** The content script's end. */
export function connectCardHost(on: HostEvents): Channel<HostToFrame> {
  const c = open(
    HOST_PORT,
    (raw) => {
      const m = parse(hostDown, raw);
      if (!m) return;
      if (m.t === 'token') on.token(m.token);
      else if (m.t === 'paired') on.paired();
      else if (m.t === 'unpaired') {
        c.close();
        on.gone();
      } else on.message(m.msg);
    },
    () => on.gone(),
  );
  return {
    send(msg) {
      if (!c.closed()) c.port.postMessage({ t: 'send', msg });
    },
    close: c.close,
  };
}

export interface FrameEvents {
  paired(where: { tabId: number; windowId?: number }): void;
  message(message: HostToFrame): void;
  gone(): void;
}

/** The card frame's end: presents its token at once. */
export function connectCardFrame(token: string, on: FrameEvents): Channel<FrameToHost> {
  const c = open(
    FRAME_PORT,
    (raw) => {
      const m = parse(frameDown, raw);
      if (!m) return;
      if (m.t === 'paired') on.paired({ tabId: m.tabId, windowId: m.windowId });
      else on.message(m.msg);
    },
    () => on.gone(),
  );
  c.port.postMessage({ t: 'hello', token });
  return {
    send(msg) {
      if (!c.closed()) c.port.postMessage({ t: 'send', msg });
    },
    close: c.close,
  };
}

/** The card page's address (Chromium: a per-session random host, `use_dynamic_url`). */
export function cardPageUrl(): string {
  return browser.runtime.getURL('/card.html');
}
