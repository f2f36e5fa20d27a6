/**
 * One compiler: the build (lib/corpus/compile.ts `compileCorpus`, what corpus/vitePlugin.ts runs)
 * and the worker (a user's import through lib/userCorpus/userCorpus.ts, stored in IndexedDB and
 * read back after a restart) give the same passages — mentions, framing, speech — for the same
 * documents and entities. Checked on the bundled documents with the bundled gazetteer and on the
 * project's own test corpus (eval/documents, a fictional war) with its gazetteer.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../corpus/gazetteer';
import { loadDocuments } from '../../corpus/load';
import { evalGazetteer } from '../../eval/gazetteer';
import { UserDatabase, UserStore } from '../../platform/userStore';
import { compileCorpus } from '../corpus/compile';
import { CorpusService } from '../corpus/service';
import { memorySource } from '../corpus/source';
import { CorpusStore } from '../corpus/store';
import type { Entity, Passage, SourceDocument } from '../corpus/types';
import { UserCorpus } from './userCorpus';

const immediate = () => Promise.resolve();

/** A worker whose bundled corpus is `entities` with no document; `idb` survives restarts. */
function worker(entities: Entity[], idb: IDBFactory) {
  const user = new UserCorpus(new UserStore(new UserDatabase('parity', { indexedDB: idb, IDBKeyRange })));
  const service = new CorpusService(memorySource(new CorpusStore(compileCorpus([], entities))), { pause: immediate }, user);
  user.attach(service);
  return { user, service };
}

/** Passages as a reader meets them: corpus-wide ids are positions in memory (the build numbers across documents, the worker within each). */
const content = (passages: readonly Passage[]) => passages.map(({ id: _id, ...p }) => p);

/** The documents as the user's (an import takes only those). */
const asUser = (docs: SourceDocument[]) => docs.map((d) => ({ ...d, meta: { ...d.meta, origin: 'user' as const } }));

/** Compiles `documents` the build's way and the worker's way (import, then a restarted worker reading them back). */
async function bothWays(documents: SourceDocument[], entities: Entity[]) {
  const built = compileCorpus(documents, entities);
  const idb = new IDBFactory();
  await worker(entities, idb).user.importData({ documents, entities: [], aliases: [], hiddenSeeds: [] }, 'replace', true);
  const restarted = worker(entities, idb);
  const inWorker = await Promise.all(documents.map(async (d) => content((await restarted.service.getDocument(d.meta.id)).passages)));
  const inBuild = documents.map((d) => content(built.passages.filter((p) => p.docId === d.meta.id)));
  return { inWorker, inBuild };
}

describe('the build and the worker compile alike', () => {
  it('on the bundled documents with the bundled gazetteer', async () => {
    const { inWorker, inBuild } = await bothWays(asUser(loadDocuments()), gazetteer);
    expect(inBuild.flat().some((p) => p.speech?.length)).toBe(true); // (the comparison covers speech)
    expect(inWorker).toEqual(inBuild);
  });

  it('on the project’s test corpus (eval/documents) with its gazetteer', async () => {
    const documents = asUser(loadDocuments(new URL('../../eval/documents/', import.meta.url).pathname));
    expect(documents.length).toBeGreaterThan(5);
    const { inWorker, inBuild } = await bothWays(documents, evalGazetteer);
    expect(inWorker).toEqual(inBuild);
  });

  it('a place is never a speaker, in the worker as in the build', async () => {
    const doc: SourceDocument = {
      meta: { id: 'siege', title: 'Siege', date: '2017', dateApproximate: false, dateLabel: '2017', perspective: 'Test', origin: 'user' },
      body: '“The siege is over,” Mosul said. Residents returned to the old city the next week.',
    };
    const { inWorker, inBuild } = await bothWays([doc], gazetteer);
    expect(inBuild[0]!.flatMap((p) => p.speech ?? []).map((s) => s.speaker)).not.toContain('Mosul');
    expect(inWorker).toEqual(inBuild);
  });
});
