import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gazetteer } from '../../corpus/gazetteer';
import type { MatchPattern } from '../corpus/types';
import { Matcher, patternsFromEntities } from './matcher';
import { packAutomaton } from './packedAutomaton';

/** As it reaches a page: through JSON (storage.local, runtime messages). */
const stored = (patterns: readonly MatchPattern[]) => JSON.parse(JSON.stringify(packAutomaton(patterns))) as ReturnType<typeof packAutomaton>;

const unit = fc.constantFrom('a', 'b', 'A', 'B', 'é', 'ṭ', '𝐀', ' ', '-', '.', "'", '’', '\u00ad');
const pattern = fc.record({
  text: fc.array(unit, { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
  entityId: fc.constantFrom('e1', 'e2', 'e3'),
  caseSensitive: fc.boolean(),
  ambiguous: fc.boolean(),
  type: fc.constantFrom('place' as const, 'group' as const),
});
const text = fc.array(unit, { maxLength: 40 }).map((a) => a.join(''));

describe('packed automaton', () => {
  it('matches exactly as the automaton built from the patterns', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 10 }), text, (patterns, t) => {
        expect(new Matcher(patterns, { packed: stored(patterns) }).findAll(t)).toEqual(new Matcher(patterns).findAll(t));
      }),
      { numRuns: 250 },
    );
  }, 60_000);

  it('finds the gazetteer’s names in a page as the built one does', () => {
    const patterns = patternsFromEntities(gazetteer);
    const page = 'Fighters left al-Raqqa for Deir ez‑Zor; the SDF and the Peshmerga met near Mosul. ISIS, Daesh, Kirkuk.';
    const got = new Matcher(patterns, { packed: stored(patterns) }).findAll(page);
    expect(got.length).toBeGreaterThan(4);
    expect(got).toEqual(new Matcher(patterns).findAll(page));
  });

  it('shown: matches as if only the shown patterns were given, from the one automaton', () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 10 }), text, (patterns, t) => {
        const shown = (p: MatchPattern) => p.type === 'place';
        const got = new Matcher(patterns, { packed: stored(patterns), shown }).findAll(t);
        const only = patterns.filter(shown);
        // Only the shown ones: same matches (by alias) as a matcher of those alone.
        const want = only.length ? new Matcher(only).findAll(t) : [];
        expect(got).toEqual(want);
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('is not used for another pattern list (then the matcher builds its own)', () => {
    const a = [{ text: 'Raqqa', entityId: 'raqqa', caseSensitive: false, ambiguous: false }];
    const b = [...a, { text: 'Mosul', entityId: 'mosul', caseSensitive: false, ambiguous: false }];
    expect(new Matcher(b, { packed: stored(a) }).findAll('Mosul and Raqqa').map((m) => m.entityId)).toEqual(['mosul', 'raqqa']);
  });
});
