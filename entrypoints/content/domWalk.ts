/**
 * The scanner's walk over a subtree, in document order, resumable between slices. It asks the
 * page for no style: whether an element ends a text block is decided by its tag (INLINE_TAGS of
 * lib/text/textBlocks.ts), and whether text is shown is asked only of the few text nodes a name
 * was found in (the scanner's `visible`), so a page costs about the reading of its text, not a
 * computed style per element. (A page that styles a <span> as a block, or a <div> inline, can
 * join or split two words across the edge; names hardly ever cross elements.)
 *
 * Open shadow roots are read where their host stands: the shadow tree first (what the host
 * renders), then the host's own children (what its slots show), each a block of its own. A
 * closed shadow root is out of reach (`shadowRoot` is null): nothing there is read.
 *
 * Skipped: SKIP_TAGS, the extension's own UI, contenteditable regions, a closed <details> but
 * its <summary>.
 */
import { INLINE_TAGS, SKIP_TAGS } from '../../lib/text/textBlocks';

export interface WalkSink {
  /** A text node, in document order (may be hidden: the scanner checks where it finds a name). */
  text(node: Text): void;
  /** A block edge: the text before and after never runs together. */
  edge(): void;
  /** An open shadow root met on the way (to watch its changes). */
  shadowRoot(root: ShadowRoot): void;
}

/** Replaced and void elements that separate words even though they are displayed inline. */
const BREAKING_INLINE = new Set(['br', 'img', 'picture', 'hr']);

/* Flags of an element on the walk's path. */
const BREAK = 1; // not inline: a block edge when leaving it
const CLOSED = 2; // a closed <details>: only its <summary> is shown
const LIGHT = 4; // a shadow host whose own children are still to read

export class DomWalk {
  /** Flags of each element entered, root first. */
  private readonly path: number[] = [];
  private cursor: Node | null = null;

  constructor(
    private readonly root: Element,
    private readonly sink: WalkSink,
    private readonly isOwnUi: (el: Element) => boolean,
  ) {}

  /** Enters the root; false when there is nothing under it to read. */
  start(): boolean {
    const first = this.enter(this.root);
    if (!first) return false;
    this.path[0]! |= BREAK; // the root is always a block edge
    this.cursor = first;
    return true;
  }

  /** The page removed the node the walk was to resume at. */
  get lost(): boolean {
    return this.cursor !== null && !this.cursor.isConnected;
  }

  /** Walks until `shouldYield` says to stop (false) or the subtree is read (true). */
  run(shouldYield: () => boolean): boolean {
    const { path, sink } = this;
    while (this.cursor) {
      if (shouldYield()) return false;
      const node: Node = this.cursor;
      let down: Node | null = null;
      if ((path[path.length - 1]! & CLOSED) !== 0 && (node as Element).localName !== 'summary') {
        // hidden content of a closed <details>
      } else if (node.nodeType === 3) {
        sink.text(node as Text);
      } else if (node.nodeType === 1) {
        down = this.enter(node as Element);
      }
      this.cursor = down ?? this.next(node);
    }
    return true;
  }

  /** Enters an element: its first node to read (its shadow tree's, else its own), or null to pass it. */
  private enter(el: Element): Node | null {
    const name = el.localName;
    if (SKIP_TAGS.has(name) || this.isOwnUi(el) || (el.hasAttribute('contenteditable') && (el as HTMLElement).isContentEditable)) {
      this.sink.edge();
      return null;
    }
    const shadow = el.shadowRoot;
    const first = shadow?.firstChild ?? el.firstChild;
    const inline = INLINE_TAGS.has(name);
    if (!inline || (!first && BREAKING_INLINE.has(name))) this.sink.edge();
    if (!first) return null;
    if (shadow) this.sink.shadowRoot(shadow);
    const closed = name === 'details' && !(el as HTMLDetailsElement).open;
    this.path.push((inline ? 0 : BREAK) | (closed ? CLOSED : 0) | (shadow?.firstChild && el.firstChild ? LIGHT : 0));
    return first;
  }

  /** The node after `node`'s subtree, climbing out of finished elements (and shadow trees). */
  private next(node: Node): Node | null {
    const { path, root, sink } = this;
    let at: Node = node;
    for (;;) {
      const sibling = at.nextSibling;
      if (sibling) return sibling;
      const parent = at.parentNode;
      if (!parent) return null;
      if (parent.nodeType === 11) {
        // The end of a shadow tree: its host's own children, or on past the host.
        const host = (parent as ShadowRoot).host;
        const flags = path[path.length - 1]!;
        if ((flags & LIGHT) !== 0) {
          path[path.length - 1] = flags & ~LIGHT;
          sink.edge();
          return host.firstChild;
        }
        if (host === root) return null;
        if ((path.pop()! & BREAK) !== 0) sink.edge();
        at = host;
        continue;
      }
      if (parent === root) return null;
      if ((path.pop()! & BREAK) !== 0) sink.edge();
      at = parent;
    }
  }
}
