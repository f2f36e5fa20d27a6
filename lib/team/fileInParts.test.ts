import { describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../userCorpus/types';
import { fileInParts, type FileAnswer, type FilingProgress } from './fileInParts';

const draft = (i: number): DocumentDraft => ({
  fileName: `notes-${i}.md`,
  meta: { title: `Notes ${i}`, author: '', outlet: '', date: '2017', dateApproximate: false, perspective: 'Field team', url: '' },
  body: 'Raqqa. '.repeat(10),
});
const drafts = Array.from({ length: 7 }, (_, i) => draft(i + 1));

/** A team server that stores what it is sent, and refuses the `failAt`-th request. */
function server(failAt = -1, problem: FileAnswer = { state: 'error', problem: 'unreachable' }) {
  const stored: string[] = [];
  let calls = 0;
  return {
    stored,
    file: async (part: DocumentDraft[]): Promise<FileAnswer> => {
      if (calls++ === failAt) return problem;
      stored.push(...part.map((d) => d.meta.title));
      return { state: 'filed', count: part.length };
    },
  };
}

describe('filing an import to the team corpus in parts', () => {
  it('files every draft once, in order, telling the progress after each part', async () => {
    const s = server();
    const seen: FilingProgress[] = [];
    // 70 characters a draft, 150 a part: two drafts a part.
    const done = await fileInParts(drafts, s.file, (p) => seen.push(p), 0, 150);
    expect(done).toEqual({ filed: 7, total: 7 });
    expect(s.stored).toEqual(drafts.map((d) => d.meta.title));
    expect(seen.map((p) => p.filed)).toEqual([2, 4, 6, 7]);
  });

  it('a part refused: stops there, says how many were filed and why; the next try files only the rest', async () => {
    const s = server(1, { state: 'error', problem: 'forbidden' });
    const first = await fileInParts(drafts, s.file, () => {}, 0, 150);
    expect(first).toEqual({ filed: 2, total: 7, problem: 'forbidden' });
    expect(s.stored).toEqual(['Notes 1', 'Notes 2']);
    const again = await fileInParts(drafts, s.file, () => {}, first.filed, 150);
    expect(again).toEqual({ filed: 7, total: 7 });
    // Each draft stored once.
    expect(s.stored).toEqual(drafts.map((d) => d.meta.title));
  });

  it('a request that throws (the worker stopped, the server gone) is worded as unreachable', async () => {
    const seen: FilingProgress[] = [];
    const done = await fileInParts(drafts, () => Promise.reject(new Error('channel closed')), (p) => seen.push(p));
    expect(done).toEqual({ filed: 0, total: 7, problem: 'unreachable' });
    expect(seen).toEqual([done]);
  });
});
