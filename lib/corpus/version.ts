/**
 * The corpus version: ONE string for the whole corpus a reader meets — the bundled corpus's
 * revision (a content hash, lib/corpus/revision.ts) and the position of the user's change log
 * (documents added or removed, entities, names, bundled documents hidden; moved by every write in
 * that write's own transaction, platform/userStore.ts). Everything derived from the corpus (cards,
 * the matcher data pages read, totals, lists) belongs to one version: a consumer that holds
 * something of another version drops it (platform/corpusVersion.ts publishes the version once per
 * change; every open page listens). Pure.
 */

/** The version of the bundled corpus of `revision` with the user's change log at `changes`. */
export function corpusVersion(revision: string, changes: number): string {
  return `${revision}@${changes}`;
}
