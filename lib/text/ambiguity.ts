/**
 * The ambiguity gate. Ambiguous aliases (Turkey, Jordan, "the coalition", a bare "ISIS" that may
 * be a university system…) count only on a page or document that also has at least one
 * unambiguous mention (of any entity).
 *
 * Generic over anything with `ambiguous: boolean`, so callers may attach their own data
 * (DOM ranges, text nodes) to matches. Pure logic: no DOM, no `browser`.
 */

export interface HasAmbiguity {
  ambiguous: boolean;
}

/**
 * Batch gate for one whole page/document: if any match is unambiguous, every match is kept
 * (order preserved, new array); otherwise none is.
 */
export function applyAmbiguityGate<T extends HasAmbiguity>(matches: readonly T[]): T[] {
  return matches.some((m) => !m.ambiguous) ? matches.slice() : [];
}

/**
 * Incremental gate for a page scanned in slices.
 *
 * - Before the first unambiguous match: unambiguous matches would open the gate; ambiguous
 *   ones are held.
 * - The `add` call that brings the first unambiguous match returns, in `accepted`, all held
 *   matches (in arrival order) followed by that call's matches (in their order).
 * - Once open, everything is accepted at once.
 * - `reset()` closes the gate and forgets held matches (SPA navigation).
 */
export class AmbiguityGate<T extends HasAmbiguity = HasAmbiguity> {
  private held: T[] = [];
  private opened = false;

  /** True once an unambiguous match has been seen since the last reset. */
  get isOpen(): boolean {
    return this.opened;
  }

  /** Ambiguous matches waiting for an unambiguous one. */
  get heldCount(): number {
    return this.held.length;
  }

  add(matches: readonly T[]): { accepted: T[] } {
    if (this.opened) return { accepted: matches.slice() };
    if (!matches.some((m) => !m.ambiguous)) {
      for (const m of matches) this.held.push(m);
      return { accepted: [] };
    }
    this.opened = true;
    const accepted = this.held;
    this.held = [];
    for (const m of matches) accepted.push(m);
    return { accepted };
  }

  reset(): void {
    this.held = [];
    this.opened = false;
  }
}
