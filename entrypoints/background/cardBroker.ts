/**
 * The card broker: pairs each content script with its card frame and relays their messages
 * (protocol and handshake: lib/messages/cardChannel.ts). A pairing needs
 *   - a host port from our own content script, in a tab;
 *   - a frame port from our own card page (an extension URL ending in /card.html), in the SAME tab;
 *   - the token the broker gave that host, presented by the frame; first use wins, a token is
 *     never reused, and a wrong or late token closes the frame's port.
 * When either side goes, so does the pairing: the content script is told (`unpaired`) and makes a
 * new frame with a new token when it next needs one. The broker keeps no state beyond its ports:
 * when the worker stops, every port closes and both sides start over.
 */
import {
  FRAME_PORT,
  frameUp,
  HOST_PORT,
  hostUp,
  newToken,
  parse,
  type FrameDown,
  type HostDown,
} from '../../lib/messages/cardChannel';

/** The part of runtime.Port the broker uses. */
export interface BrokerPort {
  name: string;
  sender?: { id?: string; url?: string; tab?: { id?: number; windowId?: number } };
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(fn: (message: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface BrokerOptions {
  extensionId: string;
  /** Fills the array with cryptographically random bytes (crypto.getRandomValues). */
  random(bytes: Uint8Array): Uint8Array;
}

interface Pairing {
  host: BrokerPort;
  tabId: number;
  frame: BrokerPort | null;
  /** The token has been presented once: it never pairs again. */
  used: boolean;
}

const EXTENSION_SCHEMES = new Set(['chrome-extension:', 'moz-extension:']);

/** Is `url` our card page? (Chromium's use_dynamic_url gives it another host than the extension id.) */
export function isCardFrameUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return EXTENSION_SCHEMES.has(u.protocol) && u.pathname === '/card.html';
  } catch {
    return false;
  }
}

export function createCardBroker({ extensionId, random }: BrokerOptions): { onConnect(port: BrokerPort): void; readonly size: number } {
  const byToken = new Map<string, Pairing>();

  const send = (port: BrokerPort | null, message: HostDown | FrameDown) => {
    try {
      port?.postMessage(message);
    } catch {
      // the other side is gone; its onDisconnect cleans up
    }
  };

  const acceptHost = (port: BrokerPort) => {
    const tabId = port.sender?.tab?.id;
    if (tabId === undefined || tabId < 0) return port.disconnect();
    const token = newToken(random);
    const pairing: Pairing = { host: port, tabId, frame: null, used: false };
    byToken.set(token, pairing);
    port.onMessage.addListener((raw) => {
      const m = parse(hostUp, raw);
      if (m && pairing.frame) send(pairing.frame, { t: 'host', msg: m.msg });
    });
    port.onDisconnect.addListener(() => {
      byToken.delete(token);
      pairing.frame?.disconnect();
      pairing.frame = null;
    });
    send(port, { t: 'token', token });
  };

  const acceptFrame = (port: BrokerPort) => {
    const sender = port.sender;
    const tabId = sender?.tab?.id;
    if (!isCardFrameUrl(sender?.url) || tabId === undefined) return port.disconnect();
    let pairing: Pairing | null = null;
    port.onMessage.addListener((raw) => {
      const m = parse(frameUp, raw);
      if (!m) return;
      if (m.t === 'hello') {
        const p = byToken.get(m.token);
        if (pairing || !p || p.used || p.tabId !== tabId) return port.disconnect();
        p.used = true;
        p.frame = port;
        pairing = p;
        send(port, { t: 'paired', tabId, windowId: sender?.tab?.windowId });
        send(p.host, { t: 'paired' });
        return;
      }
      if (pairing?.frame === port) send(pairing.host, { t: 'frame', msg: m.msg });
    });
    port.onDisconnect.addListener(() => {
      if (pairing?.frame !== port) return;
      pairing.frame = null;
      send(pairing.host, { t: 'unpaired' });
    });
  };

  return {
    onConnect(port) {
      if (port.sender?.id !== extensionId) return port.disconnect();
      if (port.name === HOST_PORT) acceptHost(port);
      else if (port.name === FRAME_PORT) acceptFrame(port);
    },
    /** Live host ports (for tests). */
    get size() {
      return byToken.size;
    },
  };
}
