/**
 * Text blocks: the page's text as the matcher sees it. The content script walks the DOM and feeds
 * text nodes here in document order, ending a block at every edge of a non-inline element (and at
 * <br>), so "Free <b>Syrian</b> Army" is one string while two list items or table cells never
 * run together. A match's offsets into the block string map back to (node, offset) pairs.
 *
 * Generic over the node type, so this runs in Node under Vitest with plain objects standing in
 * for DOM text nodes. Pure logic: no DOM, no `browser`.
 */
import { hasText } from './normalize';

export interface TextBlock<N> {
  /** The concatenated text of `nodes`. */
  text: string;
  /** The text nodes, in document order; none is empty. */
  nodes: N[];
  /** `starts[i]` is the offset in `text` at which `nodes[i]`'s text begins. */
  starts: number[];
}

/** A span of a block expressed as DOM boundary points. */
export interface NodeSpan<N> {
  startNode: N;
  startOffset: number;
  endNode: N;
  endOffset: number;
  /** Every node the span touches, start to end. */
  nodes: N[];
}

/**
 * Elements whose text flows inline with their surroundings (HTML's phrasing elements that hold
 * text). Any other element — and any element the page styles with a non-inline display — ends the
 * current block at both of its edges. Lower-case local names.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em',
  'font', 'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var',
]);

/**
 * Elements whose content is never scanned: code and styles, form fields, embedded content whose
 * children are fallback, and metadata. (Contenteditable regions, hidden elements and the
 * extension's own UI are excluded by the DOM walker, which can see them.)
 */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'optgroup',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'canvas', 'video', 'audio', 'svg', 'math',
  'head', 'title', 'meta', 'link', 'base',
]);

/** Accumulates text nodes into blocks. `end()` closes the current block and returns it. */
export class TextBlockBuilder<N> {
  private parts: string[] = [];
  private nodes: N[] = [];
  private starts: number[] = [];
  private length = 0;
  private hasText = false;

  /** Appends a text node to the current block (empty text is ignored). */
  add(node: N, text: string): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.nodes.push(node);
    this.starts.push(this.length);
    this.length += text.length;
    if (!this.hasText && hasText(text)) this.hasText = true;
  }

  /** True when the current block has no node yet. */
  get isEmpty(): boolean {
    return this.nodes.length === 0;
  }

  /**
   * Ends the current block. Returns it, or undefined when it is empty or only whitespace (nothing
   * to match there).
   */
  end(): TextBlock<N> | undefined {
    if (this.nodes.length === 0) return undefined;
    const block = this.hasText ? { text: this.parts.join(''), nodes: this.nodes, starts: this.starts } : undefined;
    this.parts = [];
    this.nodes = [];
    this.starts = [];
    this.length = 0;
    this.hasText = false;
    return block;
  }
}

/** Convenience for tests and small inputs: blocks from node lists, one list per block. */
export function buildBlocks<N>(groups: ReadonlyArray<ReadonlyArray<readonly [N, string]>>): TextBlock<N>[] {
  const builder = new TextBlockBuilder<N>();
  const out: TextBlock<N>[] = [];
  for (const group of groups) {
    for (const [node, text] of group) builder.add(node, text);
    const block = builder.end();
    if (block) out.push(block);
  }
  return out;
}

/** Index of the last node whose start is <= offset (binary search). */
function nodeAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Maps `[start, end)` of `block.text` (0 <= start < end <= text.length) to boundary points. A
 * start that falls exactly at a node's end is placed at the beginning of the next node, and an
 * end that falls exactly at a node's start at the end of the previous node, so a span never
 * touches a node it has no character of.
 */
export function locateSpan<N>(block: TextBlock<N>, start: number, end: number): NodeSpan<N> {
  if (!(start >= 0 && start < end && end <= block.text.length)) {
    throw new RangeError(`span [${start}, ${end}) outside block of length ${block.text.length}`);
  }
  const si = nodeAt(block.starts, start);
  const ei = nodeAt(block.starts, end - 1);
  return {
    startNode: block.nodes[si]!,
    startOffset: start - block.starts[si]!,
    endNode: block.nodes[ei]!,
    endOffset: end - block.starts[ei]!,
    nodes: block.nodes.slice(si, ei + 1),
  };
}

/** `locateSpan` for every match, keeping each match's own fields. */
export function locateMatches<N, M extends { start: number; end: number }>(
  block: TextBlock<N>,
  matches: readonly M[],
): Array<{ match: M; span: NodeSpan<N> }> {
  return matches.map((match) => ({ match, span: locateSpan(block, match.start, match.end) }));
}
