// @vitest-environment happy-dom
/**
 * The marks of the reader's own names in a page's DOM (happy-dom, geometry stubbed): what the page
 * can see (the host under <html>) never depends on a private match; the underlines are drawn
 * inside the closed root, only for private mentions on screen and not covered, and follow
 * scrolling. The real layout and what a hostile page learns: tests/e2e/private-marks.e2e.test.ts,
 * tests/e2e/hostile-page.e2e.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MentionStore, type MentionRecord } from './mentions';
import { createPrivateMarks } from './privateMarks';
import type { Scope } from './scope';

function fakeScope() {
  const frames: Array<() => void> = [];
  const timers: Array<() => void> = [];
  const disposers: Array<() => void> = [];
  const scope = {
    signal: new AbortController().signal,
    alive: true,
    listen() {},
    frame: (fn: () => void) => frames.push(fn),
    idle() {},
    timeout: (fn: () => void) => timers.push(fn),
    onDispose: (fn: () => void) => disposers.push(fn),
    dispose: () => disposers.splice(0).forEach((d) => d()),
  } as unknown as Scope;
  return { scope, flush: () => frames.splice(0).forEach((f) => f()), pending: () => frames.length, runTimers: () => timers.splice(0).forEach((f) => f()) };
}

let roots: ShadowRoot[];
/** Where each text node's line box is (the stubbed layout); scrolling moves them all. */
let lineOf: Map<Node, { left: number; top: number; right: number; bottom: number }>;
let scrolled = 0;
let covered: Element | null = null;

beforeEach(() => {
  document.body.replaceChildren(
    ...[['a', 'Qarmaz Brigade'], ['b', 'Raqqa'], ['c', 'Qarmaz Brigade']].map(([id, text]) => Object.assign(document.createElement('p'), { id, textContent: text })),
  );
  roots = [];
  lineOf = new Map();
  scrolled = 0;
  covered = null;
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (this: HTMLElement, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
  vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
    const b = lineOf.get(this.startContainer);
    return (b ? [{ ...b, top: b.top - scrolled, bottom: b.bottom - scrolled }] : []) as unknown as DOMRectList;
  });
  (document as unknown as { elementFromPoint(): Element | null }).elementFromPoint = () => covered ?? document.getElementById('a');
  Object.defineProperty(document.documentElement, 'clientWidth', { configurable: true, value: 800 });
  Object.defineProperty(document.documentElement, 'clientHeight', { configurable: true, value: 600 });
  if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { configurable: true, value: new EventTarget() });
  // Every mention's element near the viewport (nearMentions.test.ts tests those that are not).
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(private readonly report: (entries: object[]) => void) {}
      observe(target: Element) {
        this.report([{ target, isIntersecting: true, boundingClientRect: { width: 1, height: 1 } }]);
      }
      unobserve() {}
      disconnect() {}
    },
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  for (const e of [...document.documentElement.children]) if (e !== document.head && e !== document.body) e.remove();
});

function record(id: string, entityId: string, top: number): MentionRecord {
  const text = document.getElementById(id)!.firstChild as Text;
  lineOf.set(text, { left: 20, top, right: 140, bottom: top + 20 });
  const range = { startContainer: text, startOffset: 0, endContainer: text, endOffset: text.length } as unknown as StaticRange;
  return { entityId, alias: text.data, ambiguous: false, range, nodes: [text], gen: 0 };
}

const isPrivate = (r: MentionRecord) => r.entityId.startsWith('user-');
/** What a page script sees under <html>: every element but <head> and <body>, with its attributes. */
const pageSees = () =>
  [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body).map((e) => ({ tag: e.localName, style: e.getAttribute('style'), shadow: (e as HTMLElement).shadowRoot, children: e.childNodes.length }));
const marks = () => [...(roots[0]?.querySelectorAll('span') ?? [])].filter((s) => !s.style.cssText.includes('none')).map((s) => s.style.cssText);

