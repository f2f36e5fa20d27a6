// @vitest-environment happy-dom
/**
 * The card's host in a page's DOM (happy-dom): a plain <div> with a closed shadow root holding the
 * card page's iframe, hidden until shown, its box from public facts alone, and talking to
 * the frame only through the channel (here a fake of platform/cardChannel.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FrameToHost, HostToFrame } from '../../lib/messages/cardChannel';
import type { HostEvents } from '../../platform/cardChannel';
import { cardSize, placeCard } from '../../lib/card/placement';
import { CardFrame, type CardAnchor } from './cardFrame';

const PAGE_URL = 'chrome-extension://0b6f0c4e-1111-2222-3333-444455556666/card.html';
const TOKEN = 'abcdefghijklmnopqrstuv';

function anchorAt(left: number, top: number): Extract<CardAnchor, { range: Range }> {
  const rect = { left, top, right: left + 50, bottom: top + 18, width: 50, height: 18 };
  const range = { startContainer: { isConnected: true }, getClientRects: () => [rect] } as unknown as Range;
  return { range };
}

function setup() {
  const sent: HostToFrame[] = [];
  let events!: HostEvents;
  let closed = false;
  const roots: ShadowRoot[] = [];
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  const handlers = { onPin: vi.fn(), onClose: vi.fn(), onPointer: vi.fn(), onRendered: vi.fn(), onGone: vi.fn() };
  const frame = new CardFrame({
    connect: (on) => {
      events = on;
      on.token(TOKEN); // as platform/cardChannel.ts does: the token is made at once, no worker asked
      return { send: (m) => sent.push(m), close: () => (closed = true) };
    },
    pageUrl: PAGE_URL,
    ...handlers,
  });
  const host = () => [...document.documentElement.children].find((e) => e.localName === 'div') as HTMLElement | undefined;
  const iframe = () => roots.at(-1)?.querySelector('iframe') ?? null;
  const fromFrame = (m: FrameToHost) => events.message(m);
  return { frame, sent, events: () => events, host, iframe, roots, handlers, fromFrame, closed: () => closed };
}

describe('CardFrame', () => {
  beforeEach(() => {
    const p = document.createElement('p');
    p.textContent = 'Raqqa';
    document.body.replaceChildren(p);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const e of [...document.documentElement.children]) if (e.localName === 'div') e.remove();
  });

  it('hosts the card page in a closed shadow root on a plain div, hidden, with the token in the fragment only', () => {
    const t = setup();
    expect(t.host()).toBeUndefined(); // nothing in the page before the first hover
    t.frame.warm();
    const host = t.host()!;
    expect(host.localName).toBe('div');
    expect(host.shadowRoot).toBeNull(); // closed
    expect(t.roots[0]!.mode).toBe('closed');
    expect(t.iframe()!.getAttribute('src')).toBe(`${PAGE_URL}#${TOKEN}`);
    expect(t.iframe()!.getAttribute('aria-hidden')).toBe('true');
    const style = host.getAttribute('style')!;
    expect(style).toContain('all: initial !important');
    expect(style).toContain('opacity: 0 !important');
    expect(style).toContain('pointer-events: none !important');
    expect(host.textContent).toBe('');
  });

  it('names the entity to the frame, places the frame by public facts alone, and shows it on reveal', () => {
    const t = setup();
    expect(t.frame.request(anchorAt(100, 200), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false })).toBe(true);
    expect(t.sent).toEqual([{ t: 'show', seq: 1, entityId: 'raqqa', label: 'Raqqa', width: expect.any(Number) as number, pinned: false }]);
    const s = t.iframe()!.style;
    const { clientWidth: vw, clientHeight: vh } = document.documentElement;
    const ref = { left: 100, top: 200, right: 150, bottom: 218 };
    const size = cardSize(vw);
    const want = placeCard(ref, size.width, size.height, vw, vh);
    const placed = [`${want.x}px`, `${want.y}px`, `${size.width}px`, `${Math.min(size.height, want.maxHeight)}px`];
    // Placed before the frame has said anything: its box owes nothing to the card's content.
    expect([s.left, s.top, s.width, s.height]).toEqual(placed);
    t.fromFrame({ t: 'rendered', seq: 1 });
    expect(t.handlers.onRendered).toHaveBeenCalledOnce();
    expect([s.left, s.top, s.width, s.height]).toEqual(placed);
    expect(t.host()!.getAttribute('style')).toContain('opacity: 0');

    t.frame.reveal();
    expect(t.host()!.getAttribute('style')).toContain('opacity: 1 !important');
    expect(t.host()!.getAttribute('style')).toContain('pointer-events: auto !important');
    expect(t.iframe()!.hasAttribute('aria-hidden')).toBe(false);
    // Showing is the host's style change alone: nothing is sent to the frame, which re-renders nothing.
    expect(t.sent.at(-1)).toMatchObject({ t: 'show' });

    t.frame.hide();
    expect(t.host()!.getAttribute('style')).toContain('opacity: 0');
    expect(t.iframe()!.getAttribute('aria-hidden')).toBe('true');
    expect(t.host()).toBeDefined(); // kept, hidden, for the next card
  });

  it('ignores the answer to an older request', () => {
    const t = setup();
    t.frame.request(anchorAt(100, 200), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    t.frame.hide();
    t.frame.request(anchorAt(100, 200), { id: 'mosul', label: 'Mosul' }, { pinned: true, focus: false });
    expect(t.sent.at(-1)).toMatchObject({ t: 'show', seq: 3, pinned: true });
    t.fromFrame({ t: 'rendered', seq: 1 });
    expect(t.handlers.onRendered).not.toHaveBeenCalled();
    t.fromFrame({ t: 'rendered', seq: 3 });
    expect(t.handlers.onRendered).toHaveBeenCalledOnce();
  });

  it('passes the card’s own buttons and pointer on; removes the host and says so when the frame goes', () => {
    const t = setup();
    t.frame.request(anchorAt(100, 200), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    t.fromFrame({ t: 'pin' });
    t.fromFrame({ t: 'pointer', over: true });
    expect(t.handlers.onPin).toHaveBeenCalledOnce();
    expect(t.handlers.onPointer).toHaveBeenCalledWith(true);
    t.fromFrame({ t: 'close' });
    expect(t.handlers.onClose).toHaveBeenCalledOnce();
    t.events().gone();
    expect(t.host()).toBeUndefined();
    expect(t.handlers.onGone).toHaveBeenCalledOnce();
  });

  it('refuses to place a card whose mention is gone', () => {
    const t = setup();
    const anchor = anchorAt(1, 1);
    (anchor.range as unknown as { startContainer: { isConnected: boolean } }).startContainer.isConnected = false;
    expect(t.frame.request(anchor, { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false })).toBe(false);
  });
});
