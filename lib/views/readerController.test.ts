import { describe, expect, it, vi } from 'vitest';
import type { ReaderTarget } from '../messages/pageUrls';
import { passage, source, summary } from './fixtures';
import { NO_DOCUMENT, ReaderController, type ReaderPorts } from './readerController';
import { flush } from './testPorts';

const doc = (id: string) => ({ document: { meta: source(id), body: 'Raqqa fell.' }, passages: [passage(1, id, 'Raqqa fell.')] });

function setup() {
  const targets: Array<(t: ReaderTarget | null) => void> = [];
  const ports: ReaderPorts = {
    getDocument: vi.fn(async ({ docId, team }: ReaderTarget) => {
      if (docId === 'missing') throw new Error('No such document');
      return team ? { ...doc(docId), origin: 'Desk Iraq' } : doc(docId);
    }),
    listEntities: async () => [summary('raqqa')],
    watchTarget: (cb) => (targets.push(cb), () => undefined),
  };
  return { reader: new ReaderController(ports), ports, targets };
}

describe('ReaderController', () => {
  it('loads the document its address names, once while only the passage changes', async () => {
    const { reader, ports, targets } = setup();
    reader.start({ docId: 'a', passageId: 1 });
    await flush();
    expect(reader.get().doc?.document.meta.id).toBe('a');
    expect(reader.get().entities.get('raqqa')?.id).toBe('raqqa');
    targets[0]!({ docId: 'a', passageId: 2 });
    await flush();
    expect(ports.getDocument).toHaveBeenCalledTimes(1);
    expect(reader.get().target?.passageId).toBe(2);
  });

  it('says why there is nothing to read', async () => {
    const { reader, targets } = setup();
    reader.start(null);
    expect(reader.get().error).toBe(NO_DOCUMENT);
    targets[0]!({ docId: 'missing' });
    await flush();
    expect(reader.get()).toMatchObject({ doc: null, error: 'No such document' });
  });

  it('a team hit: the team server’s document, asked again when the same id is opened from the local corpus', async () => {
    const { reader, ports, targets } = setup();
    reader.start({ docId: 'a', team: true });
    await flush();
    expect(reader.get().doc?.origin).toBe('Desk Iraq');
    targets[0]!({ docId: 'a' });
    await flush();
    expect(ports.getDocument).toHaveBeenCalledTimes(2);
    expect(reader.get().doc?.origin).toBeUndefined();
  });
});
