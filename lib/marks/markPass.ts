/**
 * What one pass of the private marks measures (entrypoints/content/privateMarks.ts), from the
 * most any change since the last pass asked for: the private mentions a scan found in text that
 * was already there (nothing moved: the other underlines stay), those a scroll of the document can
 * bring near the viewport, or every one (the layout may have changed).
 */

export const NONE = 0;
export const FOUND = 1;
export const NEAR = 2;
export const FULL = 3;
export type Need = typeof NONE | typeof FOUND | typeof NEAR | typeof FULL;

/** The larger need of two (a pass does the most any change asked for). */
export const atLeast = (a: Need, b: Need): Need => (a > b ? a : b);

/**
 * The mentions a pass of `level` measures, and the underlines it starts from: `found` (still
 * `tracked`) on top of the last pass's `lastBoxes`; those of `tracked` that a document scroll may
 * have brought `near`; or all. Only ever those within `reach` (their element near the viewport).
 */
export function planPass<R, B>(
  level: Exclude<Need, typeof NONE>,
  tracked: ReadonlySet<R>,
  found: readonly R[],
  reach: (r: R) => boolean,
  near: (r: R) => boolean,
  lastBoxes: readonly B[],
): { records: R[]; boxes: B[] } {
  if (level === FOUND) return { records: found.filter((r) => tracked.has(r) && reach(r)), boxes: lastBoxes.slice() };
  return { records: [...tracked].filter((r) => reach(r) && (level === FULL || near(r))), boxes: [] };
}
