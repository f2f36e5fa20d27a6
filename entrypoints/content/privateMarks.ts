/**
 * The reader's own names, marked where the page cannot read them (issue 18). Mentions of aliases
 * the user added (`MatchPattern.user`) are private: `CSS.highlights` is the page's to read, so
 * they are never there (highlights.ts). Their underline is drawn instead in a layer of our own: a
 * plain <div> host (frameHost.ts `attachHost`: `all: initial` and every property inline
 * !important, fixed, zero size, `pointer-events: none`) whose closed shadow root holds a
 * viewport-sized, clipped layer and one empty element per underline, placed from the mention's
 * `Range.getClientRects()`, looking like the bundled names' dotted underline (the same rule's
 * values, lib/marks/markBoxes.ts).
 *
 * **The leak to avoid: nothing a page can observe may depend on whether a private name matched.**
 * A page that writes candidate names and watches for our element would otherwise enumerate the
 * reader's names (MutationObserver, `document.documentElement.children`, layout). So:
 * - The host's existence, place and timing depend on no match: it is made when the page session
 *   starts, whenever the underlines are on and the reader has names of their own (one fact about
 *   the reader's settings and corpus, the same on every page: it tells a page that the reader has
 *   added names, never which), and removed when the session ends or the underlines go off. It is
 *   never re-added if the page removes it, and its attributes never change while it lives.
 * - What depends on matches stays inside the closed root: the page cannot reach it (no
 *   `shadowRoot`, and mutations inside a shadow tree reach no MutationObserver of the page). The
 *   layer is as large as the viewport whatever the marks, and clips them (`overflow: hidden`,
 *   `contain: strict`), so the host's scroll extent is the same even where a page restyles the
 *   host to measure it; fixed, it adds nothing to the page's own layout or scroll size. The marks
 *   are `pointer-events: none` (set inside the root, where page styles cannot undo it), so
 *   `elementFromPoint` over a marked name returns the page's text, as over any other word. No
 *   animations or transitions (`document.getAnimations()` would list those of shadow trees).
 * - Left to a page: timing. Measuring marks costs main-thread time on scroll and resize that a page
 *   with many private matches on screen could sense (the bench's "50 user names marked" row); the
 *   matcher's own work on the page's text is no different for a private or a public name.
 *
 * Cost: scroll, resize, a change in the size of <html> or <body> (ResizeObserver), the page's
 * own DOM changes (while a private mention is on the page, at most every 100 ms), fonts loading,
 * the store's private changes and mentions coming near (./nearMentions.ts) only queue one
 * animation frame. That frame measures the line boxes of the mentions lib/marks/markPass.ts says
 * (those come near, those a document scroll may bring near, or all), of those nearMentions.ts
 * says may be near; keeps those near the viewport and asks the browser what is at the middle of
 * each line on screen (text scrolled out of its box or covered gets no mark); a larger set goes
 * on over frames (`FRAME_BUDGET_MS` each) before the marks move at once; an unmoved mark is not
 * written again.
 */
import { extentOf, lineBoxes, mayBeNear, middleInView, nearView, underlineOf, type Extent, type MarkBox, type View } from '../../lib/marks/markBoxes';
import { atLeast, FOUND, FULL, NEAR, NONE, planPass, type Need } from '../../lib/marks/markPass';
import { attachHost } from './frameHost';
import { LAYER_CSS, MARKS_HOST_STYLE, MarkPool } from './markLayer';
import type { MentionRecord, MentionStore } from './mentions';
import { createNearMentions, type NearMentions } from './nearMentions';
import type { Scope } from './scope';

/** Line boxes this far outside the viewport are marked too (a small scroll shows them at once). */
const NEAR_PX = 200;
/** Mentions whose element is this far outside the viewport are measured (a frame's scroll brings them near). */
const REACH_PX = 1000;
/** Main-thread time one frame spends measuring; a larger set goes on in the next frames. */
const FRAME_BUDGET_MS = 4;
/** At most this many underlines at once. */
const MAX_MARKS = 400;
/** The page's own DOM changes move the marks at most this often. */
const CHANGES_MS = 100;

