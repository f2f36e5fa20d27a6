import { describe, expect, it } from 'vitest';
import type { Passage } from '../corpus/types';
import { aboutness } from './aboutness';

/** A passage whose mentions of each name are found by exact substring. */
function passage(text: string, names: Record<string, string>): Passage {
  const mentions = Object.entries(names).flatMap(([entityId, name]) => {
    const out = [];
    for (let i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + name.length)) out.push({ entityId, start: i, end: i + name.length });
    return out;
  });
  mentions.sort((a, b) => a.start - b.start);
  return { id: 0, docId: 'd', start: 0, end: text.length, text, mentions, entityIds: [...new Set(mentions.map((m) => m.entityId))], stance: 'neutral', stanceCues: [] };
}

const roleOf = (text: string, name: string, type: 'place' | 'group' = 'place') => aboutness(passage(text, { e: name }), 'e', { type }).roles;

describe('aboutness: the role of each mention', () => {
  it('subject and object are substantive', () => {
    expect(roleOf('Varenna fell to the army on Tuesday.', 'Varenna')).toEqual(['subject']);
    expect(roleOf('The situation in Varenna is dire.', 'Varenna')).toEqual(['subject']);
    expect(roleOf('Rebels shelled Varenna overnight.', 'Varenna')).toEqual(['object']);
    expect(roleOf('The battle of Varenna went on.', 'Varenna')).toEqual(['object']);
    expect(roleOf('Thousands were displaced in Varenna.', 'Varenna')).toEqual(['object']);
    expect(aboutness(passage('Rebels shelled Varenna overnight.', { e: 'Varenna' }), 'e').substantive).toBe(true);
  });

  it('a list item, a location tag, a name, a job title and an aside are passing', () => {
    expect(roleOf('Aid reached Drevic, Kalvik and Varenna last week.', 'Kalvik')).toEqual(['list']);
    expect(roleOf('Refugees in camps in northern Varenna, the report said.', 'Varenna')).toEqual(['location']);
    expect(roleOf('Airstrikes damaged the hold on oil fields in Varenna and Drevic.', 'Drevic')).toEqual(['location']);
    expect(roleOf('The Varenna Harbour Authority issued a notice.', 'Varenna')).toEqual(['name']);
    expect(roleOf('She is the Special Envoy for the Maren Front talks.', 'Maren Front', 'group')).toEqual(['name']);
    expect(roleOf('The ministry — which borders Varenna — said little.', 'Varenna')).toEqual(['aside']);
    for (const text of ['Aid reached Drevic, Kalvik and Varenna last week.', 'The Varenna Harbour Authority issued a notice.']) {
      expect(aboutness(passage(text, { e: 'Varenna' }), 'e', { type: 'place' }).substantive).toBe(false);
    }
  });

  it('a place where the clause\'s event happens is its setting: substantive', () => {
    expect(roleOf('Schools in Tikrit reopened in March.', 'Tikrit')).toEqual(['setting']);
    expect(roleOf('Crews said the wells near Qayyarah would burn for months.', 'Qayyarah')).toEqual(['setting']);
    expect(roleOf('The smoke over Qayyarah turned the snow grey.', 'Qayyarah')).toEqual(['setting']);
    expect(roleOf('There has been displacing process towards Raqqa and Deir ez-Zor.', 'Deir ez-Zor')).toEqual(['setting']);
    expect(roleOf('In Syria, it is still in al Raqqa.', 'Syria')).toEqual(['setting']);
    expect(roleOf('In spite of all these defeats, the group still controls wide areas in Syria.', 'Syria')).toEqual(['setting']);
    expect(roleOf('Families live in refugee camps in northern Varenna.', 'Varenna')).toEqual(['setting']);
    expect(aboutness(passage('Schools in Tikrit reopened in March.', { e: 'Tikrit' }), 'e', { type: 'place' }).substantive).toBe(true);
  });

  it('a group the event is done to, for or by, and a coordinated object, are objects', () => {
    const text = 'Lately the group lost nearly a thousand kilometers to the FSA troops and the Turkish army.';
    expect(roleOf(text, 'FSA', 'group')).toEqual(['object']);
    expect(roleOf(text, 'Turkish army', 'group')).toEqual(['object']);
    expect(roleOf('It started with losing Palmyra city for the regime army.', 'regime army', 'group')).toEqual(['object']);
    expect(roleOf('ISIS is here to keep the war going and the Syrian Army busy.', 'Syrian Army', 'group')).toEqual(['object']);
    expect(roleOf('She is the Special Envoy for the Maren Front talks.', 'Maren Front', 'group')).toEqual(['name']);
  });

  it('repetition, co-reference and the title make a passage substantive', () => {
    const twice = passage('A convoy left for Varenna at dawn. The city itself was calm.', { e: 'Varenna' });
    expect(aboutness(twice, 'e', { type: 'place' }).substantive).toBe(false);
    expect(aboutness(twice, 'e', { type: 'place', kind: 'city' }).substantive).toBe(true);
    const inTitle = passage('A convoy left for Varenna at dawn.', { e: 'Varenna' });
    expect(aboutness(inTitle, 'e', { type: 'place', title: 'Life in Varenna', names: ['Varenna'] }).substantive).toBe(true);
  });

  it('never lets a passing mention outscore a substantive one', () => {
    const passing = aboutness(passage('Aid reached Drevic, Kalvik and Varenna, with Varenna last.', { e: 'Varenna' }), 'e', { type: 'place' });
    const about = aboutness(passage('Varenna held out.', { e: 'Varenna' }), 'e', { type: 'place' });
    expect(about.substantive).toBe(true);
    expect(about.score).toBeGreaterThan(passing.score);
  });
});
