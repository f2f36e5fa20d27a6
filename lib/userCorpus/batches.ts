/**
 * Saving many drafts in parts, committed once. One message holding a 1,000-file import (about
 * 3 MB of text) kept the options page's main thread busy ~80 ms while the browser serialised it
 * (bench/measure-import.mjs); parts of a few hundred KB take a few ms each. The background holds
 * the parts (staging.ts) and the last message saves them all in one transaction, so an import
 * is still all or nothing: if any part or the commit fails, nothing is stored. Pure: the
 * messages are given.
 */
import { WordedError } from '../i18n/wording';
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

export interface DraftSender<R extends { added: unknown[] }> {
  /** Holds a part in the background under `importId` (stores nothing). */
  stage(p: { importId: string; drafts: DocumentDraft[] }): Promise<unknown>;
  /** Saves `drafts` (after the parts staged under `importId` when `staged`) in one transaction, once per `importId`. */
  commit(p: { drafts: DocumentDraft[]; importId: string; staged?: true }): Promise<R>;
  /** What the import `importId` saved (nothing: `added` empty). */
  status(p: { importId: string }): Promise<R>;
}

/** The browser's own messaging failures: the answer was lost (the worker stopped), the write may or may not have been saved. */
function isLostAnswer(e: unknown): boolean {
  const message = e instanceof Error ? e.message : String(e);
  return /message channel closed|message port closed|Receiving end does not exist|Could not establish connection/i.test(message);
}

/**
 * Sends the drafts in parts and commits them once. `importId` is the import's own: sent again
 * (Save clicked again) it saves nothing twice. An answer lost on the way is never shown as the
 * browser's error: the background is asked what the import saved, and that is the answer —
 * the documents saved, or "Nothing was saved; try again".
 */
export async function sendDrafts<R extends { added: unknown[] }>(drafts: readonly DocumentDraft[], sender: DraftSender<R>, importId: string, maxChars = PART_CHARS): Promise<R> {
  try {
    const parts = draftParts(drafts, maxChars);
    const last = parts.pop() ?? [];
    if (!parts.length) return await sender.commit({ drafts: last, importId });
    for (const part of parts) await sender.stage({ importId, drafts: part });
    return await sender.commit({ drafts: last, importId, staged: true });
  } catch (e) {
    if (!isLostAnswer(e)) throw e;
    const saved = await sender.status({ importId });
    if (saved.added.length) return saved;
    throw new WordedError({ key: 'importLost' }, { cause: e });
  }
}
