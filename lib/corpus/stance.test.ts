import { describe, expect, it } from 'vitest';
import { CUES, stanceOf } from './stance';

describe('stanceOf: framing rules that hold for any war', () => {
  it('labels gains: ground taken, forces defeated or retreating, places liberated', () => {
    expect(stanceOf('“Liberating the city is a triumph for all of us,” the commander said.')).toEqual({
      stance: 'progress',
      cues: ['Liberating', 'triumph'],
    });
    expect(stanceOf('The rebels are retreating from the town.')).toEqual({ stance: 'progress', cues: ['retreating'] });
    expect(stanceOf('The army has lost Tikrit.')).toEqual({ stance: 'progress', cues: ['lost'] });
    expect(stanceOf('Airstrikes killed 40 rebel fighters.')).toEqual({ stance: 'progress', cues: ['killed 40 rebel fighters'] });
  });

  it('labels cost: people killed or displaced, destruction, victory denied, forces holding out', () => {
    expect(stanceOf('The strike killed 30 civilians.')).toEqual({ stance: 'setback', cues: ['killed'] });
    expect(stanceOf('The militia still controls the hills and the war will not end soon.')).toEqual({
      stance: 'setback',
      cues: ['still controls', 'will not end'],
    });
    expect(stanceOf('Thousands of families fled the shelling.')).toEqual({ stance: 'setback', cues: ['fled', 'shelling'] });
  });

  it('flips negated cues and shows the cue from the negator', () => {
    expect(stanceOf('The movement has not been defeated.')).toEqual({ stance: 'setback', cues: ['not been defeated'] });
    expect(stanceOf('The movement has been defeated.')).toEqual({ stance: 'progress', cues: ['defeated'] });
    expect(stanceOf('There is no victory in sight.')).toEqual({ stance: 'setback', cues: ['no victory'] });
    expect(stanceOf('The port will not be liberated this year.')).toEqual({ stance: 'setback', cues: ['not be liberated'] });
  });

  it('does not carry a negation across a clause boundary', () => {
    expect(stanceOf('The war has not ended and is escalating.')).toEqual({ stance: 'setback', cues: ['has not ended', 'escalating'] });
    expect(stanceOf('It was not easy, but the city was liberated.')).toEqual({ stance: 'progress', cues: ['liberated'] });
  });

  it('counts losing, retreating and fleeing of armed actors only; fleeing people are a cost', () => {
    expect(stanceOf('The farmers lost their harvest.').stance).toBe('neutral');
    expect(stanceOf('The commander was killed in a raid.').stance).toBe('neutral');
    expect(stanceOf('Fighters fled their bases at night.')).toEqual({ stance: 'progress', cues: ['fled'] });
    // A group the gazetteer knows counts as an actor even when no generic word names it.
    const text = 'The Maren Front is losing in every way.';
    expect(stanceOf(text).stance).toBe('neutral');
    expect(stanceOf(text, { actorSpans: [[4, 15]] })).toEqual({ stance: 'progress', cues: ['losing'] });
  });

  it('keeps foreseen costs but ignores hypothetical gains and hedged talk of victory', () => {
    expect(stanceOf('The offensive could displace thousands of families.').stance).toBe('setback');
    expect(stanceOf('If the army liberates the city, it will be a victory.').stance).toBe('neutral');
    expect(stanceOf('The ministry stopped short of declaring total victory.').stance).toBe('neutral');
    expect(stanceOf('They fight so as to claim victory.').stance).toBe('neutral');
  });

  it('is neutral on a tie or without cues, and reports cues as written, without duplicates', () => {
    expect(stanceOf('The city was liberated but thousands were displaced.')).toEqual({ stance: 'neutral', cues: [] });
    expect(stanceOf('The weather was fine.')).toEqual({ stance: 'neutral', cues: [] });
    expect(stanceOf('')).toEqual({ stance: 'neutral', cues: [] });
    expect(stanceOf('DISPLACED, displaced and displaced again.')).toEqual({ stance: 'setback', cues: ['DISPLACED'] });
  });

  it('ignores a cue inside a name the gazetteer knows', () => {
    const text = 'The Maren Liberation Front held a meeting.';
    expect(stanceOf(text).stance).toBe('progress');
    expect(stanceOf(text, { nameSpans: [[4, 26]] })).toEqual({ stance: 'neutral', cues: [] });
  });

  it('matches whole words only', () => {
    expect(stanceOf('The rerouted convoy arrived; the clearedness test.').stance).toBe('neutral');
  });

  it('labels a document about another conflict sensibly', () => {
    // Written for this test: a war that is not in the corpus, with its own names.
    const doc = [
      'Government troops recaptured the river port of Lanzo on Tuesday, and the Eastern Brigade was routed from its last stronghold.',
      'In Lanzo itself, residents counted the cost: 200 civilians were killed and 12,000 displaced, and the old market lies in ruins.',
      'The Eastern Brigade is far from defeated, a spokesman insisted; it still holds the mountain passes.',
      'The weather turned cold as the talks resumed in the capital.',
    ];
    expect(doc.map((s) => stanceOf(s))).toEqual([
      { stance: 'progress', cues: ['recaptured', 'routed'] },
      { stance: 'setback', cues: ['killed', 'displaced', 'ruins'] },
      { stance: 'setback', cues: ['far from defeated', 'still holds'] },
      { stance: 'neutral', cues: [] },
    ]);
  });

  it('has a well-formed lexicon that names no conflict, side or document', () => {
    for (const cue of CUES) {
      expect(() => new RegExp(cue.pattern, 'iu')).not.toThrow();
      expect(['progress', 'setback', 'neutral']).toContain(cue.stance);
      expect(cue.weight).toBeGreaterThanOrEqual(0);
      expect(cue.pattern).not.toMatch(/ISIS|ISIL|Daesh|caliphate|Raqqa|Mosul|coalition|\b00\d\b/i);
    }
  });
});
