/**
 * Long lists of the options page drawn a few rows per animation frame, so no frame lays out a
 * whole list at once (bench/measure-import.mjs counts the page's long tasks: the 20 draft forms
 * drawn at once were one layout of ~1,000 boxes, 17–67 ms on a busy 2-core machine, and the 50
 * rows of the documents list after an import one task of 120 ms).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** Draft forms per frame (each a fieldset of seven fields). */
export const FORMS_PER_FRAME = 5;
/** Rows of the documents list per frame (a title, a line and three buttons each). */
export const LIST_ROWS_PER_FRAME = 10;

/**
 * How many of the rows `keys` (in order) to draw now: the longest start of the list with at most
 * `perFrame` rows not drawn before. So a list seen for the first time, or read again after an
 * import (its new rows come first), grows `perFrame` rows a frame, while a list whose rows were
 * all drawn (one deleted, one edited) is drawn whole at once and keeps its height.
 */
export function rowsToDraw(keys: readonly unknown[], drawn: ReadonlySet<unknown>, perFrame: number): number {
  let rows = 0;
  for (let fresh = 0; rows < keys.length; rows++) {
    if (drawn.has(keys[rows])) continue;
    if (fresh === perFrame) break;
    fresh++;
  }
  return rows;
}

/** `rowsToDraw` of `keys`, and a frame later the next rows, until all are; an empty list forgets what was drawn. */
export function useRowsByFrame(keys: readonly unknown[], perFrame: number): number {
  const drawn = useRef(new Set<unknown>());
  const [, nextFrame] = useState(0);
  if (keys.length === 0) drawn.current.clear();
  const rows = rowsToDraw(keys, drawn.current, perFrame);
  useEffect(() => {
    for (let i = 0; i < rows; i++) drawn.current.add(keys[i]);
    if (rows >= keys.length) return;
    const frame = requestAnimationFrame(() => nextFrame((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  });
  return rows;
}
