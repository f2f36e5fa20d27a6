/**
 * Answers kept while what they were computed from has not changed: each entry is stored with a
 * revision (a string the caller reads from the database in the request's own transaction, naming
 * the team, the team's additions and the rows the answer reads) and served only to a request that
 * reads the same revision. A request that finds the entry still being computed waits for it
 * instead of computing it again (under load, fifty readers asking for one card compute it once).
 * Bounded: the least recently used entry goes first. One cache per app (server/src/app.ts), so two
 * databases served by one process never share an entry.
 */
export class RevisionCache<T> {
  private readonly kept = new Map<string, { revision: string; value: Promise<T> }>();

  constructor(private readonly max = 2000) {}

  /** The value kept under `key` at `revision`, else `compute()`'s (kept in its place). */
  get(key: string, revision: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.kept.get(key);
    if (hit?.revision === revision) {
      this.kept.delete(key);
      this.kept.set(key, hit);
      // Computed in another request's transaction: if that one failed, this request computes its own.
      return hit.value.catch(compute);
    }
    const value = compute();
    const entry = { revision, value };
    this.kept.delete(key);
    this.kept.set(key, entry);
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
    value.catch(() => {
      if (this.kept.get(key) === entry) this.kept.delete(key);
    });
    return value;
  }
}
