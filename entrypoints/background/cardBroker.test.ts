import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FRAME_PORT, frameDown, HOST_PORT, hostDown } from '../../lib/messages/cardChannel';
import { createCardBroker, isCardFrameUrl, type BrokerPort } from './cardBroker';

const EXT = 'abcdefghijklmnop';
const CARD_URL = `chrome-extension://${EXT}/card.html`;

/** What the broker may post: each end checks it with these schemas, and so does the fake port. */
const brokerDown = v.union([hostDown, frameDown]);

class FakePort implements BrokerPort {
  received: Array<v.InferOutput<typeof brokerDown>> = [];
  disconnected = false;
  private onMsg: Array<(m: unknown) => void> = [];
  private onGone: Array<() => void> = [];
  constructor(
    readonly name: string,
    readonly sender: BrokerPort['sender'],
  ) {}
  postMessage(m: unknown) {
    if (this.disconnected) throw new Error('disconnected');
    this.received.push(v.parse(brokerDown, m));
  }
  disconnect() {
    if (this.disconnected) return;
    this.disconnected = true;
    for (const f of this.onGone) f();
  }
  onMessage = { addListener: (fn: (m: unknown) => void) => void this.onMsg.push(fn) };
  onDisconnect = { addListener: (fn: () => void) => void this.onGone.push(fn) };
  /** The other side sends. */
  emit(m: unknown) {
    for (const f of this.onMsg) f(m);
  }
}

let seed = 0;
const random = (b: Uint8Array) => {
  for (let i = 0; i < b.length; i++) b[i] = (seed * 31 + i * 7) & 255;
  seed++;
  return b;
};

function setup() {
  const broker = createCardBroker({ extensionId: EXT, random });
  const host = (tabId = 7, id = EXT) => {
    const p = new FakePort(HOST_PORT, { id, url: 'https://news.example/a', tab: { id: tabId, windowId: 3 } });
    broker.onConnect(p);
    return p;
  };
  const frame = (tabId = 7, url = CARD_URL, id = EXT) => {
    const p = new FakePort(FRAME_PORT, { id, url, tab: { id: tabId, windowId: 3 } });
    broker.onConnect(p);
    return p;
  };
  const tokenOf = (h: FakePort) => {
    const m = h.received.find((m) => m.t === 'token');
    if (m?.t !== 'token') throw new Error('no token was sent');
    return m.token;
  };
  return { broker, host, frame, tokenOf };
}

describe('card broker', () => {
  it('gives a host a token, pairs the frame that presents it in the same tab, and relays both ways', () => {
    const { host, frame, tokenOf } = setup();
    const h = host();
    const token = tokenOf(h);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const f = frame();
    f.emit({ t: 'hello', token });
    expect(f.received).toEqual([{ t: 'paired', tabId: 7, windowId: 3 }]);
    expect(h.received.at(-1)).toEqual({ t: 'paired' });

    const show = { t: 'show', seq: 1, entityId: 'raqqa', label: 'Raqqa', width: 400, pinned: false };
    h.emit({ t: 'send', msg: show });
    expect(f.received.at(-1)).toEqual({ t: 'host', msg: show });
    f.emit({ t: 'send', msg: { t: 'rendered', seq: 1 } });
    expect(h.received.at(-1)).toEqual({ t: 'frame', msg: { t: 'rendered', seq: 1 } });
  });

  it('issues a different token to every host', () => {
    const { host, tokenOf } = setup();
    expect(tokenOf(host())).not.toBe(tokenOf(host()));
  });

  it('first use wins: a second frame with the same token is refused, and the pair is untouched', () => {
    const { host, frame, tokenOf } = setup();
    const h = host();
    const token = tokenOf(h);
    const f1 = frame();
    f1.emit({ t: 'hello', token });
    const f2 = frame();
    f2.emit({ t: 'hello', token });
    expect(f2.disconnected).toBe(true);
    expect(f2.received).toEqual([]);
    h.emit({ t: 'send', msg: { t: 'focus' } });
    expect(f1.received.at(-1)).toEqual({ t: 'host', msg: { t: 'focus' } });
  });

  it('refuses a frame in another tab, an unknown token, a page that is not the card, another extension', () => {
    const { host, frame, tokenOf } = setup();
    const h = host(7);
    const token = tokenOf(h);
    const other = frame(8);
    other.emit({ t: 'hello', token });
    expect(other.disconnected).toBe(true);
    const guess = frame();
    guess.emit({ t: 'hello', token: 'A'.repeat(22) });
    expect(guess.disconnected).toBe(true);
    expect(frame(7, 'https://evil.example/card.html').disconnected).toBe(true);
    expect(frame(7, `chrome-extension://${EXT}/popup.html`).disconnected).toBe(true);
    expect(frame(7, CARD_URL, 'another-extension').disconnected).toBe(true);
    expect(host(7, 'another-extension').disconnected).toBe(true);
    // The tab's own frame still pairs afterwards: the refused attempts did not use the token up.
    const f = frame(7);
    f.emit({ t: 'hello', token });
    expect(f.disconnected).toBe(false);
    expect(f.received[0]).toMatchObject({ t: 'paired', tabId: 7 });
  });

  it('relays nothing before pairing and drops malformed messages', () => {
    const { host, frame, tokenOf } = setup();
    const h = host();
    const f = frame();
    f.emit({ t: 'send', msg: { t: 'close' } });
    expect(h.received.map((m) => m.t)).toEqual(['token']);
    f.emit({ t: 'hello', token: tokenOf(h) });
    h.emit({ t: 'send', msg: { t: 'show', seq: 1, entityId: 'x', label: '<b>', width: 400, pinned: false, html: '<img>' } });
    h.emit({ t: 'send', msg: { t: 'card', card: { excerpts: ['forged'] } } });
    expect(f.received.map((m) => m.t)).toEqual(['paired']);
  });

  it('tells the host when its frame goes; the token never pairs again', () => {
    const { host, frame, tokenOf } = setup();
    const h = host();
    const token = tokenOf(h);
    const f = frame();
    f.emit({ t: 'hello', token });
    f.disconnect();
    expect(h.received.at(-1)).toEqual({ t: 'unpaired' });
    const again = frame();
    again.emit({ t: 'hello', token });
    expect(again.disconnected).toBe(true);
  });

  it('closes the frame when its host goes, and forgets the token', () => {
    const { broker, host, frame, tokenOf } = setup();
    const h = host();
    const f = frame();
    f.emit({ t: 'hello', token: tokenOf(h) });
    expect(broker.size).toBe(1);
    h.disconnect();
    expect(f.disconnected).toBe(true);
    expect(broker.size).toBe(0);
  });
});

describe('isCardFrameUrl', () => {
  it('accepts the card page of an extension origin only', () => {
    expect(isCardFrameUrl('chrome-extension://abc/card.html#tok')).toBe(true);
    expect(isCardFrameUrl('moz-extension://5c0f1a2e/card.html')).toBe(true);
    expect(isCardFrameUrl('https://abc/card.html')).toBe(false);
    expect(isCardFrameUrl('chrome-extension://abc/sidepanel.html')).toBe(false);
    expect(isCardFrameUrl(undefined)).toBe(false);
  });
});