describe('private marks', () => {
  it('makes its host at the start, whether or not a private name is ever found, and it never changes', () => {
    const { scope, flush } = fakeScope();
    const store = new MentionStore();
    createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    const before = pageSees();
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ tag: 'div', shadow: null, children: 0 });
    expect(before[0]!.style).toContain('pointer-events: none !important');
    // No private mention yet: the first frame asks the page for no layout.
    const layout = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
    flush();
    expect(layout).not.toHaveBeenCalled();
    store.add([record('a', 'user-qarmaz', 100), record('b', 'raqqa', 200)]);
    flush();
    expect(marks()).toHaveLength(1);
    expect(pageSees()).toEqual(before);
    store.clear();
    flush();
    expect(marks()).toHaveLength(0);
    expect(pageSees()).toEqual(before);
  });

  it('makes no host without names of the reader’s, nor with the underlines off; the switch adds and removes it', () => {
    const none = fakeScope();
    createPrivateMarks(none.scope, new MentionStore(), { on: true, hasNames: false, isPrivate });
    expect(pageSees()).toEqual([]);
    const off = fakeScope();
    const m = createPrivateMarks(off.scope, new MentionStore(), { on: false, hasNames: true, isPrivate });
    expect(pageSees()).toEqual([]);
    m.setOn(true);
    expect(pageSees()).toHaveLength(1);
    const host = document.documentElement.lastElementChild!;
    expect(m.isHost(host)).toBe(true);
    m.setOn(false);
    expect(pageSees()).toEqual([]);
    m.setOn(true);
    off.scope.dispose();
    expect(pageSees()).toEqual([]);
  });

  it('is not put back when the page removes it', () => {
    const { scope, flush } = fakeScope();
    const store = new MentionStore();
    createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    document.documentElement.lastElementChild!.remove();
    store.add([record('a', 'user-qarmaz', 100)]);
    flush();
    expect(pageSees()).toEqual([]);
  });

  it('after a scroll of the document alone, measures only the mentions that can be near the viewport', () => {
    const { scope, flush } = fakeScope();
    const store = new MentionStore();
    createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    store.add([record('a', 'user-qarmaz', 100), record('c', 'user-qarmaz', 5000)]);
    flush();
    const measured = vi.mocked(Range.prototype.getClientRects);
    measured.mockClear();
    document.dispatchEvent(new Event('scroll'));
    flush();
    expect(measured).toHaveBeenCalledTimes(1); // 'a' only: 'c' is 4,400 px below
    measured.mockClear();
    window.dispatchEvent(new Event('resize'));
    flush();
    expect(measured).toHaveBeenCalledTimes(2); // a resize may move anything
  });

  it('measures no private mention whose element is far from the viewport, until the browser reports it near', () => {
    const reports: Array<(entries: object[]) => void> = [];
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(report: (entries: object[]) => void) {
          reports.push(report);
        }
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const { scope, flush } = fakeScope();
    const store = new MentionStore();
    createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    const measured = vi.mocked(Range.prototype.getClientRects);
    store.add([record('a', 'user-qarmaz', 100), record('c', 'user-qarmaz', 5000)]);
    measured.mockClear();
    flush();
    // Nothing is measured before the browser's first report (after it has rendered the page).
    expect(measured).not.toHaveBeenCalled();
    const entry = (id: string, isIntersecting: boolean) => ({ target: document.getElementById(id), isIntersecting, boundingClientRect: { width: 120, height: 20 } });
    reports[0]!([entry('a', true), entry('c', false)]);
    flush();
    expect(measured).toHaveBeenCalledTimes(1);
    expect(marks()).toEqual(['transform: translate(20px, 117px); width: 120px; height: 0px;']);
    // A resize measures every mention within reach: still not 'c'.
    measured.mockClear();
    window.dispatchEvent(new Event('resize'));
    flush();
    expect(measured).toHaveBeenCalledTimes(1);
    // Scrolled down to 'c': the browser reports it near, it is measured and marked.
    scrolled = 4800;
    (document as unknown as { elementFromPoint(): Element | null }).elementFromPoint = () => document.getElementById('c');
    reports[0]!([entry('a', false), entry('c', true)]);
    document.dispatchEvent(new Event('scroll'));
    flush();
    expect(marks()).toEqual(['transform: translate(20px, 217px); width: 120px; height: 0px;']);
  });

  it('measures only the mentions a scan adds, not every private mention again', () => {
    const { scope, flush } = fakeScope();
    const store = new MentionStore();
    createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    const far = record('c', 'user-qarmaz', 5000);
    store.add([record('b', 'user-other', 300), far]);
    flush();
    const measured = vi.mocked(Range.prototype.getClientRects);
    measured.mockClear();
    // The scan's next slice finds one more (the text was there): it alone is measured.
    store.add([record('a', 'user-qarmaz', 100)]);
    flush();
    expect(measured).toHaveBeenCalledTimes(1);
    expect(marks()).toEqual(['transform: translate(20px, 117px); width: 120px; height: 0px;']);
    measured.mockClear();
    // A mention gone: the page's text changed, so every one is measured again.
    store.removeWhere((r) => r === far);
    flush();
    expect(measured).toHaveBeenCalledTimes(2);
    expect(marks()).toHaveLength(1);
  });

  it('draws the open card’s private mention as the active highlight: its line, down to a solid underline', () => {
    const { scope, flush } = fakeScope();
    const store = new MentionStore();
    const m = createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    const mine = record('a', 'user-qarmaz', 100);
    store.add([mine, record('b', 'raqqa', 130)]);
    flush();
    m.setActive(mine);
    flush();
    const span = roots[0]!.querySelector('span')!;
    expect(span.className).toBe('active');
    expect(span.style.cssText).toBe('transform: translate(20px, 100px); width: 120px; height: 17px;');
    m.setActive(null);
    flush();
    expect(span.className).toBe('');
  });

  it('follows the page’s own DOM changes (a cover removed) only while a private mention is on the page', async () => {
    const { scope, flush, pending, runTimers } = fakeScope();
    const store = new MentionStore();
    createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    flush();
    const changeThePage = async () => {
      document.body.append(document.createElement('div'));
      // (A MutationObserver's callback comes before this timer, whatever the machine's load; then the scope's timer is run.)
      await new Promise((r) => setTimeout(r, 20));
      runTimers();
      return pending();
    };
    expect(await changeThePage()).toBe(0);
    store.add([record('a', 'user-qarmaz', 100)]);
    flush();
    expect(await changeThePage()).toBe(1);
    flush();
    store.clear();
    flush();
    expect(await changeThePage()).toBe(0);
  });

  it('underlines private mentions on screen, in the lower part of the line; follows a scroll; none where covered or off screen', () => {
    const { scope, flush } = fakeScope();
    const store = new MentionStore();
    createPrivateMarks(scope, store, { on: true, hasNames: true, isPrivate });
    store.add([record('a', 'user-qarmaz', 100), record('c', 'user-qarmaz', 5000)]);
    flush();
    expect(marks()).toEqual(['transform: translate(20px, 117px); width: 120px; height: 0px;']);
    scrolled = 40;
    document.dispatchEvent(new Event('scroll'));
    flush();
    expect(marks()).toEqual(['transform: translate(20px, 77px); width: 120px; height: 0px;']);
    covered = document.getElementById('b');
    document.dispatchEvent(new Event('scroll'));
    flush();
    expect(marks()).toEqual([]);
  });
});
