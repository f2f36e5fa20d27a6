/**
 * The geometry of the reader's own names' underlines (entrypoints/content/privateMarks.ts draws
 * them in the extension's closed shadow root, since `CSS.highlights` is readable by the page):
 * from a mention's line boxes (`Range.getClientRects()`) to the underline boxes to draw, only
 * those in or near the viewport; and the underline's look, read from the bundled names' own
 * `::highlight(counterpoint)` rule so that the two cannot drift apart.
 */
import type { Box } from '../card/placement';

/** An underline to draw, in viewport coordinates: its top edge, left edge and width; and the line's top. */
export interface MarkBox {
  x: number;
  y: number;
  width: number;
  lineTop: number;
  /** The mention whose card is open (drawn as the `counterpoint-active` highlight). */
  active?: boolean;
}

export interface View {
  width: number;
  height: number;
}

/**
 * Where a line's underline sits: this fraction of the line box's height above its bottom (the
 * box is the font's ascent + descent; the browser draws `text-decoration: underline` just below
 * the baseline, in the descent).
 */
const UNDERLINE_RISE = 0.15;

/** Does `b` reach into the viewport grown by `margin` on every side? */
export function nearView(b: Box, view: View, margin: number): boolean {
  return b.right > -margin && b.left < view.width + margin && b.bottom > -margin && b.top < view.height + margin;
}

/** Is the middle of `b` inside the viewport (where the browser can hit-test it)? */
export function middleInView(b: Box, view: View): boolean {
  const x = (b.left + b.right) / 2;
  const y = (b.top + b.bottom) / 2;
  return x >= 0 && x < view.width && y >= 0 && y < view.height;
}

/**
 * The line boxes of one mention, merged: a range over several text nodes (a name half in a link)
 * gives one box per node on the same line, which would draw as two underlines whose dots restart.
 * Empty boxes are dropped; boxes stay in the order given.
 */
export function lineBoxes(rects: Iterable<Box>): Box[] {
  const out: Box[] = [];
  for (const r of rects) {
    if (r.right - r.left <= 0 || r.bottom - r.top <= 0) continue;
    const last = out[out.length - 1];
    if (last && Math.abs(last.top - r.top) < 1 && Math.abs(last.bottom - r.bottom) < 1 && r.left <= last.right + 1 && r.right >= last.left - 1) {
      out[out.length - 1] = { left: Math.min(last.left, r.left), top: last.top, right: Math.max(last.right, r.right), bottom: last.bottom };
    } else out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return out;
}

/** Where a mention's lines were, in document coordinates (their client box + the scroll offset then); NaN when it had none. */
export interface Extent {
  top: number;
  bottom: number;
}

export function extentOf(lines: readonly Box[], scrollY: number): Extent {
  if (lines.length === 0) return { top: NaN, bottom: NaN };
  return { top: Math.min(...lines.map((l) => l.top)) + scrollY, bottom: Math.max(...lines.map((l) => l.bottom)) + scrollY };
}

/**
 * Can a mention last seen at `e` be in or near the viewport at scroll offset `scrollY`, if only the
 * document scrolled since? Unknown (never measured): yes; no lines then (hidden): no.
 */
export function mayBeNear(e: Extent | undefined, scrollY: number, height: number, margin: number): boolean {
  if (!e) return true;
  return e.top - scrollY < height + margin && e.bottom - scrollY > -margin;
}

/** The underline of one line box, in whole device-independent pixels (crisp dots). */
export function underlineOf(line: Box): MarkBox {
  const rise = Math.round((line.bottom - line.top) * UNDERLINE_RISE);
  return { x: Math.round(line.left), y: Math.round(line.bottom) - rise, width: Math.round(line.right) - Math.round(line.left), lineTop: Math.round(line.top) };
}

/** What an underline looks like: the declarations of the bundled names' `::highlight(counterpoint)` rule (or another). */
export interface UnderlineLook {
  style: string;
  color: string;
  thickness: string;
  background: string;
}

/**
 * Reads the underline's style, colour and thickness, and the background, from the
 * `::highlight(<name>)` rule of `css` (highlights.css, as written or minified by the build). Falls
 * back to a dotted 2px line in the current colour, no background, where a declaration is missing.
 */
export function underlineLook(css: string, name = 'counterpoint'): UnderlineLook {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const body = new RegExp(`::highlight\\(${name}\\)\\s*\\{([^}]*)\\}`).exec(plain)?.[1] ?? '';
  const decls = new Map<string, string>();
  for (const d of body.split(';')) {
    const at = d.indexOf(':');
    if (at > 0) decls.set(d.slice(0, at).trim(), d.slice(at + 1).trim());
  }
  // The build's minifier folds the longhands into `text-decoration: underline dotted #be6400`.
  const short: Partial<UnderlineLook> = {};
  const shorthand = decls.get('text-decoration');
  // (A shorthand without a style means solid, its initial value: the minifier drops it.)
  if (shorthand) short.style = 'solid';
  for (const word of shorthand?.match(/[^\s(]+(\([^)]*\))?/g) ?? []) {
    if (LINE_STYLES.has(word)) short.style = word;
    else if (/^\d|^(auto|from-font)$/.test(word)) short.thickness = word;
    else if (!LINE_KINDS.has(word)) short.color = word;
  }
  return {
    style: decls.get('text-decoration-style') ?? short.style ?? 'dotted',
    color: decls.get('text-decoration-color') ?? short.color ?? 'currentColor',
    thickness: decls.get('text-decoration-thickness') ?? short.thickness ?? '2px',
    background: decls.get('background-color') ?? decls.get('background') ?? 'transparent',
  };
}

const LINE_STYLES = new Set(['solid', 'double', 'dotted', 'dashed', 'wavy']);
const LINE_KINDS = new Set(['underline', 'overline', 'line-through', 'none', 'blink']);
