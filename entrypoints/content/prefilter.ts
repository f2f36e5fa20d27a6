/**
 * Which parts of a page the scanner walks (./scanner.ts, for the whole-page scan). The browser
 * reads a part's rendered text natively (`innerText`: block edges from layout, no hidden text,
 * no script) and the matcher's pre-filter (`Matcher.mayMatch`) says whether any name could be in
 * it. A part with none is not walked at all, so a page that names nothing the corpus knows costs
 * about one native read of its text and one pass of the automaton, not a walk of its DOM in script.
 *
 * A part that may hold a name, or is too big to read in one go (MAX_READ_ELEMENTS elements or
 * MAX_READ_CHARS characters: one native call must never be a long task), is split into its
 * children where that cannot join or split words (only non-inline children, no text of its own,
 * not a shadow host, not a <details>), down to MAX_SPLIT_DEPTH levels of reading; else walked.
 * Open shadow trees are not in `innerText`: a part holding a shadow host is walked. (A name that
 * CSS shows in another case than the DOM's, `text-transform: lowercase` on "ISIS", could be missed
 * by the filter where the case-sensitive alias is the only one: a trade for reading natively.)
 *
 * It only reads the page: `innerText`, element counts, child lists.
 */
import { INLINE_TAGS } from '../../lib/text/textBlocks';
import { isWhitespace } from '../../lib/text/normalize';

export const MAX_READ_ELEMENTS = 2000;
const MAX_READ_CHARS = 100_000;
const MAX_SPLIT_DEPTH = 8;

export type Plan = 'skip' | 'walk' | 'split';

/** Only whitespace (lib/text/normalize.ts's one definition). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isWhitespace(s.charCodeAt(i))) return false;
  return true;
}

/** The sibling before or after `n`, passing comments and whitespace (which join no words). */
function neighbour(n: Node, forward: boolean): Node | null {
  for (let m = forward ? n.nextSibling : n.previousSibling; m; m = forward ? m.nextSibling : m.previousSibling) {
    if (m.nodeType === 8 || (m.nodeType === 3 && isBlank((m as Text).data))) continue;
    return m;
  }
  return null;
}

const isInline = (n: Node | null): boolean => n !== null && (n.nodeType !== 1 || INLINE_TAGS.has((n as Element).localName));

/**
 * Can `el`'s element children be scanned as separate parts without joining or splitting words?
 * Yes when it has no text of its own and no two inline children meet (an inline child between
 * blocks, such as a skip link, is a block of its own to the walk too).
 */
function splittable(el: Element): boolean {
  if (el.shadowRoot || el.localName === 'details' || (el as HTMLElement).isContentEditable) return false;
  let elements = 0;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 && !isBlank((n as Text).data)) return false;
    if (n.nodeType !== 1) continue;
    elements++;
    if (INLINE_TAGS.has((n as Element).localName) && isInline(neighbour(n, false))) return false;
  }
  return elements > 0;
}

function holdsShadowHost(el: Element, all: HTMLCollectionOf<Element>): boolean {
  if (el.shadowRoot) return true;
  for (let i = 0; i < all.length; i++) if (all[i]!.shadowRoot) return true;
  return false;
}

/** What to do with the part `el`, read at split depth `depth`. */
export function planPart(el: Element, depth: number, mayMatch: (text: string) => boolean): Plan {
  if (!('innerText' in el) || depth > MAX_SPLIT_DEPTH) return 'walk';
  const all = el.getElementsByTagName('*');
  if (all.length > MAX_READ_ELEMENTS) return splittable(el) ? 'split' : 'walk';
  const text = (el as HTMLElement).innerText;
  if (text.length > MAX_READ_CHARS) return splittable(el) ? 'split' : 'walk';
  // No name in what innerText shows, and no open shadow tree it does not show: nothing to walk.
  if (!mayMatch(text) && !holdsShadowHost(el, all)) return 'skip';
  // Else narrow it down to the children that hold it, where they are blocks.
  return depth < MAX_SPLIT_DEPTH && splittable(el) ? 'split' : 'walk';
}
