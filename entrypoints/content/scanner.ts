/**
 * Finds mentions in the page's visible text: walks a subtree in document order (./domWalk.ts,
 * open shadow trees included), building text blocks (lib/text/textBlocks.ts) at the edges of
 * non-inline elements, runs the one multi-pattern matcher over each block, maps matches back to
 * text nodes, keeps those whose text is shown, passes them through the ambiguity gate and records
 * the accepted ones. Resumable: the walk stops whenever the work queue says to yield and
 * continues in the next slice.
 *
 * Skipped: script/style/form fields and the like (SKIP_TAGS), contenteditable regions and the
 * extension's own card (by the walk); names in elements that are not rendered (display: none,
 * content-visibility: hidden) or not visible (visibility: hidden), asked of the browser only
 * where a name was found.
 */
import type { AmbiguityGate } from '../../lib/text/ambiguity';
import type { Match } from '../../lib/corpus/types';
import type { Matcher } from '../../lib/text/matcher';
import { hasText } from '../../lib/text/normalize';
import { locateSpan, SKIP_TAGS, TextBlockBuilder, type TextBlock } from '../../lib/text/textBlocks';
import type { MentionRecord, MentionStore } from './mentions';
import { DomWalk, type WalkSink } from './domWalk';
import type { Job } from './schedule';

/** Is `node` in `root`'s subtree, counting the shadow trees of hosts in it? */
function containsComposed(root: Node, node: Node): boolean {
  for (let n: Node | null = node; n; ) {
    if (root.contains(n)) return true;
    const top = n.getRootNode();
    n = top.nodeType === 11 ? (top as ShadowRoot).host : null;
  }
  return false;
}

/** Element.checkVisibility where the browser has it (Chromium 105+, Firefox 106+); else all counts as shown. */
const checkVisibility = (Element.prototype as { checkVisibility?: (this: Element, o?: { visibilityProperty?: boolean }) => boolean }).checkVisibility;

/** Is the text of `el` shown (rendered, not visibility: hidden, not under content-visibility: hidden)? */
function shown(el: Element | null, seen: Map<Element, boolean>): boolean {
  if (!el) return false;
  let v = seen.get(el);
  if (v === undefined) {
    // (checkVisibility looks at the ancestors' content-visibility, not the element's own, which hides its text.)
    v = (!checkVisibility || checkVisibility.call(el, { visibilityProperty: true })) && getComputedStyle(el).contentVisibility !== 'hidden';
    seen.set(el, v);
  }
  return v;
}

export interface ScannerDeps {
  matcher(): Matcher;
  store: MentionStore;
  gate: AmbiguityGate<MentionRecord>;
  /** The extension's own UI (the card host): never scanned. */
  isOwnUi(el: Element): boolean;
  /** Called when a scan had to stop because its subtree changed under it. */
  requeue(root: Element): void;
  /** An open shadow root the walk read (its changes are to be watched). */
  onShadowRoot(root: ShadowRoot): void;
}

/**
 * Ambiguous mentions held while the page has no unambiguous one. Rescans of a busy page hold them
 * again and again; beyond this many the gate is emptied, and the whole page is rescanned if it
 * opens later (so nothing held is lost).
 */
const MAX_HELD = 500;

export class Scanner {
  private gen = 0;
  private forgotHeld = false;
  /** Generation of the scan that last read each text node. */
  private readonly scanGen = new WeakMap<Text, number>();
  /** Mentions held by the gate whose visibility is still to be asked (matchBlock). */
  private readonly unseen = new WeakSet<MentionRecord>();

  constructor(private readonly deps: ScannerDeps) {}

  /** After navigation: the gate was reset and a full scan is queued. */
  reset(): void {
    this.forgotHeld = false;
  }

