import { describe, expect, it } from 'vitest';
import { draftParts, sendDrafts, type DraftSender } from './batches';
import type { DocumentDraft } from './types';

const draft = (i: number, chars: number): DocumentDraft => ({
  fileName: `f${i}.md`,
  meta: { title: `T${i}`, author: '', outlet: '', date: '', dateApproximate: false, perspective: '', url: '' },
  body: 'x'.repeat(chars),
});

/** A background that records what it was sent. */
function recorder(failStageAt = -1, loseCommitAnswer = false) {
  const calls: string[] = [];
  const saved = new Map<string, string[]>();
  const sender: DraftSender<{ added: string[] }> = {
    stage: async ({ importId, drafts }) => {
      if (calls.filter((c) => c.startsWith('stage')).length === failStageAt) throw new Error('worker gone');
      calls.push(`stage ${importId} ${drafts.map((d) => d.fileName).join(',')}`);
    },
    commit: async ({ drafts, importId, staged }) => {
      calls.push(`commit ${importId}${staged ? ' staged' : ''} ${drafts.map((d) => d.fileName).join(',')}`);
      if (!saved.has(importId)) saved.set(importId, drafts.map((d) => d.fileName)); // once per import id
      if (loseCommitAnswer) throw new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received');
      return { added: saved.get(importId)! };
    },
    status: async ({ importId }) => ({ added: saved.get(importId) ?? [] }),
  };
  return { calls, sender };
}

describe('draftParts', () => {
  it('keeps the order, fills parts up to the budget, and gives an oversized draft a part of its own', () => {
    const drafts = [draft(0, 40), draft(1, 40), draft(2, 40), draft(3, 500), draft(4, 10)];
    expect(draftParts(drafts, 100).map((p) => p.map((d) => d.fileName))).toEqual([['f0.md', 'f1.md'], ['f2.md'], ['f3.md'], ['f4.md']]);
    expect(draftParts(drafts, 100).flat()).toEqual(drafts);
    expect(draftParts([], 100)).toEqual([]);
  });
});

describe('sendDrafts', () => {
  it('sends a small import as one commit, without staging', async () => {
    const { calls, sender } = recorder();
    expect(await sendDrafts([draft(0, 10), draft(1, 10)], sender, 'imp', 100)).toEqual({ added: ['f0.md', 'f1.md'] });
    expect(calls).toEqual(['commit imp f0.md,f1.md']);
  });

  it('stages every part but the last, then commits once under the same id', async () => {
    const { calls, sender } = recorder();
    await sendDrafts([draft(0, 60), draft(1, 60), draft(2, 60)], sender, 'imp', 100);
    expect(calls).toEqual(['stage imp f0.md', 'stage imp f1.md', 'commit imp staged f2.md']);
  });

  it('an answer lost after the commit: the background is asked, and says what was saved (never the browser’s error)', async () => {
    const { sender } = recorder(-1, true);
    expect(await sendDrafts([draft(0, 10), draft(1, 10)], sender, 'imp', 100)).toEqual({ added: ['f0.md', 'f1.md'] });
  });

  it('an answer lost before anything was saved: "Nothing was saved; try again"', async () => {
    const { sender } = recorder();
    sender.commit = async () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendDrafts([draft(0, 10)], sender, 'imp', 100)).rejects.toThrow(/^Nothing was saved .*; try again\.$/);
  });

  it('never commits when a part could not be sent: nothing is saved', async () => {
    const { calls, sender } = recorder(1);
    await expect(sendDrafts([draft(0, 60), draft(1, 60), draft(2, 60)], sender, 'imp', 100)).rejects.toThrow('worker gone');
    expect(calls).toEqual(['stage imp f0.md']);
  });
});
