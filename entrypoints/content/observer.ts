/**
 * Dynamic pages. The MutationObserver callback only queues its records; the queue is turned into
 * rescans later, in the work queue's idle slices: each changed node is widened to its nearest
 * block-level container (by tag: cheap, no style), containers inside others are dropped, and each
 * remaining one is rescanned. Mutations inside skipped content (<head>, scripts, styles, our own
 * card) are ignored, so CSS-in-JS and our card's host never trigger work.
 *
 * Open shadow roots the scanner reads are watched by the same observer (`watch`); a change in
 * one is widened to its container the same way, out of the shadow tree to its host if need be.
 *
 * SPA navigation: when the URL's path or query changes, `onNavigate` resets and rescans the page,
 * at the URL check or at the first flush of changes that finds the URL moved, whichever comes first.
 */
import { INLINE_TAGS, SKIP_TAGS } from '../../lib/text/textBlocks';
import type { Job, WorkQueue } from './schedule';
import type { Scope } from './scope';

/** Beyond this many changed containers in one batch, rescanning the whole body is cheaper. */
const MAX_CONTAINERS = 64;

export interface ObserverDeps {
  queue: WorkQueue;
  /** Our own element (the card host): its insertion and removal are not page changes. */
  isOwnUi(node: Node): boolean;
  /** Drop mentions whose text left the document. */
  purgeDetached(): void;
  rescan(container: Element): Job;
  onNavigate(): void;
}

/** The element to rescan for a change at `node`, or null when the change cannot matter. */
function containerOf(node: Node, isOwnUi: (n: Node) => boolean): Element | null {
  let el: Element | null = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  let container: Element | null = null;
  for (let e = el; e; e = composedParent(e)) {
    if (SKIP_TAGS.has(e.localName) || isOwnUi(e)) return null;
    if (!container && !INLINE_TAGS.has(e.localName)) container = e;
  }
  // Text right under a shadow root: its host.
  if (!container && node.parentNode?.nodeType === Node.DOCUMENT_FRAGMENT_NODE) container = (node.parentNode as ShadowRoot).host ?? null;
  if (!container || !node.isConnected) return null;
  el = container;
  // Never above <body>: changes to <html> itself (our host, a page's overlay) rescan the body.
  if (el === document.documentElement) return document.body;
  return el;
}

/** The parent element, or out of a shadow tree its host. */
function composedParent(e: Element): Element | null {
  const p = e.parentNode;
  if (p && p.nodeType === Node.DOCUMENT_FRAGMENT_NODE) return (p as ShadowRoot).host ?? null;
  return e.parentElement;
}

export interface PageObserver {
  /** Watch an open shadow root's changes too (the document's observer does not see into it). */
  watch(root: ShadowRoot): void;
}

export function observePage(scope: Scope, deps: ObserverDeps): PageObserver {
  let pending: MutationRecord[] = [];
  let queued = false;

  const flush: Job = () => {
    queued = false;
    // The URL moved before its check came (the Navigation API's 50 ms, or the 1 s poll): the new
    // page is scanned whole from the reset, never in part first and then emptied by the reset.
    if (navigated()) return true;
    const records = pending;
    pending = [];
    const targets = new Set<Node>();
    for (const rec of records) {
      if (rec.type !== 'childList') {
        targets.add(rec.target); // text edited, or an element shown/hidden
        continue;
      }
      // A block element added starts and ends its own text blocks: scan it alone (a widget
      // appended to <body> must not rescan the whole page). Added or removed text and inline
      // elements change the text of the block around them: rescan that block.
      let around = false;
      for (const n of rec.addedNodes) {
        if (deps.isOwnUi(n)) continue;
        if (n.nodeType === Node.ELEMENT_NODE && !INLINE_TAGS.has((n as Element).localName)) targets.add(n);
        else if (n.nodeType === Node.TEXT_NODE || n.nodeType === Node.ELEMENT_NODE) around = true;
      }
      for (const n of rec.removedNodes) {
        if (deps.isOwnUi(n)) continue;
        // Removed blocks take their mentions with them (purged below); removed inline content joins its neighbours.
        if (n.nodeType === Node.TEXT_NODE || (n.nodeType === Node.ELEMENT_NODE && INLINE_TAGS.has((n as Element).localName))) around = true;
      }
      if (around) targets.add(rec.target);
    }
    deps.purgeDetached();
    const containers = new Set<Element>();
    for (const t of targets) {
      const c = containerOf(t, deps.isOwnUi);
      if (c) containers.add(c);
      if (containers.size > MAX_CONTAINERS) break;
    }
    if (containers.size === 0) return true;
    let roots = [...containers];
    if (roots.length > MAX_CONTAINERS && document.body) roots = [document.body];
    // Keep only outermost containers.
    roots = roots.filter((c) => !roots.some((o) => o !== c && o.contains(c)));
    for (const c of roots) deps.queue.push(deps.rescan(c));
    return true;
  };

  // Only queues: no DOM reads or writes in the observer callback.
  const observer = new MutationObserver((records) => {
    for (const r of records) pending.push(r);
    if (!queued) {
      queued = true;
      deps.queue.push(flush);
    }
  });
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'open'] };
  observer.observe(document.documentElement, options);
  scope.onDispose(() => observer.disconnect());
  const watched = new WeakSet<ShadowRoot>();

  let lastPage = pageKey(location.href);
  /** Resets the page if its URL's path or query moved since the last look (not the #fragment); true if it did. */
  function navigated(): boolean {
    const key = pageKey(location.href);
    if (key === lastPage) return false;
    lastPage = key;
    deps.onNavigate(); // clears the work queue, our queued flush with it
    pending = [];
    queued = false;
    return true;
  }
  // The Navigation API reports the new URL before the page has updated; check in a moment.
  watchLocation(scope, () => scope.timeout(navigated, 50));
  return {
    watch(root) {
      if (watched.has(root)) return;
      watched.add(root);
      observer.observe(root, options);
    },
  };
}

/** The URL without its fragment: in-page anchors are not navigations. */
function pageKey(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

interface NavigationLike extends EventTarget {
  addEventListener(type: 'navigate', listener: (e: Event) => void, options?: AddEventListenerOptions): void;
}

/**
 * Calls back when the page may have changed its URL (SPA navigation): the Navigation API's
 * `navigate` where the browser has it, else a check every second. Only the browser's own events
 * count (a page can dispatch `navigate` itself); the callback compares URLs anyway.
 */
function watchLocation(scope: Scope, onChange: () => void): void {
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    scope.listen(navigation, 'navigate', (e) => e.isTrusted && onChange());
    return;
  }
  let last = location.href;
  const poll = () => {
    if (location.href !== last) {
      last = location.href;
      onChange();
    }
    scope.timeout(poll, 1000);
  };
  scope.timeout(poll, 1000);
}
