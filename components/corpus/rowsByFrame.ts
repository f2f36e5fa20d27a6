/**
 * Long lists of the options page drawn a few rows per animation frame, so no frame lays out a
 * whole list at once (bench/measure-import.mjs counts the page's long tasks: the 20 draft forms
 * drawn at once were one layout of ~1,000 boxes, 17–67 ms on a busy 2-core machine, and the 50
 * rows of the documents list after an import one task of 120 ms).
 */
import { useEffect, useState } from 'preact/hooks';

/** Draft forms per frame (each a fieldset of seven fields). */
export const FORMS_PER_FRAME = 5;
/** Rows of the documents list per frame (a title, a line and three buttons each). */
export const LIST_ROWS_PER_FRAME = 10;

/**
 * How many of the `wanted` rows to draw now: `perFrame` at first, `perFrame` more each animation
 * frame until all are; back to `perFrame` when none are wanted (the list emptied).
 */
export function useRowsByFrame(wanted: number, perFrame: number): number {
  const [rows, setRows] = useState(perFrame);
  useEffect(() => {
    if (wanted === 0) setRows(perFrame);
    if (rows >= wanted) return;
    const frame = requestAnimationFrame(() => setRows((r) => r + perFrame));
    return () => cancelAnimationFrame(frame);
  }, [rows, wanted, perFrame]);
  return Math.min(rows, wanted);
}
