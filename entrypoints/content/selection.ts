/**
 * The mention at the selection or caret, for the keyboard shortcut (Alt+Shift+C): a stored
 * mention that the selection touches, else a corpus name inside the selected text itself (an
 * explicit request: the ambiguity gate does not apply, and the text may be anywhere, even in a
 * form field's label or a heading we skipped).
 *
 * In a focused <textarea> or text <input> the selection is not a DOM Range: the field's own
 * selection is read from its value (only read: the page's DOM and the field are never changed),
 * and the card is anchored to the field.
 */
import type { Matcher } from '../../lib/text/matcher';
import { compareBoundaries, type MentionRecord, type MentionStore } from './mentions';

const MAX_TEXT = 2000;
/** Inputs with a text selection API (never passwords; email and number have none). */
const TEXT_INPUTS = new Set(['text', 'search', 'url', 'tel']);

type TextField = HTMLTextAreaElement | HTMLInputElement;

interface FieldText {
  field: TextField;
  /** The selected text, or for a caret the text around it (at most MAX_TEXT characters). */
  text: string;
  /** For a caret: its offset in `text` (the name must touch it); undefined for a selection. */
  caret?: number;
}

/** The focused form field's selection as text; null when focus is not in a textarea or text input. */
export function textAtFieldSelection(doc: Document): FieldText | null {
  const field = doc.activeElement;
  const isField = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && TEXT_INPUTS.has(field.type));
  if (!isField) return null;
  const { value, selectionStart: start, selectionEnd: end } = field;
  if (start === null || end === null) return null;
  if (start !== end) return end - start <= MAX_TEXT ? { field, text: value.slice(start, end) } : null;
  // A caret: the text around it, so that a name of several words is found from any of them.
  const from = Math.max(0, start - MAX_TEXT / 2);
  return { field, text: value.slice(from, start + MAX_TEXT / 2), caret: start - from };
}

/** The corpus name in a form field's selection (or touching its caret), anchored to the field. */
function mentionInField({ field, text, caret }: FieldText, matcher: Matcher): MentionRecord | null {
  const matches = matcher.findAll(text);
  const match = caret === undefined ? matches[0] : matches.find((m) => m.start <= caret && caret <= m.end);
  if (!match) return null;
  return {
    entityId: match.entityId,
    alias: match.alias,
    ambiguous: false,
    range: new StaticRange({ startContainer: field, startOffset: 0, endContainer: field, endOffset: 0 }),
    nodes: [],
    gen: -1,
    field,
  };
}

export function mentionAtSelection(store: MentionStore, matcher: () => Matcher): MentionRecord | null {
  const inField = textAtFieldSelection(document);
  if (inField) return mentionInField(inField, matcher());
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
  const match = text.length <= MAX_TEXT ? matcher().findAll(text)[0] : undefined;
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
