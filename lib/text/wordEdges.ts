/**
 * What the matcher (lib/text/matcher.ts) asks of the text around a candidate: the case-kept
 * normalised unit at a normalised position, read back through the matcher's ring buffer of
 * original indices (no normalised copy of the page is built), a case-sensitive alias's
 * comparison, and whether a name may start there (a word boundary, or an Arabic clitic run).
 *
 * Pure logic: no DOM, no `browser`.
 */
import { classifyAstral, isWordCodePoint, K_SEP, NORM_FOLD, NORM_KEEP, NORM_KIND } from './normalize';
import { MAX_PREFIX_RUN, startsName } from './languages';

/** The matcher's ring buffer: original index of each of the last normalised units. */
export interface Ring {
  map: Uint32Array;
  mask: number;
}

export const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
export const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
export const pairCp = (h: number, l: number): number => ((h - 0xd800) << 10) + (l - 0xdc00) + 0x10000;

/** Case-kept normalised unit at normalised position `pos` (must be in the ring). */
function keptAt(ring: Ring, src: string, pos: number, fold: boolean): number {
  const o = ring.map[pos & ring.mask]!;
  const c = src.charCodeAt(o);
  if (isHigh(c) || isLow(c)) {
    // Part of a valid pair (then its normalised form is in the astral cache) or lone.
    if (isHigh(c) && o + 1 < src.length && isLow(src.charCodeAt(o + 1))) {
      return classifyAstral(pairCp(c, src.charCodeAt(o + 1)))![fold ? 1 : 0].charCodeAt(0);
    }
    if (isLow(c) && o > 0 && isHigh(src.charCodeAt(o - 1))) {
      return classifyAstral(pairCp(src.charCodeAt(o - 1), c))![fold ? 1 : 0].charCodeAt(1);
    }
    return c;
  }
  if (NORM_KIND[c] === K_SEP) return 0x20;
  return fold ? NORM_FOLD[c]! : NORM_KEEP[c]!;
}

/** Does the case-kept normalised text from `start` equal `keep` (a case-sensitive alias)? */
export function keptEquals(ring: Ring, src: string, start: number, keep: string): boolean {
  for (let u = 0; u < keep.length; u++) {
    if (keptAt(ring, src, start + u, false) !== keep.charCodeAt(u)) return false;
  }
  return true;
}

/**
 * May a name start at normalised position `start`? At a word boundary, or inside a word after
 * letters the name's language lets attach to it (Arabic clitics: والرقة; lib/text/languages/).
 */
export function startsAt(ring: Ring, src: string, start: number): boolean {
  if (!wordBefore(ring, src, start)) return true;
  const first = keptAt(ring, src, start, true);
  let run = '';
  for (let back = 1; back <= MAX_PREFIX_RUN + 1; back++) {
    const p = start - back;
    const c = p < 0 ? 0x20 : keptAt(ring, src, p, true);
    // An astral letter is never a clitic; a lone surrogate is no letter.
    if (isLow(c) && p > 0 && isHigh(keptAt(ring, src, p - 1, true))) return !isWordCodePoint(pairCp(keptAt(ring, src, p - 1, true), c)) && startsName(run, first);
    if (!isWordCodePoint(c)) return startsName(run, first);
    run = String.fromCharCode(c) + run;
  }
  return false;
}

/** Is the normalised code point ending just before normalised position `start` a word char? */
function wordBefore(ring: Ring, src: string, start: number): boolean {
  if (start <= 0) return false;
  const c = keptAt(ring, src, start - 1, true);
  if (isLow(c) && start >= 2) {
    const h = keptAt(ring, src, start - 2, true);
    if (isHigh(h)) return isWordCodePoint(pairCp(h, c));
  }
  return isWordCodePoint(c);
}
