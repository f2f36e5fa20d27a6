import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../corpus/gazetteer';
import { patternsFromEntities } from '../text/matcher';
import type { Entity, Passage } from '../corpus/types';
import type { EntitySummary } from '../messages/protocol';
import { findEntities } from './entityLookup';
import { SearchIndex } from './searchIndex';

const summaries = gazetteer.map((e): EntitySummary => ({ id: e.id, name: e.name, type: e.type, kind: e.kind, description: e.description, sourceCount: 0 }));
const patterns = patternsFromEntities(gazetteer);
const lookup = (q: string) => findEntities(summaries, patterns, q, 3).map((e) => e.id)[0];

describe('search in the languages of the region’s press', () => {
  it('finds places and groups by their Arabic, Kurdish, Turkish, French and German names', () => {
    expect(lookup('الموصل')).toBe('mosul');
    expect(lookup('المَوْصِل')).toBe('mosul');
    expect(lookup('Musul')).toBe('mosul');
    expect(lookup('Mossoul')).toBe('mosul');
    expect(lookup('Mûsil')).toBe('mosul');
    expect(lookup('موسڵ')).toBe('mosul');
    expect(lookup('داعش')).toBe('isis');
    expect(lookup('IŞİD')).toBe('isis');
    expect(lookup('isid')).toBe('isis');
    expect(lookup('Falludscha')).toBe('fallujah');
    expect(lookup('الرقه')).toBe('raqqa');
  });

  it('finds Arabic passages whatever the clitics, tashkeel and letter variants', () => {
    const passages = [
      'دخلت القوات بالموصل بعد معارك طويلة.',
      'قال سكان المَوْصِل إن الخدمات عادت.',
      'وصلت المساعدات للرقة أمس.',
      'Les combats ont repris à Mossoul.',
    ].map((text, id): Passage => ({ id, docId: 'd', start: 0, end: text.length, text, mentions: [], entityIds: [], stance: 'neutral', stanceCues: [] }));
    const index = new SearchIndex(passages, new Map<string, Entity>());
    expect(index.search('الموصل').sort()).toEqual([0, 1]);
    expect(index.search('موصل').sort()).toEqual([0, 1]);
    expect(index.search('الرقة')).toEqual([2]);
    expect(index.search('Mossoul')).toEqual([3]);
    // Highlights cover the word as written, marks included.
    const terms = index.encodeQuery('الموصل');
    const text = passages[1]!.text;
    expect(index.highlight(text, terms).map(([s, e]) => text.slice(s, e))).toEqual(['المَوْصِل']);
  });
});
