/**
 * Underlines without touching the page's DOM: the CSS Custom Highlight API paints the stored
 * ranges, styled by highlights.css (injected by the browser from the manifest, not as a <style>
 * element). Three highlights: every mention (the dotted underline, which the user can switch off),
 * the mention whose card is open, and a short flash when the side panel reveals a mention.
 */
import './highlights.css';
import type { MentionRecord, MentionStore } from './mentions';

const HIGHLIGHT_NAME = 'counterpoint';
const ACTIVE_NAME = 'counterpoint-active';
const FLASH_NAME = 'counterpoint-flash';
const FLASH_MS = 1600;

export interface Highlights {
  setUnderlines(on: boolean): void;
  setActive(record: MentionRecord | null): void;
  flash(record: MentionRecord): void;
  dispose(): void;
}

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export function createHighlights(store: MentionStore, underlines: boolean): Highlights {
  if (!supported()) {
    return { setUnderlines() {}, setActive() {}, flash() {}, dispose() {} };
  }
  const all = new Highlight();
  const active = new Highlight();
  const flashing = new Highlight();
  active.priority = 1;
  flashing.priority = 2;
  let on = underlines;
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  // Registered only once the page has a mention: pages without any never see our name. Once
  // registered, ranges added to or removed from `all` show without registering it again (which
  // would repaint every highlight on the page).
  const sync = () => {
    if (!(on && all.size > 0)) CSS.highlights.delete(HIGHLIGHT_NAME);
    else if (CSS.highlights.get(HIGHLIGHT_NAME) !== all) CSS.highlights.set(HIGHLIGHT_NAME, all);
  };

  const unsubscribe = store.onChange(({ added, removed }) => {
    for (const r of removed) {
      all.delete(r.range);
      active.delete(r.range);
    }
    for (const r of added) all.add(r.range);
    sync();
  });
  sync();

  return {
    setUnderlines(next) {
      on = next;
      sync();
    },
    setActive(record) {
      active.clear();
      if (record) {
        active.add(record.range);
        CSS.highlights.set(ACTIVE_NAME, active);
      } else CSS.highlights.delete(ACTIVE_NAME);
    },
    flash(record) {
      flashing.clear();
      flashing.add(record.range);
      CSS.highlights.set(FLASH_NAME, flashing);
      clearTimeout(flashTimer);
      flashTimer = setTimeout(() => {
        flashing.clear();
        CSS.highlights.delete(FLASH_NAME);
      }, FLASH_MS);
    },
    dispose() {
      unsubscribe();
      clearTimeout(flashTimer);
      for (const name of [HIGHLIGHT_NAME, ACTIVE_NAME, FLASH_NAME]) CSS.highlights.delete(name);
    },
  };
}