export interface PrivateMarks {
  /** Our host (its insertion is not a page change; the scanner skips it). */
  isHost(node: Node): boolean;
  /** The underlines setting (the same switch as the bundled names' underline). */
  setOn(on: boolean): void;
  /** The mention whose card is open (drawn as the bundled names' `counterpoint-active` highlight), if private. */
  setActive(record: MentionRecord | null): void;
}

export interface PrivateMarksOptions {
  on: boolean;
  /** Does the reader have names of their own (in this session's matcher data)? */
  hasNames: boolean;
  isPrivate(r: MentionRecord): boolean;
}

/** One pass over the private mentions: where it is, what it found. */
interface Pass {
  records: MentionRecord[];
  at: number;
  boxes: MarkBox[];
  view: View;
  origin: { left: number; top: number };
  scrollY: number;
}

export function createPrivateMarks(scope: Scope, store: MentionStore, { on, hasNames, isPrivate }: PrivateMarksOptions): PrivateMarks {
  const tracked = new Set<MentionRecord>();
  const range = document.createRange();
  let host: HTMLDivElement | null = null;
  let layer: HTMLDivElement | null = null;
  let marks: MarkPool | null = null;
  let following: AbortController | null = null;
  let near: NearMentions<MentionRecord> | null = null;
  let frameQueued = false;
  /** What the next pass must measure (the most any change since the last one asked for). */
  let need: Need = NONE;
  /** Private mentions found since the last pass began. */
  let fresh: MentionRecord[] = [];
  /** The last pass's underlines, kept by a pass that measures only what a scan found. */
  let lastBoxes: MarkBox[] = [];
  let pass: Pass | null = null;
  let activeRecord: MentionRecord | null = null;
  /** Where each private mention's lines were at its last measure (document coordinates). */
  const extents = new WeakMap<MentionRecord, Extent>();
  let fullScrollY = 0;

  const schedule = () => {
    if (!host || frameQueued || need === NONE) return;
    frameQueued = true;
    scope.frame(frame);
  };
  const queue = (level: Need = FULL) => {
    need = atLeast(need, level);
    schedule();
  };

  /** Is the page's text of `r` what the browser shows at the middle of `line` (not clipped away nor covered)? */
  const onTop = (r: MentionRecord, line: { left: number; top: number; right: number; bottom: number }): boolean => {
    const root = r.nodes[0]!.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint((line.left + line.right) / 2, (line.top + line.bottom) / 2);
    const common = range.commonAncestorContainer;
    return hit !== null && (hit.contains(common) || common.contains(hit));
  };

  const measure = (r: MentionRecord, p: Pass) => {
    if (r.nodes.length === 0 || !r.nodes[0]!.isConnected) return;
    const s = r.range;
    try {
      range.setStart(s.startContainer, s.startOffset);
      range.setEnd(s.endContainer, s.endOffset);
    } catch {
      return; // the text changed under the record: the rescan replaces it
    }
    const lines = lineBoxes(range.getClientRects());
    extents.set(r, extentOf(lines, p.scrollY));
    for (const line of lines) {
      if (p.boxes.length >= MAX_MARKS || !nearView(line, p.view, NEAR_PX)) continue;
      if (middleInView(line, p.view) && !onTop(r, line)) continue;
      p.boxes.push({ ...underlineOf(line), active: r === activeRecord });
    }
  };

  const frame = () => {
    frameQueued = false;
    if (!layer) return;
    if (!pass) {
      if (need === NONE) return;
      const level = need;
      need = NONE;
      const found = fresh;
      fresh = [];
      // No private mention and no mark: nothing to measure, and no layout to ask the page for.
      if (tracked.size === 0 && marks!.shown === 0) return;
      const root = document.documentElement;
      // Where the layer's fixed origin is (not the viewport's corner when the page transforms <html>).
      const { left, top } = layer.getBoundingClientRect();
      const view = { width: root.clientWidth, height: root.clientHeight };
      const scrollY = window.scrollY;
      // After a scroll of the document alone, only mentions it can bring near are measured: near
      // the viewport now, or at the last full pass (text in a fixed or sticky box stays there).
      const scrolledNear = (r: MentionRecord) => [scrollY, fullScrollY].some((y) => mayBeNear(extents.get(r), y, view.height, NEAR_PX));
      if (level === FULL) fullScrollY = scrollY;
      const reach = (r: MentionRecord) => near?.mayBeNear(r) ?? true;
      pass = { ...planPass(level, tracked, found, reach, scrolledNear, lastBoxes), at: 0, view, origin: { left, top }, scrollY };
    }
    const p = pass;
    p.scrollY = window.scrollY;
    const t0 = performance.now();
    while (p.at < p.records.length) {
      measure(p.records[p.at++]!, p);
      if ((p.at & 7) === 0 && performance.now() - t0 > FRAME_BUDGET_MS) break;
    }
    if (p.at < p.records.length) {
      frameQueued = true;
      scope.frame(frame);
      return;
    }
    pass = null;
    marks!.draw(p.boxes, p.origin);
    lastBoxes = p.boxes;
    schedule(); // something moved while a sliced pass ran (`need` says what)
  };

  const start = () => {
    layer = document.createElement('div');
    layer.setAttribute('aria-hidden', 'true');
    host = attachHost(MARKS_HOST_STYLE, LAYER_CSS, layer);
    marks = new MarkPool(layer);
    following = new AbortController();
    near = createNearMentions(REACH_PX, (came) => {
      fresh.push(...came);
      queue(FOUND);
    });
    for (const r of tracked) near.watch(r);
    const opts = { capture: true, passive: true, signal: following.signal };
    // (A scroll of the document moves nothing within it; an element's scroll moves its content.)
    document.addEventListener('scroll', (e: Event) => queue(e.target === document ? NEAR : FULL), opts);
    window.addEventListener('resize', () => queue(), opts);
    document.fonts.addEventListener('loadingdone', () => queue(), opts);
    const sizes = new ResizeObserver(() => queue());
    sizes.observe(document.documentElement);
    if (document.body) sizes.observe(document.body);
    following.signal.addEventListener('abort', () => {
      sizes.disconnect();
      changes.disconnect();
      watching = false;
    });
    watchChanges();
    queue();
  };

  // The page's own changes that move or uncover text without resizing <html> or <body> (a banner
  // removed, a class toggled): watched only while there is a private mention to follow, and
  // followed at most every CHANGES_MS (a page animating styles every frame would otherwise have
  // every private mention measured in every frame).
  let changesTimer = false;
  const changes = new MutationObserver(() => {
    if (changesTimer) return;
    changesTimer = true;
    scope.timeout(() => {
      changesTimer = false;
      queue();
    }, CHANGES_MS);
  });
  let watching = false;
  const watchChanges = () => {
    const want = host !== null && tracked.size > 0;
    if (want === watching) return;
    watching = want;
    if (want) changes.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open'] });
    else changes.disconnect();
  };

  const stop = () => {
    following?.abort();
    following = null;
    near?.disconnect();
    near = null;
    host?.remove();
    host = layer = null;
    marks = null;
    pass = null;
  };

  // Found by a scan: measured alone once nearMentions.ts says it is near. Gone: the text changed,
  // all are measured (a 1 MB page's first scan: a full pass per slice was 330 of its 660 ms).
  const unsubscribe = store.onChange(({ added, removed }) => {
    let gone = false;
    for (const r of removed) {
      near?.unwatch(r);
      gone = tracked.delete(r) || gone;
    }
    const before = tracked.size;
    for (const r of added) {
      if (!isPrivate(r)) continue;
      tracked.add(r);
      near?.watch(r);
    }
    if (!gone && tracked.size === before) return;
    watchChanges();
    if (gone) queue(FULL);
  });
  for (const r of store.all()) if (isPrivate(r)) tracked.add(r);

  const setOn = (next: boolean) => {
    if (next && hasNames && !host) start();
    else if (!next && host) stop();
  };
  setOn(on);
  scope.onDispose(() => {
    unsubscribe();
    stop();
  });

  return {
    isHost: (node) => node === host,
    setOn,
    setActive(record) {
      const next = record && isPrivate(record) ? record : null;
      if (next === activeRecord) return;
      activeRecord = next;
      queue(NEAR);
    },
  };
}
