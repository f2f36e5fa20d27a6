import { describe, expect, it } from 'vitest';
import { errorText } from '../i18n/wording';
import { draft } from './fixtures';
import { draftRounds, draftsFingerprint, resumeOrStart, roundId, RoundsStopped, saveInRounds, type PendingImport } from './importRounds';
import type { DocumentDraft } from './types';

const drafts = (n: number) => Array.from({ length: n }, (_, i) => draft(i + 1));

/** A background that saves each import id once (as corpusWrites does) and can be made to stop. */
function background() {
  const stored: string[] = [];
  const byImport = new Map<string, string[]>();
  let stopAt = -1;
  let sends = 0;
  const sent: string[] = [];
  return {
    stored,
    sent,
    stopAt: (n: number) => void (stopAt = n),
    reset: () => (stored.length = 0, byImport.clear()),
    status: async (importId: string) => ({ added: byImport.get(importId) ?? [] }),
    send: async (round: DocumentDraft[], importId: string) => {
      sent.push(importId);
      if (sends++ === stopAt) throw new Error('the worker stopped');
      if (!byImport.has(importId)) {
        byImport.set(importId, round.map((d) => d.fileName));
        stored.push(...round.map((d) => d.fileName));
      }
      return { added: byImport.get(importId)! };
    },
  };
}

describe('draftRounds and roundId', () => {
  it('cuts in rounds of the given size, in order; one round keeps the import’s own id', () => {
    expect(draftRounds([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(draftRounds([], 2)).toEqual([]);
    expect(roundId('imp', 0, 1)).toBe('imp');
    expect(roundId('imp', 2, 3)).toBe('imp#2');
  });
});

describe('draftsFingerprint', () => {
  it('is the same for the same files in the same order, and differs when one is left out, edited or moved', async () => {
    const list = drafts(5);
    const of = await draftsFingerprint(list);
    expect(await draftsFingerprint(drafts(5))).toBe(of);
    expect(await draftsFingerprint(list.slice(1))).not.toBe(of);
    expect(await draftsFingerprint([...list.slice(0, 4), { ...list[4]!, body: 'Mosul.' }])).not.toBe(of);
    expect(await draftsFingerprint([list[1]!, list[0]!, ...list.slice(2)])).not.toBe(of);
  });
});

describe('saveInRounds', () => {
  it('saves 2,500 drafts in three rounds, telling the record and the progress after each', async () => {
    const bg = background();
    const records: number[] = [];
    const said: string[] = [];
    const list = drafts(2500);
    const pending = await resumeOrStart(list, null, () => 'imp');
    const { added, before } = await saveInRounds(list, pending, bg, (p) => void records.push(p.saved), (p) => void said.push(`${p.saved}/${p.total}`));
    expect(before).toBe(0);
    expect(added).toHaveLength(2500);
    expect(bg.stored).toEqual(list.map((d) => d.fileName));
    expect(records).toEqual([1000, 2000, 2500]);
    expect(said).toEqual(['0/2500', '1000/2500', '2000/2500', '2500/2500']);
  });

  it('a stop in the second round: the first is saved and said; the same files again go on from there and store each document once', async () => {
    const bg = background();
    const list = drafts(2500);
    let kept: PendingImport | null = null;
    bg.stopAt(1);
    const first = await resumeOrStart(list, kept, () => 'imp');
    const stop = await saveInRounds(list, first, bg, (p) => void (kept = p)).catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(RoundsStopped);
    expect((stop as RoundsStopped).saved).toBe(1000);
    expect(errorText(stop)).toBe('1,000 of 2,500 documents were saved; the others were not. Save again to go on: nothing is saved twice.');
    expect(errorText((stop as RoundsStopped).cause)).toBe('the worker stopped');
    expect(bg.stored).toHaveLength(1000);
    // The browser closed; the same files are chosen again (new draft objects, same content).
    const again = drafts(2500);
    const resumed = await resumeOrStart(again, kept, () => 'another');
    expect(resumed.importId).toBe('imp');
    const { added, before } = await saveInRounds(again, resumed, bg, (p) => void (kept = p));
    expect(before).toBe(1000);
    expect(added).toHaveLength(1500);
    expect(bg.stored).toEqual(list.map((d) => d.fileName)); // each once, in order
    expect(bg.sent).toEqual(['imp#0', 'imp#1', 'imp#1', 'imp#2']); // round 0 was asked about, not sent again
  });

  it('a round the record says is saved but the store no longer has (a reset since) is sent again', async () => {
    const bg = background();
    const list = drafts(1500);
    let kept: PendingImport | null = null;
    bg.stopAt(1);
    await saveInRounds(list, await resumeOrStart(list, null, () => 'imp'), bg, (p) => void (kept = p)).catch(() => undefined);
    bg.reset();
    const { added, before } = await saveInRounds(list, await resumeOrStart(list, kept, () => 'x'), bg, () => {});
    expect(before).toBe(0);
    expect(added).toHaveLength(1500);
    expect(bg.stored).toHaveLength(1500);
  });

  it('a round saved whose record was lost (the page closed between the two) is not stored twice', async () => {
    const bg = background();
    const list = drafts(2100);
    const pending = await resumeOrStart(list, null, () => 'imp');
    await bg.send(list.slice(0, 1000), 'imp#0'); // round 0 saved, its record never written
    const { added } = await saveInRounds(list, pending, bg, () => {});
    expect(added).toHaveLength(2100); // round 0 answered from what it saved
    expect(bg.stored).toHaveLength(2100);
  });

  it('other files (or a draft left out) start a new import: nothing of theirs was saved', async () => {
    const kept: PendingImport = { importId: 'imp', fingerprint: await draftsFingerprint(drafts(2500)), total: 2500, saved: 1000 };
    expect(await resumeOrStart(drafts(2499), kept, () => 'new')).toEqual({ importId: 'new', fingerprint: await draftsFingerprint(drafts(2499)), total: 2499, saved: 0 });
  });
});
