import { describe, expect, it } from 'vitest';
import type { EntitySummary } from '../messages/protocol';
import type { MatchPattern } from '../corpus/types';
import { findEntities } from './entityLookup';

const entity = (id: string, name: string, sourceCount = 1): EntitySummary => ({ id, name, type: 'place', kind: 'city', description: '', sourceCount });
const pattern = (entityId: string, text: string): MatchPattern => ({ entityId, text, caseSensitive: false, ambiguous: false });

const entities = [entity('isis', 'ISIS', 5), entity('kirkuk', 'Kirkuk', 2), entity('deir-ez-zor', 'Deir ez-Zor', 3), entity('idlib', 'Idlib', 1)];
const patterns = [pattern('isis', 'Daesh'), pattern('isis', 'Islamic State'), pattern('kirkuk', 'Kirkook'), pattern('deir-ez-zor', 'Deir Ezzur')];
const ids = (text: string) => findEntities(entities, patterns, text).map((e) => e.id);

describe('findEntities', () => {
  it('finds an entity by any alias, not only its name', () => {
    expect(ids('Daesh')).toEqual(['isis']);
    expect(ids('kirkook')).toEqual(['kirkuk']);
    expect(ids('islamic')).toEqual(['isis']);
  });
  it('folds case, hyphens and diacritics', () => {
    expect(ids('deir ez zor')).toEqual(['deir-ez-zor']);
    expect(ids('DEIR-EZZUR')).toEqual(['deir-ez-zor']);
  });
  it('ranks exact and prefix matches of names first, then by sources', () => {
    expect(ids('i').slice(0, 2)).toEqual(['isis', 'idlib']);
    expect(ids('idl')).toEqual(['idlib']);
  });
  it('answers nothing for blank or unknown text', () => {
    expect(ids('  ')).toEqual([]);
    expect(ids('zzqx')).toEqual([]);
  });
});
