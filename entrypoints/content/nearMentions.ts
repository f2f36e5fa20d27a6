/**
 * Which of the reader's private mentions may be near the viewport, known without asking the page's
 * layout (issue 18): an IntersectionObserver watches the element around each private mention's
 * text, with a margin wider than the marks' own (privateMarks.ts `NEAR_PX`), and the browser
 * works out the intersections in its own rendering step, not in our script. privateMarks.ts
 * measures the line boxes (`Range.getClientRects`, `elementFromPoint`) of only the mentions this
 * says may be near; one far down a long page costs nothing until a scroll or a layout change
 * brings its element near, and then `onNear` names it. So a page with hundreds of mentions of the
 * reader's names measures the few on screen after its scan, not all of them.
 *
 * The observer's first report comes after the browser has rendered the page: nothing is measured
 * before the first frame after the scan found the mentions.
 *
 * May be near: the element is within the margin, or its box is empty (`display: contents` has no
 * box of its own, yet its text is shown), or the text has no parent element (straight under a
 * shadow root), or the browser has no IntersectionObserver (then every mention is named at once).
 *
 * A page cannot see the observer (it is not in the page's DOM, nor an attribute of its elements).
 */

export interface NearMentions<R> {
  /** Follows `r` (a private mention found by a scan); `onNear` names it once its element is near. */
  watch(r: R): void;
  /** Stops following `r` (its text changed or was removed). */
  unwatch(r: R): void;
  /** May `r` be near the viewport (as of the observer's last report)? */
  mayBeNear(r: R): boolean;
  disconnect(): void;
}

interface Watched {
  records: Set<unknown>;
  near: boolean;
}

export function createNearMentions<R extends { nodes: readonly Node[] }>(marginPx: number, onNear: (records: R[]) => void): NearMentions<R> {
  const byElement = new Map<Element, Watched>();
  /** The element each mention was watched by (its text may have moved since). */
  const watchedBy = new Map<R, Element>();
  const io =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            const now: R[] = [];
            for (const e of entries) {
              const w = byElement.get(e.target);
              if (!w) continue;
              const box = e.boundingClientRect;
              const near = e.isIntersecting || (box.width === 0 && box.height === 0);
              if (near && !w.near) for (const r of w.records) now.push(r as R);
              w.near = near;
            }
            if (now.length) onNear(now);
          },
          { rootMargin: `${marginPx}px` },
        )
      : null;

  return {
    watch(r) {
      const el = r.nodes[0]?.parentElement;
      if (!io || !el) return onNear([r]);
      watchedBy.set(r, el);
      let w = byElement.get(el);
      if (!w) {
        w = { records: new Set(), near: false };
        byElement.set(el, w);
        io.observe(el);
      }
      w.records.add(r);
      if (w.near) onNear([r]);
    },
    unwatch(r) {
      const el = watchedBy.get(r);
      if (!el) return;
      watchedBy.delete(r);
      const w = byElement.get(el)!;
      w.records.delete(r);
      if (w.records.size > 0) return;
      byElement.delete(el);
      io?.unobserve(el);
    },
    mayBeNear(r) {
      const el = watchedBy.get(r);
      return !el || byElement.get(el)!.near;
    },
    disconnect() {
      io?.disconnect();
      byElement.clear();
      watchedBy.clear();
    },
  };
}
