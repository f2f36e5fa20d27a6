// @vitest-environment happy-dom
/**
 * How many messages a hover costs, counted on the wire: the content script's CardFrame and the
 * card page's useCardFrame, joined by the real channel (platform/cardChannel.ts: a MessagePort
 * handed over in one pairing message), the worker's lookups counted at its client (each is a
 * request and an answer: two legs). A first hover on a page: at most 4 legs, 2 through the worker;
 * a later one: 2.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TEAM_FLAG_KEY } from '../../platform/teamFlag';
import { connectCardHost, listenForHost, type HostListener } from '../../platform/cardChannel';
import { CardFrame, type CardAnchor } from '../content/cardFrame';
import type { CardLook, HostToFrame } from '../../lib/messages/cardChannel';
import { followLanguage } from '../../platform/i18n';
import { prefetchCard, useCardFrame } from './useCardFrame';

const lookups = vi.hoisted(() => ({ count: 0, team: 0 }));
vi.mock('../../platform/messaging', () => ({
  workerClient: {
    lookupEntity: vi.fn(() => {
      lookups.count++;
      return Promise.resolve({ entity: { id: 'raqqa', name: 'Raqqa' } });
    }),
    // Not asked while no team server is connected (platform/teamFlag.ts); the worker would answer 'off'.
    teamLookup: vi.fn(() => {
      lookups.team++;
      return Promise.resolve({ state: 'off' });
    }),
  },
}));

const PAGE_URL = 'chrome-extension://0b6f0c4e-1111-2222-3333-444455556666/card.html';

function Probe({ host }: { host: HostListener }) {
  const { view } = useCardFrame(host);
  return (
    <div class="card">
      <div class="body">{view?.content.status ?? 'none'}</div>
    </div>
  );
}

function anchor(): CardAnchor {
  const rect = { left: 100, top: 200, right: 150, bottom: 218, width: 50, height: 18 };
  return { range: { startContainer: { isConnected: true }, getClientRects: () => [rect] } as unknown as Range };
}

afterEach(() => vi.restoreAllMocks());

/** A CardFrame joined to a card page (its listener made when the frame is, as main.tsx does); the page drawn at once, or when `draw` is called. */
function setUp({ onArrival, drawLater = false, look = { language: 'auto', theme: 'auto' } }: { onArrival?: (m: HostToFrame) => void; drawLater?: boolean; look?: CardLook } = {}) {
  const portPosts = vi.spyOn(new MessageChannel().port1.constructor.prototype as MessagePort, 'postMessage');
  let windowPosts = 0;
  let iframe!: HTMLIFrameElement;
  let host!: HostListener;
  const root = document.createElement('div');
  document.body.append(root);
  const draw = () => act(() => render(<Probe host={host} />, root));
  const rendered = vi.fn();
  const frame = new CardFrame({
    pageUrl: PAGE_URL,
    connect: (on) =>
      connectCardHost(
        PAGE_URL,
        {
        ...on,
        token: (token) => {
          iframe = on.token(token);
          // The card page, listening from its first script on; a post to its window arrives as a message event.
          host = listenForHost(token, onArrival);
          Object.defineProperty(iframe, 'contentWindow', {
            value: {
              postMessage: (data: unknown, _origin: string, ports: MessagePort[]) => {
                windowPosts++;
                const e = new Event('message');
                Object.defineProperties(e, { data: { value: data }, ports: { value: ports } });
                window.dispatchEvent(e);
              },
            },
          });
          if (!drawLater) void draw();
          return iframe;
        },
        },
        () => look,
      ),
    onPin: vi.fn(),
    onClose: vi.fn(),
    onPointer: vi.fn(),
    onRendered: rendered,
    onGone: vi.fn(),
  });
  const legs = () => windowPosts + portPosts.mock.calls.length + 2 * lookups.count;
  const load = () => iframe.dispatchEvent(new Event('load'));
  return { frame, root, rendered, legs, load, draw, portPosts, host: () => host };
}