  /** Can mentions under `root` count at all (not inside something skipped or hidden)? */
  scannable(root: Element): boolean {
    for (let el: Element | null = root; el; el = el.parentElement) {
      if (SKIP_TAGS.has(el.localName) || this.deps.isOwnUi(el)) return false;
    }
    // The whole page, not editable: no style asked before a name is found (isContentEditable and
    // checkVisibility each force a style recalc; `shown` asks of each mention's nodes, which a
    // hidden body hides too), so a page that names nothing forces no recalc of its style.
    const html = document.documentElement;
    if ((root === document.body || root === html) && document.designMode !== 'on' && !root.hasAttribute('contenteditable') && !html.hasAttribute('contenteditable')) return true;
    if ((root as HTMLElement).isContentEditable) return false;
    const check = (root as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
    if (check && !check.call(root, { visibilityProperty: true, checkVisibilityCSS: true })) {
      // display: contents has no box of its own, but its children are rendered.
      if (getComputedStyle(root).display !== 'contents') return false;
    }
    return true;
  }

  /** Is a held or stored mention still what the page shows (its nodes unchanged since found)? */
  isCurrent(r: MentionRecord): boolean {
    for (const n of r.nodes) if (!n.isConnected || this.scanGen.get(n) !== r.gen) return false;
    return true;
  }

  /**
   * A job that scans `root`'s subtree and, when done, drops the mentions found there by earlier
   * scans (new ones are added as they are found, so underlines never blink off).
   */
  scanJob(root: Element): Job {
    const { store, isOwnUi } = this.deps;
    const { scanGen } = this;
    const builder = new TextBlockBuilder<Text>();
    let walk: DomWalk | undefined;
    let old: Set<MentionRecord> | undefined;
    let gen = 0;

    const edge = () => {
      const block = builder.end();
      if (block) this.matchBlock(block, gen);
    };
    const sink: WalkSink = {
      text: (node) => {
        const data = node.data;
        // Whitespace at the start of a block cannot be part of a match (most such nodes are the page's formatting).
        if (data.length === 0 || (builder.isEmpty && !hasText(data))) return;
        scanGen.set(node, gen);
        builder.add(node, data);
      },
      edge,
      shadowRoot: (sr) => this.deps.onShadowRoot(sr),
    };

    const start = (): boolean => {
      if (!root.isConnected || !this.scannable(root)) {
        store.removeWhere((r) => !r.nodes[0]!.isConnected || containsComposed(root, r.nodes[0]!));
        return false;
      }
      old = new Set([...store.all()].filter((r) => containsComposed(root, r.nodes[0]!)));
      gen = ++this.gen;
      walk = new DomWalk(root, sink, isOwnUi);
      if (walk.start()) return true;
      finish();
      return false;
    };

    const finish = () => {
      edge();
      if (old && old.size) store.removeWhere((r) => old!.has(r) || !r.nodes[0]!.isConnected);
      return true;
    };

    return (shouldYield) => {
      if (!walk && !start()) return true;
      if (walk!.lost) {
        // The page replaced part of the subtree while we were away: start over on what is there now.
        builder.end();
        if (root.isConnected) this.deps.requeue(root);
        return true;
      }
      return walk!.run(shouldYield) && finish();
    };
  }

  private matchBlock(block: TextBlock<Text>, gen: number): void {
    // What the page may see is read as if the user had no names of their own; their names apart.
    const { open, mine } = this.deps.matcher().findLayers(block.text);
    if (open.length === 0 && mine.length === 0) return;
    const seen = new Map<Element, boolean>();
    const isShown = (nodes: readonly Text[]) => nodes.every((n) => shown(n.parentElement, seen));
    const recordsOf = (matches: readonly Match[], isMine: boolean, unseen = false): MentionRecord[] => {
      const records: MentionRecord[] = [];
      for (const m of matches) {
        const span = locateSpan(block, m.start, m.end);
        // Shown? Asked here, of the few nodes with a name, not of every element on the way.
        if (!unseen && !isShown(span.nodes)) continue;
        records.push({
          entityId: m.entityId,
          alias: m.alias,
          ambiguous: m.ambiguous,
          range: new StaticRange({
            startContainer: span.startNode,
            startOffset: span.startOffset,
            endContainer: span.endNode,
            endOffset: span.endOffset,
          }),
          nodes: span.nodes,
          gen,
          ...(isMine ? { mine: true as const } : {}),
        });
        if (unseen) this.unseen.add(records[records.length - 1]!);
      }
      return records;
    };
    // The user's own names never pass the gate: only mentions a page may see open it, so which
    // ambiguous names are underlined does not depend on them.
    const mineRecords = recordsOf(mine, true);
    if (mineRecords.length) this.deps.store.add(mineRecords);
    const { gate } = this.deps;
    // Only ambiguous names while the gate is closed: the gate holds them, and whether their text
    // is shown is asked if it ever releases them (most pages never do: no style recalc for them).
    const records = recordsOf(open, false, !gate.isOpen && open.every((m) => m.ambiguous));
    if (records.length === 0) return;
    const wasOpen = gate.isOpen;
    const { accepted } = gate.add(records);
    // Held mentions released now may be stale (their text rescanned or removed since) or hidden.
    this.deps.store.add(accepted.filter((r) => (r.gen === gen || this.isCurrent(r)) && (!this.unseen.delete(r) || isShown(r.nodes))));
    if (!gate.isOpen && gate.heldCount > MAX_HELD) {
      gate.reset();
      this.forgotHeld = true;
    } else if (!wasOpen && gate.isOpen && this.forgotHeld) {
      this.forgotHeld = false;
      const body = document.body;
      if (body) this.deps.requeue(body);
    }
  }
}
