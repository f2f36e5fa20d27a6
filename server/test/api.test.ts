/**
 * The team server's routes on a real PostgreSQL: what a desk files is on its cards, in its search,
 * comparison and reader; names added later reach documents filed before; readers cannot write;
 * every refusal is a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasted, startHarness, type Harness } from './harness';
import { withTeam } from '../src/db';
import { keepMissingRanks } from '../src/answers';

let h: Harness;
let writer: string;
let reader: string;

const RAQQA = 'Fighters of the SDF entered Raqqa on Tuesday after weeks of siege. Residents said the city was destroyed and thousands displaced.\n\nIn Mosul, Iraqi forces liberated the old city, officials said.';

beforeAll(async () => {
  h = await startHarness();
  writer = await h.token('desk-iraq', 'writer', 'Desk Iraq');
  reader = await h.token('desk-iraq', 'reader');
});
afterAll(async () => h?.close());

describe('team server', () => {
  it('files a pasted document and answers its card, search, comparison and reader view', async () => {
    const filed = await h.call(writer, 'POST', '/v1/documents', pasted(RAQQA));
    expect(filed.status).toBe(201);
    const [docId] = filed.json.ids;

    const card = await h.call(reader, 'GET', '/v1/entities/raqqa/card');
    expect(card.status).toBe(200);
    expect(card.json.entity.name).toBe('Raqqa');
    expect(card.json.excerpts.map((e: any) => e.passage.text)).toEqual([expect.stringContaining('entered Raqqa on Tuesday')]);
    expect(card.json.excerpts[0].source.id).toBe(docId);

    const search = await h.call(reader, 'POST', '/v1/search', { query: 'liberated old city' });
    expect(search.json.hits.map((x: any) => x.passage.text)).toContain('In Mosul, Iraqi forces liberated the old city, officials said.');

    const compare = await h.call(reader, 'GET', '/v1/entities/mosul/compare');
    expect(compare.json.columns).toHaveLength(1);
    expect(compare.json.columns[0].stance).toBe('progress');

    const doc = await h.call(reader, 'GET', `/v1/documents/${docId}`);
    expect(doc.json.document.body).toBe(RAQQA);
    // A pasted text names no perspective, outlet or author: it is filed under the team's name, not "Your documents".
    expect(doc.json.document.meta.perspective).toBe('Desk Iraq');
    expect(doc.json.passages.length).toBeGreaterThanOrEqual(2);
  });

  it('finds a misspelt name by trigrams and searches French text with its accents folded', async () => {
    await h.call(writer, 'POST', '/v1/documents', pasted('Les forces kurdes ont libéré la ville de Kobanî après des mois de combats.', 'french'));
    const misspelt = await h.call(reader, 'POST', '/v1/search', { query: 'Kirkouk' });
    expect(misspelt.json.entities.map((e: any) => e.id)).toContain('kirkuk');
    const french = await h.call(reader, 'POST', '/v1/search', { query: 'liberer Kobani' });
    expect(french.json.hits.map((x: any) => x.passage.text)).toContain('Les forces kurdes ont libéré la ville de Kobanî après des mois de combats.');
  });

  it('reads the files the options page takes: Markdown and HTML; refuses a bundle and a binary with their reason', async () => {
    const md = '---\ntitle: Notes from Tabqa\nauthor: A. Reporter\n---\nThe dam at Tabqa was taken by the SDF, commanders said.';
    const html = `<html><head><title>Deir ez-Zor dispatch</title></head><body><article><h1>Deir ez-Zor dispatch</h1>${'<p>Shelling hit Deir ez-Zor again overnight, residents said, and families fled towards the river. </p>'.repeat(4)}</article></body></html>`;
    const files = [
      { name: 'tabqa.md', base64: Buffer.from(md).toString('base64') },
      { name: 'dispatch.html', base64: Buffer.from(html).toString('base64') },
    ];
    const filed = await h.call(writer, 'POST', '/v1/documents', { files });
    expect(filed.status).toBe(201);
    expect(filed.json.ids).toHaveLength(2);
    const card = await h.call(reader, 'GET', '/v1/entities/deir-ez-zor/card');
    expect(card.json.excerpts[0].source.title).toBe('Deir ez-Zor dispatch');

    const bundle = await h.call(writer, 'POST', '/v1/documents', { files: [{ name: 'corpus.json', base64: Buffer.from('{}').toString('base64') }] });
    expect(bundle.status).toBe(422);
    const binary = await h.call(writer, 'POST', '/v1/documents', { files: [{ name: 'x.txt', base64: Buffer.from([0, 1, 2, 0, 0, 255]).toString('base64') }] });
    expect(binary).toMatchObject({ status: 422, json: { error: 'unreadable' } });
  });

  it('adds a group and a name, and documents filed before now mention them', async () => {
    await h.call(writer, 'POST', '/v1/documents', pasted('The Hamza Brigade held the crossing near Jarablus, a spokesman for the brigade said.'));
    const group = await h.call(writer, 'POST', '/v1/entities', { name: 'Hamza Brigade', type: 'group', kind: 'armed group', description: 'A Syrian opposition faction.', aliases: [] });
    expect(group.status).toBe(201);
    expect(group.json.recompiled).toBe(1);
    const card = await h.call(reader, 'GET', `/v1/entities/${group.json.id}/card`);
    expect(card.json.excerpts[0].passage.text).toContain('Hamza Brigade held the crossing');
    // The counts kept by triggers (server/migrations/004_source_counts.sql) follow the recompile's delete and insert.
    const stored = async (sql: string, params: unknown[] = []) => (await h.admin<{ n: number }>(sql, params))[0]!.n;
    const documents = await stored("SELECT count(*)::int AS n FROM documents d JOIN teams t ON t.id = d.team_id WHERE t.slug = 'desk-iraq'");
    expect(documents).toBeGreaterThan(1);
    expect(card.json.entity.sourceCount).toBe(1);
    expect(card.json.totalSources).toBe(documents);

    const name = await h.call(writer, 'POST', '/v1/names', { entityId: 'mosul', text: 'the old city' });
    expect(name.json.recompiled).toBe(1);
    const mosul = (await h.call(reader, 'GET', '/v1/entities/mosul/card')).json;
    expect(mosul.entity.sourceCount).toBe(await stored("SELECT count(DISTINCT doc_id)::int AS n FROM passages WHERE 'mosul' = ANY (entity_ids)"));
    expect(mosul.totalSources).toBe(documents);
  });

  it('serves a kept card only until the entity changes: a new document, a recompiled one, a second team', async () => {
    const quotes = async (token: string) => (await h.call(token, 'GET', '/v1/entities/palmyra/card')).json.excerpts.map((e: any) => e.passage.text);
    expect(await quotes(reader)).toEqual([]);
    await h.call(writer, 'POST', '/v1/documents', pasted('Government forces retook Palmyra and its ancient ruins, state media said.'));
    expect(await quotes(reader)).toEqual(['Government forces retook Palmyra and its ancient ruins, state media said.']);
    await h.call(writer, 'POST', '/v1/documents', pasted('Pilgrims reached the desert pearl at dawn, the governor said.'));
    const before = (await h.call(reader, 'GET', '/v1/entities/palmyra/card')).json;
    expect(before.entity.sourceCount).toBe(1);
    // A name added later: the earlier document is filed again with Palmyra in it, and the card shows it.
    expect((await h.call(writer, 'POST', '/v1/names', { entityId: 'palmyra', text: 'the desert pearl' })).json.recompiled).toBe(1);
    const after = (await h.call(reader, 'GET', '/v1/entities/palmyra/card')).json;
    expect(after.entity.sourceCount).toBe(2);
    expect(after.excerpts.map((e: any) => e.passage.text)).toContain('Pilgrims reached the desert pearl at dawn, the governor said.');
    // Another team's card of the same entity, asked right after: none of it.
    const other = await h.token('desk-aleppo', 'reader');
    expect(await quotes(other)).toEqual([]);
  });

  it('keeps each passage\'s ranks when filing it, and answers the same card and search as without them', async () => {
    const w = await h.token('desk-ranks', 'writer');
    const texts = [
      'ISIS lost Raqqa to the SDF after a long siege, commanders said. The city lay in ruins.',
      'Residents who fled Raqqa described airstrikes on the old city; the SDF said ISIS fighters hid among civilians.',
      'The Global Coalition to Counter ISIS met in Washington. Raqqa, Mosul and Tabqa were discussed.',
    ];
    for (const text of texts) expect((await h.call(w, 'POST', '/v1/documents', pasted(text))).status).toBe(201);
    const kept = await h.admin<{ ranks: Record<string, [string, number, number, number]> | null }>(
      "SELECT p.ranks FROM passages p JOIN teams t ON t.id = p.team_id WHERE t.slug = 'desk-ranks' ORDER BY p.doc_id, p.n",
    );
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.every((r) => r.ranks && 'raqqa' in r.ranks && typeof r.ranks.raqqa[1] === 'number')).toBe(true);
    const answers = async (harness: Harness) => ({
      cards: await Promise.all(['raqqa', 'isis', 'syrian-democratic-forces'].map(async (id) => (await harness.call(w, 'GET', `/v1/entities/${id}/card`)).json)),
      searches: await Promise.all(['Raqqa', 'ISIS fighters', 'siege'].map(async (query) => (await harness.call(w, 'POST', '/v1/search', { query })).json)),
    });
    const withRanks = await answers(h);
    expect(withRanks.cards[0].excerpts.length).toBeGreaterThan(0);
    // The same rows with no ranks kept (as filed before server/migrations/005), read by a new app (no answer kept in memory).
    await h.admin("UPDATE passages SET ranks = NULL FROM teams t WHERE t.id = passages.team_id AND t.slug = 'desk-ranks'");
    const fresh = await startHarness({}, h.cluster);
    try {
      expect(await answers(fresh)).toEqual(withRanks);
    } finally {
      await fresh.close();
    }
    // Kept again for the passages filed before them (bench/keep-ranks.mjs): the same ranks as filing keeps.
    const id = (await h.admin<{ id: number }>("SELECT id FROM teams WHERE slug = 'desk-ranks'"))[0]!.id;
    let after: string | undefined = '0';
    while (after !== undefined) after = await withTeam(h.pools.write, id, (client) => keepMissingRanks(client, after!, 2));
    expect(await h.admin("SELECT p.ranks FROM passages p JOIN teams t ON t.id = p.team_id WHERE t.slug = 'desk-ranks' ORDER BY p.doc_id, p.n")).toEqual(kept);
  });

  it('answers a search again only while its candidates are the same: a new match, a recompiled one, a second team', async () => {
    const hits = async (token: string) => (await h.call(token, 'POST', '/v1/search', { query: 'caravan' })).json.hits.map((x: any) => x.passage);
    expect(await hits(reader)).toEqual([]);
    await h.call(writer, 'POST', '/v1/documents', pasted('A caravan of trucks left at night, the drivers said.'));
    expect((await hits(reader)).map((p: any) => p.text)).toEqual(['A caravan of trucks left at night, the drivers said.']);
    await h.call(writer, 'POST', '/v1/documents', pasted('The caravan reached the border crossing by noon.'));
    expect(await hits(reader)).toHaveLength(2);
    // A name added later: the document is filed again (same id, same passage numbers) and the hit now names the entity.
    expect((await h.call(writer, 'POST', '/v1/names', { entityId: 'aleppo', text: 'the border crossing' })).json.recompiled).toBe(1);
    const crossing = (await hits(reader)).find((p: any) => p.text.startsWith('The caravan reached'));
    expect(crossing.entityIds).toContain('aleppo');
    expect(await hits(await h.token('desk-aleppo', 'reader'))).toEqual([]);
  });

  it('refuses a reader\'s write, a missing or unknown token, a bad param, an unknown entity, each with its own error', async () => {
    const before = await h.admin<{ n: string }>('SELECT count(*) AS n FROM documents');
    expect(await h.call(reader, 'POST', '/v1/documents', pasted('Raqqa again.'))).toMatchObject({ status: 403, json: { error: 'forbidden' } });
    expect(await h.call(undefined, 'GET', '/v1/entities/raqqa/card')).toMatchObject({ status: 401, json: { error: 'unauthorized' } });
    expect(await h.call('cpt_not-a-token', 'GET', '/v1/entities/raqqa/card')).toMatchObject({ status: 401 });
    expect(await h.call(reader, 'POST', '/v1/search', { query: 'x', limit: 1000 })).toMatchObject({ status: 400, json: { error: 'invalid', message: expect.stringContaining('limit') } });
    expect(await h.call(reader, 'POST', '/v1/search', { query: 'x', extra: 1 })).toMatchObject({ status: 400 });
    expect(await h.call(writer, 'POST', '/v1/documents', { text: 'a', files: [] })).toMatchObject({ status: 400 });
    expect(await h.call(reader, 'GET', '/v1/entities/atlantis/card')).toMatchObject({ status: 404, json: { error: 'not-found' } });
    expect(await h.call(reader, 'GET', '/v1/documents/user-nope')).toMatchObject({ status: 404 });
    expect(await h.call(writer, 'POST', '/v1/names', { entityId: 'atlantis', text: 'Atlantis' })).toMatchObject({ status: 404 });
    expect(await h.call(reader, 'POST', '/v1/search', '{"query": ')).toMatchObject({ status: 400 });
    expect(await h.admin('SELECT count(*) AS n FROM documents')).toEqual(before);
  });
});
