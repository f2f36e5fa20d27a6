import { describe, expect, it } from 'vitest';
import { BUNDLE_VERSION, bundleData, makeBundle, planImport, readBundle } from './bundle';
import type { UserCorpusData } from './types';

const doc = (id: string, title: string, body = `${title} text about Raqqa.`) => ({
  meta: { id, title, date: '2017', dateApproximate: false, dateLabel: '2017', perspective: 'Notes', origin: 'user' as const },
  body,
});
const data: UserCorpusData = {
  documents: [doc('user-a', 'A'), doc('user-b', 'B')],
  entities: [{ id: 'user-hamza-division', type: 'group', kind: 'armed group', name: 'Hamza Division', description: '', aliases: [{ text: 'Hamza Division' }] }],
  aliases: [{ entityId: 'raqqa', text: 'Ar-Raqqah' }],
  hiddenSeeds: ['000_7e19e4b8228dd140'],
};

describe('corpus bundle', () => {
  it('round-trips: makeBundle → JSON → readBundle gives the same data and settings', () => {
    const bundle = makeBundle(data, { underlines: false }, '2024-05-01T00:00:00.000Z');
    const back = readBundle(JSON.stringify(bundle), 'b.json');
    expect(back.version).toBe(BUNDLE_VERSION);
    expect(bundleData(back)).toEqual(data);
    expect(back.settings).toEqual({ underlines: false });
  });

  it('migrates a version-1 bundle (documents only) to the current version', () => {
    const v1 = { format: 'counterpoint-corpus', version: 1, documents: [doc('user-a', 'A')] };
    const b = readBundle(JSON.stringify(v1), 'old.json');
    expect(b).toMatchObject({ version: 2, entities: [], aliases: [], hiddenSeeds: [] });
    expect(b.documents).toEqual([doc('user-a', 'A')]);
  });

  it('refuses an alias of an entity the bundle lacks, and a user entity without the user- prefix', () => {
    const orphan = { ...makeBundle(data, undefined, 'x'), aliases: [{ entityId: 'user-nobody', text: 'X' }] };
    expect(() => readBundle(JSON.stringify(orphan), 'o.json')).toThrow(/o\.json: has an alias "X" for an entity it does not contain/);
    const badId = { ...makeBundle(data, undefined, 'x'), entities: [{ ...data.entities[0], id: 'raqqa' }] };
    expect(() => readBundle(JSON.stringify(badId), 'e.json')).toThrow(/entities\.0\.id: user entity ids start with "user-"/);
  });

  it('previews a merge: added, replaced, unchanged; nothing removed', () => {
    const incoming: UserCorpusData = { documents: [doc('user-b', 'B'), doc('user-c', 'C'), doc('user-a', 'A2')], entities: [], aliases: [{ entityId: 'raqqa', text: 'Ar-Raqqah' }], hiddenSeeds: [] };
    const { next, preview } = planImport(data, incoming, 'merge');
    expect(preview).toMatchObject({ added: ['C'], replaced: ['A2'], removed: [], unchanged: 1, aliasesAdded: 0, hiddenSeeds: 1 });
    expect(next.documents.map((d) => d.meta.title).sort()).toEqual(['A2', 'B', 'C']);
    expect(next.aliases).toHaveLength(1);
    expect(next.entities).toEqual(data.entities);
  });

  it('previews a replace: the result is the bundle alone', () => {
    const incoming: UserCorpusData = { documents: [doc('user-c', 'C')], entities: [], aliases: [], hiddenSeeds: [] };
    const { next, preview } = planImport(data, incoming, 'replace');
    expect(preview).toMatchObject({ added: ['C'], removed: ['A', 'B'], hiddenSeeds: 0 });
    expect(next).toEqual(incoming);
  });
});
