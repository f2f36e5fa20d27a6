/** Small hand-made data for the view-model tests (imported by tests only, never by the extension). */
import type { Comparison, EntitySummary, SearchHit } from '../messages/protocol';
import type { Passage, SourceMeta } from '../corpus/types';

export function source(id: string, over: Partial<SourceMeta> = {}): SourceMeta {
  return {
    id,
    title: `Title ${id}`,
    date: '2016-10',
    dateApproximate: true,
    dateLabel: 'October 2016',
    perspective: `Perspective ${id}`,
    origin: 'seed',
    ...over,
  };
}

export function passage(id: number, docId: string, text: string, over: Partial<Passage> = {}): Passage {
  return {
    id,
    docId,
    start: id * 1000,
    end: id * 1000 + text.length,
    text,
    mentions: [],
    entityIds: [],
    stance: 'neutral',
    stanceCues: [],
    ...over,
  };
}

export function hit(p: Passage, src: SourceMeta, score: number, highlights: Array<[number, number]> = []): SearchHit {
  return { passage: p, source: src, score, highlights };
}

export function summary(id: string, over: Partial<EntitySummary> = {}): EntitySummary {
  return { id, name: id.toUpperCase(), type: 'group', kind: 'armed group', description: '', sourceCount: 1, ...over };
}

export function comparison(entity: EntitySummary, columns: Comparison['columns'], silent: SourceMeta[] = []): Comparison {
  return { entity, columns, silent };
}
