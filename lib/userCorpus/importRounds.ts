/**
 * A researcher's archive through the options page (issue 16): an import of more drafts than one
 * round holds is saved round after round, each round an import of its own (lib/userCorpus/
 * batches.ts: in parts, committed once, all or nothing) under the id `<importId>#<round>`. So
 * 100,000 files never sit in the worker's memory at once (DraftStaging holds at most 5,000), the
 * progress can be said after each round, and a stop — the worker, the page or the browser closed
 * — leaves whole rounds saved and the rest not.
 *
 * Resuming: the same drafts (same files, same order: `draftsFingerprint`) take the same import id
 * again (the page keeps a `PendingImport` until the import is done), so a round saved before the
 * stop is never saved twice (the background answers a known id with what it saved), and rounds
 * the record says are saved are not sent at all. Pure: the sending and the record are given.
 */
import { WordedError } from '../i18n/wording';
import type { DocumentDraft } from './types';
import { noYield, type Yielder } from '../slices';

/** Drafts per round: a fifth of what the background stages for one import. */
const ROUND_DRAFTS = 1000;

/** An import that stopped part way: what the page keeps across a closed browser. */
export interface PendingImport {
  importId: string;
  fingerprint: string;
  /** Drafts in the import. */
  total: number;
  /** Drafts saved, from the first: whole rounds. */
  saved: number;
}

/** Where the page keeps its `PendingImport` (platform/pendingImport.ts). */
export interface PendingImportStore {
  read(): PendingImport | null;
  /** `null`: the import is done (or forgotten). */
  write(p: PendingImport | null): void;
}

export interface RoundsProgress {
  saved: number;
  total: number;
}

/** The rounds of `drafts`, in order. */
export function draftRounds<T>(drafts: readonly T[], size = ROUND_DRAFTS): T[][] {
  const rounds: T[][] = [];
  for (let i = 0; i < drafts.length; i += size) rounds.push(drafts.slice(i, i + size));
  return rounds;
}

/** The id of round `k` of the import `importId` (an import of one round keeps its own id). */
export const roundId = (importId: string, k: number, rounds: number): string => (rounds === 1 ? importId : `${importId}#${k}`);

/**
 * What tells one list of drafts from another: each draft's file name, length and the start and end
 * of its text, in order (FNV-1a, two seeds). Same files chosen again in the same order: the same
 * fingerprint; a draft left out, added, or another file: another one. In slices (`pause` between
 * drafts): 100,000 drafts never hold the page for a long task.
 */
export async function draftsFingerprint(drafts: readonly DocumentDraft[], pause: Yielder = noYield): Promise<string> {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const mix = (s: string, from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
    }
  };
  for (const d of drafts) {
    const n = d.body.length;
    const length = `\u0000${n}\u0000`;
    mix(d.fileName, 0, d.fileName.length);
    mix(length, 0, length.length);
    mix(d.body, 0, Math.min(64, n));
    mix(d.body, Math.max(64, n - 64), n);
    await pause();
  }
  return `${drafts.length}-${(a >>> 0).toString(36)}-${(b >>> 0).toString(36)}`;
}

/** The import to go on with for `drafts`: the pending one if it is theirs, else a new one. */
export async function resumeOrStart(drafts: readonly DocumentDraft[], pending: PendingImport | null, newId: () => string, pause?: Yielder): Promise<PendingImport> {
  const fingerprint = await draftsFingerprint(drafts, pause);
  if (pending && pending.fingerprint === fingerprint && pending.total === drafts.length) return pending;
  return { importId: newId(), fingerprint, total: drafts.length, saved: 0 };
}

/**
 * Thrown when a round was not saved: the rounds before it were (`saved` drafts, from the first).
 * Says so ("1,000 of 2,500 documents were saved; … Save again to go on"); why the round was not
 * saved is its `cause`.
 */
export class RoundsStopped extends WordedError {
  constructor(
    readonly saved: number,
    readonly total: number,
    cause: unknown,
  ) {
    super({ key: 'importStopped', count: total, args: [saved] }, { cause });
    this.name = 'RoundsStopped';
  }
}

/** Whether the page should tell of `pending` when it opens: a stopped import of more than one round. */
export const worthResuming = (pending: PendingImport | null): pending is PendingImport => pending !== null && pending.total > ROUND_DRAFTS && pending.saved < pending.total;

/** How the rounds reach the background: a round saved under an id, and what an id saved. */
export interface RoundSender<A> {
  send(round: DocumentDraft[], importId: string): Promise<{ added: A[] }>;
  /** What the import `importId` saved (nothing: `added` empty). */
  status(importId: string): Promise<{ added: A[] }>;
}

/**
 * Saves `drafts` of the import `pending` round after round; `record` is told after each round
 * (the page keeps it across a closed browser), then `progress`. A round the record says is saved
 * is asked of the store instead of sent, and sent only if the store has none of it (a reset since,
 * say): the store, not the record, is the truth. Returns what the rounds sent now saved and how
 * many drafts were saved before. A round that fails throws `RoundsStopped` with what is saved, the
 * round's own error as its cause.
 */
export async function saveInRounds<A>(
  drafts: readonly DocumentDraft[],
  pending: PendingImport,
  sender: RoundSender<A>,
  record: (p: PendingImport) => void | Promise<void>,
  progress: (p: RoundsProgress) => void = () => {},
  size = ROUND_DRAFTS,
): Promise<{ added: A[]; before: number }> {
  const rounds = draftRounds(drafts, size);
  const added: A[] = [];
  let before = 0;
  let saved = 0;
  if (rounds.length > 1) progress({ saved, total: drafts.length });
  for (let k = 0; k < rounds.length; k++) {
    const round = rounds[k]!;
    const id = roundId(pending.importId, k, rounds.length);
    try {
      const known = saved < pending.saved && saved === before ? await sender.status(id) : null;
      if (known?.added.length) before += round.length;
      else added.push(...(await sender.send(round, id)).added);
    } catch (e) {
      throw new RoundsStopped(saved, drafts.length, e);
    }
    saved += round.length;
    // One round is all or nothing: nothing to keep or say between its start and its end.
    if (rounds.length === 1) continue;
    await record({ ...pending, saved });
    progress({ saved, total: drafts.length });
  }
  return { added, before };
}
