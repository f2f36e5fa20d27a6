import { describe, expect, it } from 'vitest';
import { Matcher, patternsFromEntities } from '../matcher';
import { normalizeAlias } from '../normalize';
import type { Entity } from '../../corpus/types';

const entity = (id: string, ...aliases: string[]): Entity => ({
  id, type: 'place', kind: 'city', name: id, description: '', aliases: aliases.map((text) => ({ text })),
});
const matcher = new Matcher(patternsFromEntities([
  entity('raqqa', 'الرقة', 'Rakka'),
  entity('mosul', 'الموصل', 'موصل', 'Musul'),
  entity('isis', 'داعش', 'IŞİD', 'État islamique'),
  entity('baghdad', 'بغداد'),
]));
/** The underlined text of each match. */
const found = (text: string) => matcher.findAll(text).map((m) => [m.entityId, text.slice(m.start, m.end)]);

describe('Arabic', () => {
  it('folds alef forms, ta marbuta, alef maqsura, Persian yeh and keheh; drops tashkeel and tatweel', () => {
    expect(normalizeAlias('أإآٱ').folded).toBe('اااا');
    expect(normalizeAlias('الرقة').folded).toBe(normalizeAlias('الرقه').folded);
    expect(normalizeAlias('مصطفى').folded).toBe(normalizeAlias('مصطفي').folded);
    expect(normalizeAlias('کوردی').folded).toBe(normalizeAlias('كوردي').folded);
    expect(normalizeAlias('المَوْصِل').folded).toBe(normalizeAlias('الموصل').folded);
    expect(normalizeAlias('المـــوصل').folded).toBe(normalizeAlias('الموصل').folded);
  });
  it('finds a name after the article and attached clitics, underlining the name', () => {
    expect(found('دخلت القوات والرقة بالموصل لداعش.')).toEqual([
      ['raqqa', 'الرقة'], ['mosul', 'الموصل'], ['isis', 'داعش'],
    ]);
    expect(found('فالموصل وبالرقة')).toEqual([['mosul', 'الموصل'], ['raqqa', 'الرقة']]);
  });
  it('finds ل + ال written لل, underlining the name with its article letter', () => {
    expect(found('عاد النازحون للرقة وللموصل')).toEqual([['raqqa', 'لرقة'], ['mosul', 'لموصل']]);
  });
  it('finds a name spelt with ه, tashkeel, tatweel or hamza-less alef', () => {
    expect(found('في الرقه و المَوْصِل وداعـــش')).toEqual([['raqqa', 'الرقه'], ['mosul', 'المَوْصِل'], ['isis', 'داعـــش']]);
  });
  it('does not find a name inside a longer word unless what precedes it is clitics only', () => {
    expect(found('الموصلي')).toEqual([]); // the demonym
    expect(found('تداعش')).toEqual([]); // ت is no clitic
    expect(found('استبغداد')).toEqual([]);
    expect(found('وبغداد')).toEqual([['baghdad', 'بغداد']]);
  });
});

describe('Turkish', () => {
  it('folds dotted and dotless i, and ends a name at the apostrophe of its suffix', () => {
    expect(found("IŞİD'in Rakka'nın Musul'daki")).toEqual([['isis', 'IŞİD'], ['raqqa', 'Rakka'], ['mosul', 'Musul']]);
    expect(found('Işid ve ışid')).toEqual([['isis', 'Işid'], ['isis', 'ışid']]);
  });
});

describe('French', () => {
  it('finds a name after elision', () => {
    expect(found("l’État islamique et l'Etat islamique")).toEqual([['isis', 'État islamique'], ['isis', 'Etat islamique']]);
  });
});
