/**
 * The mention at the selection or caret, for the keyboard shortcut (Alt+Shift+C): a stored
 * mention that the selection touches, else a corpus name inside the selected text itself (an
 * explicit request: the ambiguity gate does not apply, and the text may be anywhere, even in a
 * form field's label or a heading we skipped).
 */
import type { Matcher } from '../../lib/text/matcher';
import { compareBoundaries, type MentionRecord, type MentionStore } from './mentions';

export function mentionAtSelection(store: MentionStore, matcher: () => Matcher): MentionRecord | null {
  const sel = document.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  let best: MentionRecord | null = null;
  for (const r of store.all()) {
    const { startContainer, startOffset, endContainer, endOffset } = r.range;
    if (!startContainer.isConnected) continue;
    try {
      // Touches: starts no later than the selection's end and ends no earlier than its start.
      if (range.comparePoint(startContainer, startOffset) === 1) continue;
      if (range.comparePoint(endContainer, endOffset) === -1) continue;
    } catch {
      continue; // another document or an offset that no longer exists
    }
    if (!best || compareBoundaries(r.range, best.range) < 0) best = r;
  }
  if (best || range.collapsed) return best;

  const text = sel.toString();
  const match = text.length <= 2000 ? matcher().findAll(text)[0] : undefined;
  if (!match) return null;
  return {
    entityId: match.entityId,
    alias: match.alias,
    ambiguous: false,
    range: new StaticRange(range),
    nodes: [],
    gen: -1,
  };
}

