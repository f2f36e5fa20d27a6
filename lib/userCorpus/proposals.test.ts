import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../corpus/gazetteer';
import { Matcher, patternsFromEntities } from '../text/matcher';
import { draftFromMarkdown } from './draft';
import { userEntityId } from './merge';
import { proposeEntities } from './proposals';

const matcher = new Matcher(patternsFromEntities(gazetteer));
const known = (s: string) => matcher.findAll(s);
const notes = draftFromMarkdown(readFileSync(new URL('../../tests/fixtures/import/field-notes.md', import.meta.url), 'utf8'), 'field-notes.md').body;

describe('proposeEntities', () => {
  it('proposes the places and groups the gazetteer lacks, typed, with an example sentence', () => {
    const proposals = proposeEntities(notes, known);
    const byName = new Map(proposals.map((p) => [p.name, p]));
    expect(byName.get('Hamza Division')).toMatchObject({ type: 'group', count: 2 });
    expect(byName.get('Hamza Division')!.example).toMatch(/Hamza Division/);
    expect(byName.get('Tal Abyad')).toMatchObject({ type: 'place' });
  });

  it('leaves out names the corpus already knows, and sentence-initial words', () => {
    const names = proposeEntities(notes, known).map((p) => p.name);
    expect(names).not.toContain('Raqqa');
    expect(names).not.toContain('SDF');
    expect(names).not.toContain('Residents');
    expect(names).not.toContain('The');
  });

  it('makes unique user- ids', () => {
    expect(userEntityId('Hamza Division', new Set())).toBe('user-hamza-division');
    expect(userEntityId('Hamza Division', new Set(['user-hamza-division']))).toBe('user-hamza-division-2');
    expect(userEntityId('Ḥamāh', new Set())).toBe('user-hamah');
  });
});
