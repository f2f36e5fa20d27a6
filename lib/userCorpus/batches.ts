/**
 * Saving many drafts in parts, committed once. One message holding a 1,000-file import (about
 * 3 MB of text) kept the options page's main thread busy ~80 ms while the browser serialised it
 * (bench/measure-import.mjs); parts of a few hundred KB take a few ms each. The background holds
 * the parts (staging.ts) and the last message saves them all in one transaction, so an import
 * is still all or nothing: if any part or the commit fails, nothing is stored. Pure: the
 * messages are given.
 */
import type { DocumentDraft } from './types';

/** Text per part (characters of bodies): ~0.5 MB of JSON, a few ms to serialise. */
const PART_CHARS = 256 * 1024;

/** The drafts in order, in parts of at most `maxChars` characters of body (one draft per part at least). */
export function draftParts(drafts: readonly DocumentDraft[], maxChars = PART_CHARS): DocumentDraft[][] {
  const parts: DocumentDraft[][] = [];
  let part: DocumentDraft[] = [];
  let chars = 0;
  for (const d of drafts) {
    if (part.length && chars + d.body.length > maxChars) {
      parts.push(part);
      part = [];
      chars = 0;
    }
    part.push(d);
    chars += d.body.length;
  }
  if (part.length) parts.push(part);
  return parts;
}

export interface DraftSender<R> {
  /** Holds a part in the background under `importId` (stores nothing). */
  stage(p: { importId: string; drafts: DocumentDraft[] }): Promise<unknown>;
  /** Saves the staged parts of `importId` (if given) and `drafts`, in one transaction. */
  commit(p: { drafts: DocumentDraft[]; importId?: string }): Promise<R>;
}

/** Sends the drafts in parts and commits them once; one part goes as a plain commit. */
export async function sendDrafts<R>(drafts: readonly DocumentDraft[], sender: DraftSender<R>, importId: string, maxChars = PART_CHARS): Promise<R> {
  const parts = draftParts(drafts, maxChars);
  const last = parts.pop() ?? [];
  if (!parts.length) return sender.commit({ drafts: last });
  for (const part of parts) await sender.stage({ importId, drafts: part });
  return sender.commit({ drafts: last, importId });
}
