// @vitest-environment happy-dom
/**
 * Which private mentions may be near the viewport (IntersectionObserver stubbed: the test says what
 * the browser reports): none before the first report, those whose element is near, named once they
 * come near; the observer follows each element once, for as long as one of its mentions is watched.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNearMentions } from './nearMentions';

let observers: FakeObserver[];
class FakeObserver {
  readonly targets = new Set<Element>();
  constructor(
    private readonly report: (entries: object[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    observers.push(this);
  }
  observe(t: Element) {
    this.targets.add(t);
  }
  unobserve(t: Element) {
    this.targets.delete(t);
  }
  disconnect() {
    this.targets.clear();
  }
  /** What the browser would report after a frame: `near` for these targets, `width` of their box. */
  deliver(entries: Array<[Element, boolean, number?]>) {
    this.report(entries.map(([target, isIntersecting, width = 100]) => ({ target, isIntersecting, boundingClientRect: { width, height: width ? 20 : 0 } })));
  }
}

const textIn = (el: Element) => ({ nodes: [el.appendChild(document.createTextNode('Qarmaz'))] });

beforeEach(() => {
  observers = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});
afterEach(() => vi.unstubAllGlobals());

describe('near mentions', () => {
  it('names nothing before the browser reports, then only the mentions whose element is near', () => {
    const [p1, p2] = [document.createElement('p'), document.createElement('p')];
    const named: unknown[] = [];
    const near = createNearMentions(1000, (rs) => named.push(...rs));
    const [a, b, c] = [textIn(p1), textIn(p1), textIn(p2)];
    for (const r of [a, b, c]) near.watch(r);
    expect(named).toEqual([]);
    expect([a, b, c].map((r) => near.mayBeNear(r))).toEqual([false, false, false]);
    const io = observers[0]!;
    expect(io.options.rootMargin).toBe('1000px');
    expect([...io.targets]).toEqual([p1, p2]);
    io.deliver([[p1, true], [p2, false]]);
    expect(named).toEqual([a, b]);
    expect([a, b, c].map((r) => near.mayBeNear(r))).toEqual([true, true, false]);
    // A scroll brings p2 near: its mention is named, p1's not again.
    io.deliver([[p2, true]]);
    expect(named).toEqual([a, b, c]);
  });

  it('counts an element without a box (display: contents) as near, and a mention found in a near element at once', () => {
    const p = document.createElement('p');
    const named: unknown[] = [];
    const near = createNearMentions(1000, (rs) => named.push(...rs));
    const a = textIn(p);
    near.watch(a);
    observers[0]!.deliver([[p, false, 0]]);
    expect(named).toEqual([a]);
    const b = textIn(p);
    near.watch(b);
    expect(named).toEqual([a, b]);
  });

  it('stops observing an element when its last mention goes, and forgets all on disconnect', () => {
    const p = document.createElement('p');
    const near = createNearMentions(1000, () => {});
    const [a, b] = [textIn(p), textIn(p)];
    near.watch(a);
    near.watch(b);
    const io = observers[0]!;
    near.unwatch(a);
    expect(io.targets.has(p)).toBe(true);
    p.replaceChildren(); // the text left its element: still unobserved from the element it was watched by
    near.unwatch(b);
    expect(io.targets.has(p)).toBe(false);
    near.watch(a);
    near.disconnect();
    expect(io.targets.size).toBe(0);
  });

  it('names every mention at once where the browser has no IntersectionObserver', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    const named: unknown[] = [];
    const near = createNearMentions(1000, (rs) => named.push(...rs));
    const a = textIn(document.createElement('p'));
    near.watch(a);
    expect(named).toEqual([a]);
    expect(near.mayBeNear(a)).toBe(true);
  });
});
