/**
 * The card's host element in the page: a plain <div> (a page can pre-define any custom-element
 * name and take its shadow root through attachInternals; it cannot for a built-in element), its
 * closed shadow root attached before the page can see it, and in it the card page's <iframe>. The
 * host resets every property, !important, inline, so page CSS cannot move, hide or restyle it.
 */
import type { Box } from '../../lib/card/placement';

export const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'top: 0',
  'left: 0',
  'width: 0',
  'height: 0',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'overflow: visible',
  'display: block',
  'visibility: visible',
  'opacity: 1',
  // Its own layer: the hidden card is painted before it is shown.
  'will-change: opacity',
  'transform: none',
  'filter: none',
  'contain: none',
  'pointer-events: auto',
  'z-index: 2147483647',
]
  .map((d) => `${d} !important`)
  .join(';');
export const HIDDEN_HOST_STYLE = HOST_STYLE.replace('opacity: 1', 'opacity: 0').replace('pointer-events: auto', 'pointer-events: none');

const SHADOW_CSS = `
iframe {
  position: fixed; top: 0; left: 0; width: 0; height: 0;
  margin: 0; padding: 0; border: 0; display: block; background: transparent;
  color-scheme: light dark; border-radius: 10px; overflow: hidden;
  box-shadow: 0 12px 32px rgb(20 16 8 / 0.18), 0 2px 6px rgb(20 16 8 / 0.1);
}`;

export type CardAnchor =
  | {
      range: Range;
      /** The pointer, to pick the line of a mention that wraps. */
      point?: { x: number; y: number };
    }
  /** A form field whose selected text names the entity: that text has no Range, so the card sits by the field. */
  | { field: Element };

/**
 * A host of ours at the end of <html>: a plain <div> with `style` (inline, every declaration
 * !important) and a closed shadow root holding a <style> of `css` and `children`, all attached
 * before the host enters the page.
 */
export function attachHost(style: string, css: string, ...children: Element[]): HTMLDivElement {
  const host = document.createElement('div');
  host.setAttribute('style', style);
  const root = host.attachShadow({ mode: 'closed' });
  const sheet = document.createElement('style');
  sheet.textContent = css;
  root.append(sheet, ...children);
  document.documentElement.appendChild(host);
  return host;
}

/** Makes the hidden host with the card page at `src`, and puts it at the end of <html>. */
export function createHost(src: string): { host: HTMLDivElement; iframe: HTMLIFrameElement } {
  const iframe = document.createElement('iframe');
  iframe.setAttribute('aria-hidden', 'true');
  iframe.tabIndex = -1;
  iframe.title = 'Counterpoint card';
  iframe.src = src;
  return { host: attachHost(HIDDEN_HOST_STYLE, SHADOW_CSS, iframe), iframe };
}

/**
 * The line box of the mention: with the pointer, the line it is on, else the first; or the form
 * field's box. Null when the text or the field is gone.
 */
/** The direction the text around the anchor runs (a `dir=rtl` page's, or an Arabic field's). Reads, never writes. */
export function anchorDirection(anchor: CardAnchor): 'ltr' | 'rtl' {
  const el = 'field' in anchor ? anchor.field : anchor.range.startContainer.parentElement;
  return el && getComputedStyle(el).direction === 'rtl' ? 'rtl' : 'ltr';
}

export function referenceBox(anchor: CardAnchor): Box | null {
  if ('field' in anchor) {
    if (!anchor.field.isConnected) return null;
    const { left, top, right, bottom } = anchor.field.getBoundingClientRect();
    return { left, top, right, bottom };
  }
  const { range, point } = anchor;
  if (!range.startContainer.isConnected) return null;
  const lines = range.getClientRects();
  let box: Box | undefined = lines[0];
  if (point) for (const r of lines) if (point.y >= r.top && point.y <= r.bottom) box = r;
  if (!box) return null;
  return { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
}
