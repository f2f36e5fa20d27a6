/**
 * A judged corpus brought in the way a reader brings their own documents: the bundled corpus as
 * the extension ships it (packed files, read through the worker's CorpusService), the user's
 * storage (platform/userStore.ts over fake-indexeddb), places and groups added as the options page
 * adds them (UserCorpus.addEntity), files parsed as the options page parses them
 * (lib/userCorpus/parseFile.ts) and saved with UserCorpus.importDrafts, which compiles them.
 * The cards are the worker's: computed ahead after the write, read back through lookupEntity.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { UserDatabase, UserStore } from '../platform/userStore';
import { packCorpus } from '../lib/corpus/assets';
import { CorpusService } from '../lib/corpus/service';
import { assetSource } from '../lib/corpus/source';
import { CorpusStore } from '../lib/corpus/store';
import type { CompiledCorpus } from '../lib/corpus/types';
import { parseImportFile } from '../lib/userCorpus/parseFile';
import { UserCorpus, type NewEntity } from '../lib/userCorpus/userCorpus';
import type { Judged } from './measure';

const immediate = () => Promise.resolve();

/** The judged corpus, and each file's document id (by file name without extension). */
export async function importAsUser(bundled: CompiledCorpus, dir: string, entities: readonly NewEntity[]): Promise<{ judged: Judged; docIds: Map<string, string>; entityIds: Map<string, string> }> {
  const { manifest, files } = packCorpus(new CorpusStore(bundled), { chunkChars: 20_000 });
  const user = new UserCorpus(new UserStore(new UserDatabase('eval', { indexedDB: new IDBFactory(), IDBKeyRange })), Date.now, immediate);
  const service = new CorpusService(assetSource(manifest, async (path) => files.get(path) ?? Promise.reject(new Error(`no file ${path}`))), { pause: immediate }, user);
  user.attach(service);
  const entityIds = new Map<string, string>();
  for (const e of entities) entityIds.set(e.name, (await user.addEntity(e)).id);
  const names = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const drafts = names.map((name) => {
    const parsed = parseImportFile({ name, bytes: readFileSync(join(dir, name)) });
    if (parsed.kind !== 'draft') throw new Error(`${name} is not a document`);
    return parsed.draft;
  });
  const metas = await user.importDrafts(drafts);
  await user.settled();
  const docIds = new Map(names.map((n, i) => [n.replace(/\.md$/, ''), metas[i]!.id]));
  const passages = (await Promise.all(metas.map((m) => service.getDocument(m.id)))).flatMap((d) => d.passages);
  const named = [...new Set(passages.flatMap((p) => p.entityIds))].filter((id) => [...entityIds.values()].includes(id));
  return {
    judged: { card: (id) => service.lookupEntity(id), passages, sources: new Map(metas.map((m) => [m.id, m])), named },
    docIds,
    entityIds,
  };
}
