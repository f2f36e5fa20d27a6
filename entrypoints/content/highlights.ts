/**
 * Underlines without touching the page's DOM: the CSS Custom Highlight API paints the stored
 * ranges. Three highlights: every mention (the dotted underline, which the user can switch off),
 * the mention whose card is open, and a short flash when the side panel reveals a mention.
 *
 * What a page can learn from this, and what it cannot (README, "Security and privacy"):
 * - `CSS.highlights` is shared with the page: it can read which words are underlined. Only
 *   mentions of the public, bundled gazetteer are ever put there; mentions of aliases the user
 *   added (`MatchPattern.user`) open cards on hover but are never highlighted, so a page cannot
 *   enumerate the user's own entities by writing candidate names and reading the registry.
 * - The `::highlight()` rules are an adopted style sheet added only while a session runs on a
 *   page that has a mention: on a site the user switched off, nothing of Counterpoint is in the
 *   page's styles (a manifest-injected sheet would answer `getComputedStyle(el,
 *   '::highlight(counterpoint)')` everywhere, telling any page the extension is installed).
 */
import highlightCss from './highlights.css?inline';
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

/**
 * @param isPrivate whether a mention is of a user's alias (never highlighted).
 */
export function createHighlights(store: MentionStore, underlines: boolean, isPrivate: (r: MentionRecord) => boolean): Highlights {
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
  const styles = adoptedStyles(highlightCss);

  // Registered only once the page has a mention: pages without any never see our name or our
  // styles. Once registered, ranges added to or removed from `all` show without registering it
  // again (which would repaint every highlight on the page).
  const sync = () => {
    if (!(on && all.size > 0)) CSS.highlights.delete(HIGHLIGHT_NAME);
    else if (CSS.highlights.get(HIGHLIGHT_NAME) !== all) {
      styles.attach();
      CSS.highlights.set(HIGHLIGHT_NAME, all);
    }
  };

  const unsubscribe = store.onChange(({ added, removed }) => {
    for (const r of removed) {
      all.delete(r.range);
      active.delete(r.range);
    }
    for (const r of added) {
      if (isPrivate(r)) continue;
      all.add(r.range);
      const top = r.range.startContainer.getRootNode();
      if (top.nodeType === Node.DOCUMENT_FRAGMENT_NODE) styles.attach(top as ShadowRoot);
    }
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
      if (record && !isPrivate(record)) {
        styles.attach();
        active.add(record.range);
        CSS.highlights.set(ACTIVE_NAME, active);
      } else CSS.highlights.delete(ACTIVE_NAME);
    },
    flash(record) {
      if (isPrivate(record)) return;
      styles.attach();
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
      styles.detach();
    },
  };
}

type SheetList = { adoptedStyleSheets: CSSStyleSheet[] };

/**
 * The `::highlight()` rules as a constructed style sheet adopted by the document (and by each open
 * shadow root with a mention: a document's rules do not style a shadow tree's text): no element
 * in the page's DOM. Firefox's content scripts see the page through an Xray wrapper, whose
 * `adoptedStyleSheets` does not take a sheet constructed in the content script's own compartment:
 * there the sheet is constructed by the page's own `CSSStyleSheet` and adopted through
 * `wrappedJSObject` (a page could observe or alter that sheet, which holds only our underline
 * style, and only on pages with a mention).
 */
function adoptedStyles(css: string): { attach(root?: Document | ShadowRoot): void; detach(): void } {
  const adopted = new Map<Document | ShadowRoot, { target: SheetList; sheet: CSSStyleSheet }>();
  let docFrame = 0; // the animation frame that adopts the document's sheet, while pending
  const adopt = (root: Document | ShadowRoot) => {
    if (adopted.has(root)) return;
    try {
      const page = (root as unknown as { wrappedJSObject?: SheetList }).wrappedJSObject;
      const PageSheet = (window as unknown as { wrappedJSObject?: { CSSStyleSheet: typeof CSSStyleSheet } }).wrappedJSObject?.CSSStyleSheet;
      const target = page ?? root;
      const sheet = PageSheet && page ? new PageSheet() : new CSSStyleSheet();
      sheet.replaceSync(css);
      // (Mutated in place: an array made here is not the page's to take, in Firefox.)
      target.adoptedStyleSheets.push(sheet);
      adopted.set(root, { target, sheet });
    } catch (err) {
      console.debug('[counterpoint] underline styles unavailable', err);
    }
  };
  return {
    attach(root = document) {
      if (root !== document) return adopt(root);
      // A sheet new to the document makes the browser restyle every element of the page (about
      // 120 ms on a 5 MB page): adopted in an animation frame, that restyle is the frame's own,
      // not forced in the middle of a scan slice by the next `checkVisibility`. (A shadow tree's
      // restyle is its own: adopted at once.) A hidden tab adopts it when it is shown.
      if (adopted.has(root) || docFrame !== 0) return;
      docFrame = requestAnimationFrame(() => {
        docFrame = 0;
        adopt(root);
      });
    },
    detach() {
      cancelAnimationFrame(docFrame);
      docFrame = 0;
      for (const { target, sheet } of adopted.values()) {
        try {
          const list = target.adoptedStyleSheets;
          const at = list.indexOf(sheet);
          if (at >= 0) list.splice(at, 1);
        } catch {
          // the document is going away
        }
      }
      adopted.clear();
    },
  };
}
