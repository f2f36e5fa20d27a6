/**
 * Finds mentions in the page's visible text: walks a subtree in document order, building text
 * blocks (lib/text/textBlocks.ts) at the edges of non-inline elements, runs the one multi-pattern
 * matcher over each block, maps matches back to text nodes, passes them through the ambiguity
 * gate and records the accepted ones. Resumable: the walk stops whenever the work queue says to
 * yield and continues in the next slice.
 *
 * Skipped: script/style/form fields and the like (SKIP_TAGS), contenteditable regions, elements
 * that are not rendered (display: none, content-visibility: hidden), text that is not visible
 * (visibility: hidden), and the extension's own card.
 */
import type { AmbiguityGate } from '../../lib/text/ambiguity';
import type { Matcher } from '../../lib/text/matcher';
import { isWhitespace } from '../../lib/text/normalize';
import { locateSpan, SKIP_TAGS, TextBlockBuilder, type TextBlock } from '../../lib/text/textBlocks';
import type { MentionRecord, MentionStore } from './mentions';
import type { Job } from './schedule';

interface Frame {
  el: Element;
  /** End the block when leaving this element (it is not inline). */
  breakAfter: boolean;
  /** Its computed style (live), for `visible`. */
  style: CSSStyleDeclaration;
  /**
   * Its text is visible: 1 or 0, or -1 until a text child needs to know. Read lazily because
   * most elements hold only other elements and formatting whitespace, and every property read
   * of a computed style costs.
   */
  visible: number;
  /** A closed <details>: only its <summary> is rendered. */
  closed: boolean;
}

/** Only whitespace (lib/text/normalize.ts's one definition). */
function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isWhitespace(s.charCodeAt(i))) return false;
  return true;
}

/** Replaced and void elements that separate words even though they are displayed inline. */
const BREAKING_INLINE = new Set(['br', 'img', 'picture', 'hr']);

export interface ScannerDeps {
  matcher(): Matcher;
  store: MentionStore;
  gate: AmbiguityGate<MentionRecord>;
  /** The extension's own UI (the card host): never scanned. */
  isOwnUi(el: Element): boolean;
  /** Called when a scan had to stop because its subtree changed under it. */
  requeue(root: Element): void;
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
    const stack: Frame[] = [];
    let cursor: Node | null = null;
    let started = false;
    let old: Set<MentionRecord> | undefined;
    let gen = 0;

    const flush = () => {
      const block = builder.end();
      if (block) this.matchBlock(block, gen);
    };

    /** Enters an element: returns true to walk its children. */
    const enter = (el: Element): boolean => {
      const name = el.localName;
      if (SKIP_TAGS.has(name) || isOwnUi(el) || (el.hasAttribute('contenteditable') && (el as HTMLElement).isContentEditable)) {
        flush();
        return false;
      }
      if (!el.firstChild) {
        // Empty: it matters only as a possible block edge inside the current block.
        if (builder.isEmpty) return false;
        if (BREAKING_INLINE.has(name)) {
          flush();
          return false;
        }
      }
      const style = getComputedStyle(el);
      const display = style.display;
      const boxless = display === 'inline' || display === 'contents';
      const inline = boxless && !BREAKING_INLINE.has(name);
      if (!inline) flush();
      if (display === 'none' || !el.firstChild) return false;
      // content-visibility only applies to boxes that can be size-contained: never to inline
      // boxes or display: contents, so their (many) elements skip that read.
      if (!boxless && style.contentVisibility === 'hidden') return false;
      const closed = name === 'details' && !(el as HTMLDetailsElement).open;
      stack.push({ el, breakAfter: !inline, style, visible: -1, closed });
      return true;
    };

    const leave = (frame: Frame) => {
      if (frame.breakAfter) flush();
    };

    const start = (): boolean => {
      started = true;
      if (!root.isConnected || !this.scannable(root)) {
        store.removeWhere((r) => !r.nodes[0]!.isConnected || root.contains(r.nodes[0]!));
        return false;
      }
      old = new Set([...store.all()].filter((r) => root.contains(r.nodes[0]!)));
      gen = ++this.gen;
      if (!enter(root)) {
        finish();
        return false;
      }
      // Root is always a block edge.
      stack[0]!.breakAfter = true;
      cursor = root.firstChild;
      return true;
    };

    const finish = () => {
      flush();
      if (old && old.size) store.removeWhere((r) => old!.has(r) || !r.nodes[0]!.isConnected);
      return true;
    };

    return (shouldYield) => {
      if (!started && !start()) return true;
      if (cursor && !cursor.isConnected) {
        // The page replaced part of the subtree while we were away: start over on what is there now.
        builder.end();
        if (root.isConnected) this.deps.requeue(root);
        return true;
      }
      while (cursor) {
        if (shouldYield()) return false;
        const node: Node = cursor;
        const parent = stack[stack.length - 1]!;
        let descend = false;
        if (parent.closed && (node as Element).localName !== 'summary') {
          // hidden content of a closed <details>
        } else if (node.nodeType === 3) {
          const text = node as Text;
          const data = text.data;
          // Whitespace at the start of a block cannot be part of a match: skip it (and the
          // visibility read it would need; most such nodes are the page's formatting).
          if (data.length > 0 && !(builder.isEmpty && isBlank(data))) {
            scanGen.set(text, gen);
            if (parent.visible < 0) parent.visible = parent.style.visibility === 'visible' ? 1 : 0;
            if (parent.visible === 1) builder.add(text, data);
          }
        } else if (node.nodeType === 1) {
          descend = enter(node as Element);
        }
        if (descend) {
          cursor = node.firstChild;
          continue;
        }
        // Next sibling, climbing out of finished elements.
        let next: Node | null = node.nextSibling;
        let at: Node = node;
        while (!next) {
          const parent = at.parentNode;
          if (!parent || parent === root) break;
          const frame = stack.pop();
          if (frame) leave(frame);
          at = parent;
          next = at.nextSibling;
        }
        cursor = next;
      }
      return finish();
    };
  }

  private matchBlock(block: TextBlock<Text>, gen: number): void {
    const matches = this.deps.matcher().findAll(block.text);
    if (matches.length === 0) return;
    const records: MentionRecord[] = [];
    for (const m of matches) {
      const span = locateSpan(block, m.start, m.end);
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
      });
    }
    const { gate } = this.deps;
    const wasOpen = gate.isOpen;
    const { accepted } = gate.add(records);
    // Held mentions released now may be stale (their text rescanned or removed since).
    this.deps.store.add(accepted.filter((r) => r.gen === gen || this.isCurrent(r)));
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
