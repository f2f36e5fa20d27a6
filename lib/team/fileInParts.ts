/**
 * Filing an import's drafts to the team corpus (issue 21), in the same parts as a local save
 * (lib/userCorpus/batches.ts `draftParts`): one request per part, each stored by the server in one
 * transaction. Across parts it is not all or nothing — a server can stop between two — so what
 * was filed is counted and said, and a second try goes on from the first draft not filed, never
 * filing one twice. Pure: the request is given.
 */
import type { TeamProblem } from '../messages/team';
import { draftParts } from '../userCorpus/batches';
import type { DocumentDraft } from '../userCorpus/types';

export type FileAnswer = { state: 'filed'; count: number } | { state: 'error'; problem: TeamProblem };

export interface FilingProgress {
  /** Drafts filed so far, from the first. */
  filed: number;
  total: number;
  /** Why the last part was not filed (the drafts from `filed` on were not). */
  problem?: TeamProblem;
}

/**
 * Files `drafts` from `from` (drafts filed by an earlier try) on, part after part, telling
 * `progress` after each; stops at the first part refused or lost. A request that throws counts as
 * unreachable: its part may or may not be stored, and the message says so (`problem`).
 */
export async function fileInParts(
  drafts: readonly DocumentDraft[],
  file: (drafts: DocumentDraft[]) => Promise<FileAnswer>,
  progress: (p: FilingProgress) => void,
  from = 0,
  maxChars?: number,
): Promise<FilingProgress> {
  let filed = from;
  const total = drafts.length;
  for (const part of draftParts(drafts.slice(from), maxChars)) {
    const answer = await file(part).catch((): FileAnswer => ({ state: 'error', problem: 'unreachable' }));
    if (answer.state === 'error') {
      const stopped = { filed, total, problem: answer.problem };
      progress(stopped);
      return stopped;
    }
    filed += part.length;
    progress({ filed, total });
  }
  return { filed, total };
}