describe('message legs of a hover', () => {
  it('first hover on a page: 4 (2 through the worker); a later one: 2; with no team server connected, no team message', async () => {
    await fakeBrowser.storage.local.set({ [TEAM_FLAG_KEY]: false });
    const { frame, root, rendered, legs, load } = setUp();

    frame.request(anchor(), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    load();
    await vi.waitFor(() => expect(root.textContent).toBe('ready'));
    await vi.waitFor(() => expect(rendered).toHaveBeenCalledOnce());
    expect({ legs: legs(), worker: 2 * lookups.count }).toEqual({ legs: 4, worker: 2 });

    frame.hide();
    const before = legs();
    frame.request(anchor(), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    await vi.waitFor(() => expect(rendered).toHaveBeenCalledTimes(2));
    expect(legs() - before).toBe(2);
    expect(lookups.count).toBe(1);
    expect(lookups.team).toBe(0); // (a card the frame holds, with no team: the worker, asleep or not, hears nothing)
    frame.dispose();
  });

  it('the first card\'s lookup starts when the pairing brings its request, before the page has drawn itself; still one lookup, still 4 legs', async () => {
    await fakeBrowser.storage.local.set({ [TEAM_FLAG_KEY]: false });
    const { frame, root, rendered, legs, load, draw } = setUp({ onArrival: prefetchCard, drawLater: true });
    const before = { legs: legs(), lookups: lookups.count };

    frame.request(anchor(), { id: 'mosul', label: 'Mosul' }, { pinned: false, focus: false });
    load();
    expect(lookups.count - before.lookups).toBe(1); // asked at once: the page has not drawn anything yet
    expect(root.textContent).toBe('');
    await draw();
    await vi.waitFor(() => expect(root.textContent).toBe('ready'));
    await vi.waitFor(() => expect(rendered).toHaveBeenCalledOnce());
    expect({ legs: legs() - before.legs, lookups: lookups.count - before.lookups }).toEqual({ legs: 4, lookups: 1 });
    frame.dispose();
  });

  it('the pairing brings the language and theme: the first card is drawn in the reader\'s language without the frame reading storage first', async () => {
    const { frame, load, host } = setUp({ drawLater: true, look: { language: 'ar', theme: 'dark' } });
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    frame.request(anchor(), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    load();
    expect(await host().look).toEqual({ language: 'ar', theme: 'dark' });
    const root = document.createElement('div');
    const drawn = new Promise<string>((resolve) => followLanguage((t) => resolve(t('cardClose')), undefined, root, host().look));
    expect(await drawn).not.toBe('Close');
    expect({ lang: root.lang, dir: root.dir }).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(get).not.toHaveBeenCalled();
    frame.dispose();
  });

  it('a card the reader scrolled starts the next card at its top; an unscrolled one is not touched (no layout forced before "rendered")', async () => {
    await fakeBrowser.storage.local.set({ [TEAM_FLAG_KEY]: false });
    const { frame, root, rendered, load } = setUp();
    const scrollTo = vi.spyOn(Element.prototype, 'scrollTo');
    frame.request(anchor(), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    load();
    await vi.waitFor(() => expect(root.textContent).toBe('ready'));
    await vi.waitFor(() => expect(rendered).toHaveBeenCalledOnce());
    frame.request(anchor(), { id: 'mosul', label: 'Mosul' }, { pinned: false, focus: false });
    await vi.waitFor(() => expect(rendered).toHaveBeenCalledTimes(2));
    expect(scrollTo).not.toHaveBeenCalled();

    const body = root.querySelector('.body')!;
    body.scrollTop = 120;
    body.dispatchEvent(new Event('scroll'));
    frame.request(anchor(), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    await vi.waitFor(() => expect(rendered).toHaveBeenCalledTimes(3));
    expect(scrollTo).toHaveBeenCalledOnce();
    expect(body.scrollTop).toBe(0);
    frame.dispose();
  });

  it('the page attaches to its content script as it is first drawn: the first request is rendered without waiting for a frame or a timer', async () => {
    await fakeBrowser.storage.local.set({ [TEAM_FLAG_KEY]: false });
    const { frame, root, load, portPosts, host } = setUp({ drawLater: true });
    frame.request(anchor(), { id: 'raqqa', label: 'Raqqa' }, { pinned: false, focus: false });
    load();
    render(<Probe host={host()} />, root); // no act(): effects run as the browser would run them
    for (let i = 0; i < 20; i++) await Promise.resolve(); // microtasks only
    expect(portPosts.mock.calls.map(([m]) => (m as { t: string }).t)).toContain('rendered');
    expect(root.textContent).not.toBe('none');
    render(null, root);
    frame.dispose();
  });
});
