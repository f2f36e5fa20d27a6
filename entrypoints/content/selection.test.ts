// @vitest-environment happy-dom
/**
 * Alt+Shift+C in a form field (happy-dom): a <textarea>'s or text <input>'s selection is not a DOM
 * Range, so the text is read from the field's value at its selection (or around its caret), the
 * matcher names the entity, and the card is anchored to the field's box. The field is only read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MatchPattern } from '../../lib/corpus/types';
import { Matcher } from '../../lib/text/matcher';
import { referenceBox } from './frameHost';
import { MentionStore } from './mentions';
import { mentionAtSelection, textAtFieldSelection } from './selection';

const pat = (text: string, entityId: string): MatchPattern => ({ text, entityId, caseSensitive: false, ambiguous: false });
const matcher = new Matcher([pat('Mosul', 'mosul'), pat('Syrian Democratic Forces', 'syrian-democratic-forces')]);
const VALUE = 'Notes: the battle of Mosul, then the Syrian Democratic Forces took Raqqa.';

function field<T extends HTMLTextAreaElement | HTMLInputElement>(el: T, start: number, end = start): T {
  el.value = VALUE;
  document.body.replaceChildren(el);
  el.focus();
  el.setSelectionRange(start, end);
  return el;
}
const textarea = (start: number, end?: number) => field(document.createElement('textarea'), start, end);

describe('textAtFieldSelection', () => {
  it('reads the selected text of a focused textarea, leaving its value and selection as they were', () => {
    const at = VALUE.indexOf('Mosul');
    const ta = textarea(at, at + 5);
    expect(textAtFieldSelection(document)).toEqual({ field: ta, text: 'Mosul' });
    expect([ta.value, ta.selectionStart, ta.selectionEnd]).toEqual([VALUE, at, at + 5]);
  });

  it('reads a text input too, but never a password field or an unfocused field', () => {
    const input = field(document.createElement('input'), 0, 5);
    expect(textAtFieldSelection(document)?.text).toBe('Notes');
    input.type = 'password';
    expect(textAtFieldSelection(document)).toBeNull();
    input.type = 'text';
    input.blur();
    expect(textAtFieldSelection(document)).toBeNull();
  });

  it('for a caret, gives the text around it (at most 2000 characters) and where the caret is in it', () => {
    const ta = document.createElement('textarea');
    document.body.replaceChildren(ta);
    ta.value = `${'x '.repeat(1500)}Mosul${' y'.repeat(1500)}`;
    ta.focus();
    ta.setSelectionRange(3002, 3002);
    const got = textAtFieldSelection(document)!;
    expect(got.text).toHaveLength(2000);
    expect(got.text.slice(got.caret! - 2, got.caret! + 3)).toBe('Mosul');
  });
});

describe('mentionAtSelection in a form field', () => {
  beforeEach(() => {
    // happy-dom has no StaticRange; the record's range is only a placeholder for a field.
    if (typeof StaticRange === 'undefined') vi.stubGlobal('StaticRange', class {});
  });
  afterEach(() => vi.unstubAllGlobals());

  it('names the entity in the selected text and anchors the card to the field', () => {
    const at = VALUE.indexOf('Mosul');
    const ta = textarea(at, at + 5);
    ta.getBoundingClientRect = () => ({ left: 10, top: 20, right: 310, bottom: 120 }) as DOMRect;
    const m = mentionAtSelection(new MentionStore(), () => matcher)!;
    expect(m).toMatchObject({ entityId: 'mosul', alias: 'Mosul', field: ta, nodes: [] });
    expect(referenceBox({ field: m.field! })).toEqual({ left: 10, top: 20, right: 310, bottom: 120 });
    ta.remove();
    expect(referenceBox({ field: m.field! })).toBeNull();
  });

  it('with a caret, finds the name of several words the caret is in, and nothing where there is none', () => {
    const ta = textarea(VALUE.indexOf('Democratic') + 3);
    expect(mentionAtSelection(new MentionStore(), () => matcher)?.entityId).toBe('syrian-democratic-forces');
    ta.setSelectionRange(2, 2); // in "Notes"
    expect(mentionAtSelection(new MentionStore(), () => matcher)).toBeNull();
  });
});
