import corpus from 'virtual:counterpoint-corpus';
import { describe, expect, it } from 'vitest';
import { type CorpusShard, packCorpus, unpackCorpus } from './assets';
import { corpusRevision } from './revision';
import { CorpusStore } from './store';
import type { CompiledCorpus, Entity, SourceMeta } from './types';

const revision = corpusRevision(corpus);
const copy = (): CompiledCorpus => structuredClone(corpus);

describe('corpusRevision', () => {
  it('is the same for the same content, however its objects were put together', () => {
    expect(corpusRevision(copy())).toBe(revision);
    const reordered = copy();
    reordered.entities = reordered.entities.map(({ aliases, description, id, kind, name, type }) => ({ type, name, kind, id, description, aliases }));
    expect(corpusRevision(reordered)).toBe(revision);
  });

  it('changes when one alias’s text changes (same number of aliases)', () => {
    const changed = copy();
    const alias = changed.entities.find((e) => e.id === 'raqqa')!.aliases[0]!;
    alias.text = `${alias.text}h`;
    expect(corpusRevision(changed)).not.toBe(revision);
  });

  it('changes when an alias becomes case-sensitive or ambiguous', () => {
    const cased = copy();
    cased.entities[0]!.aliases[0]!.caseSensitive = !cased.entities[0]!.aliases[0]!.caseSensitive;
    const ambiguous = copy();
    ambiguous.entities[0]!.aliases[0]!.ambiguous = !ambiguous.entities[0]!.aliases[0]!.ambiguous;
    expect(new Set([revision, corpusRevision(cased), corpusRevision(ambiguous)]).size).toBe(3);
  });

  it('changes when one document’s body changes by one character', () => {
    const changed = copy();
    const doc = changed.documents[2]!;
    doc.body = doc.body.replace('a', 'e');
    expect(doc.body).not.toBe(corpus.documents[2]!.body);
    expect(corpusRevision(changed)).not.toBe(revision);
  });

  it('changes with what cards show: a passage’s stance, a document’s perspective', () => {
    const stance = copy();
    stance.passages[0]!.stance = stance.passages[0]!.stance === 'neutral' ? 'progress' : 'neutral';
    const perspective = copy();
    perspective.documents[0]!.meta.perspective += ' (revised)';
    expect(new Set([revision, corpusRevision(stance), corpusRevision(perspective)]).size).toBe(3);
  });

  it('is the revision of the store, the manifest, its matcher data and every shard, and survives packing', () => {
    const store = new CorpusStore(corpus);
    const { manifest, files } = packCorpus(store, { chunkChars: 5_000, index: false });
    expect(store.revision).toBe(revision);
    expect(manifest.revision).toBe(revision);
    const read = <T>(path: string) => JSON.parse(files.get(path)!) as T;
    expect(read<{ revision: string }>(manifest.files.matcher).revision).toBe(revision);
    const shards = manifest.files.shards.map((p) => read<CorpusShard>(p));
    expect(shards.length).toBeGreaterThan(1);
    expect(shards.map((s) => s.revision)).toEqual(shards.map(() => revision));
    const unpacked = unpackCorpus(read<Entity[]>(manifest.files.entities), read<SourceMeta[]>(manifest.files.sources), shards);
    expect(corpusRevision(unpacked)).toBe(revision);
  });
});
