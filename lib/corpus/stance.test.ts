import { describe, expect, it } from 'vitest';
import { CUES, stanceOf } from './stance';

describe('stanceOf on the seed corpus', () => {
  // Each case is a passage (or sentence) quoted from the seed articles.
  const progress: Array<[string, string, string[]]> = [
    [
      '002 Boston Herald',
      '“Liberating Raqqa is a triumph for humanity, especially women,” said Ilham Ahmed, a senior member of SDF’s political wing. “It is a salvation for the will to live an honorable life. It is a defeat to the forces of darkness.”',
      ['Liberating', 'triumph', 'salvation', 'defeat'],
    ],
    [
      '002 Boston Herald',
      '“Their story of leading a holy cause has proved to be cesspool of brutal lies, torture and oppression,” Dillon said. “ISIS is losing in every way.”',
      ['losing'],
    ],
    [
      '002 Boston Herald',
      'Operation Inherent Resolve spokesman Army Col. Ryan Dillon told reporters yesterday ISIS is “on the verge of a devastating defeat.”',
      ['on the verge of a devastating defeat'],
    ],
    [
      '002 Boston Herald',
      'Ninety percent of Raqqa has been cleared, but an estimated 100 ISIS fighters remain. Mines, IEDs and other booby traps are strewn across the city, Dillon said. Even so, with the coalition marking its third anniversary of pushing back ISIS’ advance, the group is in retreat.',
      ['cleared', 'pushing back', 'in retreat'],
    ],
    [
      '002 Boston Herald',
      'U.S.-backed forces claim they’ve routed Islamic State fighters from Raqqa, declaring victory after months of fighting in the terrorist group’s de facto Syrian capital, eroding its ability to launch attacks and delivering a major symbolic loss to the so-called caliphate, experts say.',
      ['routed', 'victory', 'eroding', 'symbolic loss'],
    ],
    ['003 US officials', '"This perverse caliphate is shrinking," Obama aide Brett McGurk said.', ['shrinking']],
    [
      '003 US officials',
      '"They are very much on the defensive," McGurk said. "They have not re-taken any territory since their operations in Ramadi going all the way back to May. Their territory is shrinking."',
      ['on the defensive', 'have not re-taken', 'shrinking'],
    ],
    [
      '003 US officials',
      'In mid-April, The Iraq Oil Report broke the news that airstrikes inside Mosul City — which was once intended to be the focal point of ISIS\' caliphate — have been "killing dozens of militants per week."',
      ['killing dozens of militants'],
    ],
    [
      '000 Raqqa activist',
      'The terrorist group’s losses have not stopped since the very beginning of 2016, started with losing Palmyra city for the regime army, losing Fallujah for the Shiite Iraqi Popular Mobilization, the northern countryside of Raqqa to the Kurdish forces and lately the group lost nearly a thousand kilometers to the FSA troops and the Turkish army in the Shield of the Euphrates.',
      ['losses have not stopped', 'losing', 'lost'],
    ],
  ];

  const setback: Array<[string, string, string[]]> = [
    [
      '001 regional critic',
      'There is no victory over ISIS . What has been defeated is not ISIS . ISIS now either will hide in al Mosul itself or will relocate , and this is already happening,and ISIS is relocating in Yemen and in other places also where there is a weak state and a hosting environment that will make it prosper again .',
      ['no victory', 'defeated is not', 'relocate', 'relocating', 'prosper again'],
    ],
    [
      '001 regional critic',
      'As long as the purpose of the predator to extend this war has not been defeated , there is no room for any victory . 900 thousand people were displaced in al Mosul . Just yesterday, more people were displaced from east Damascus , not to speak of those displaced by thousands from al Raqqa who were also targeted by the Coalition strikes and killed by the dozen .',
      ['extend this war', 'not been defeated', 'no room for any victory', 'displaced', 'targeted by the Coalition strikes', 'killed'],
    ],
    [
      '001 regional critic',
      'We are not monitoring this war so as to claim victory and to say that victory is ours. This is dishonest . The Syrian and the Iraqi rules are being complacent, and the objective of the predators is being implemented and it is to prolong this war endlessly until nothing is left .',
      ['dishonest', 'complacent', 'prolong'],
    ],
    [
      '001 regional critic',
      'And yet the local media is speaking of victory while the war has not ended and is`escalating on more than a front , and the progress of the Syrian and Iraqi Armies are US coordinated.',
      ['has not ended', 'escalating'],
    ],
    [
      '004 Raqqa activist',
      'All news sites indicate that ISIS fighters have fled Mosul towards Raqqa, which means gathering more and more fighters in Raqqa and making the battle of Raqqa a lot harder especially that the US is depending totally on the Kurdish troops which are not welcomed by the civilians in Raqqa.',
      ['a lot harder', 'not welcomed'],
    ],
    [
      '004 Raqqa activist',
      'From a humanitarian view and according to the UN, the battle could displace 1.2 million civilians. Now, 213 thousand people from Mosul, Fallujah and Qaiara in refugee camps northern Iraq.',
      ['displace', 'refugee camps'],
    ],
    [
      '000 Raqqa activist',
      'In spite of all these defeats, the group still controls wide areas in Syria and Iraq with all the petrol fields in these areas.',
      ['still controls'],
    ],
    [
      '000 Raqqa activist',
      'But the real battle against ISIS has not started yet, because the battles are far from the group’s capitals and Iraq and Syria. Mosul, as confirmed by US observers, would not be liberated in 2016.',
      ['has not started yet', 'far from', 'not be liberated'],
    ],
    [
      '000 Raqqa activist',
      'In the end, any expert in the history of wars can tell that the war against ISIS would not finish any time soon, especially after the critical sectarian issues in Iraq and the whole situation in the Middle East.',
      ['would not finish'],
    ],
    [
      '003 US officials',
      "Just hours before McGurk's press conference, ISIS killed 14 people at a natural gas plant in Baghdad and 15 more in a car bombing 20 miles south.",
      ['killed', 'car bombing'],
    ],
  ];

  it.each(progress)('progress (%s): %s', (_src, text, cues) => {
    expect(stanceOf(text)).toEqual({ stance: 'progress', cues });
  });

  it.each(setback)('setback (%s): %s', (_src, text, cues) => {
    expect(stanceOf(text)).toEqual({ stance: 'setback', cues });
  });

  const neutral: Array<[string, string]> = [
    ['002 hedged claim', 'The Pentagon stopped short of declaring total victory in the ISIS stronghold.'],
    [
      '004 hypothetical',
      'If the US managed to liberate Mosul this would be a great victory for it, but would this victory be the end of the Iranian expanding in the region?',
    ],
    [
      '000 no cue',
      'ISIS is fighting several armies and coalitions. First of all, the International Coalition, led by the US, which is consists of more than sixty countries.',
    ],
    [
      '000 a spokesman killed is not a civilian toll; the motto is quoted',
      'Abu Muhammad Al Adnani, the previews spokesperson of ISIS who was killed by an air strike in Al Bab, Aleppo, announced the end of (remaining and expanding) and the return to the group’s old status in the deserts.',
    ],
    ['003 tie: shrinks vs besieged', 'While ISIS territory shrinks, hundreds of students in Moadamiyeh and Madaya — two rebel-held Syrian towns besieged by government forces — were allowed to take year-end exams.'],
  ];

  it.each(neutral)('neutral (%s): %s', (_src, text) => {
    expect(stanceOf(text)).toEqual({ stance: 'neutral', cues: [] });
  });
});

describe('stanceOf rules', () => {
  it('flips negated cues and shows the cue from the negator', () => {
    expect(stanceOf('ISIS has not been defeated.')).toEqual({ stance: 'setback', cues: ['not been defeated'] });
    expect(stanceOf('ISIS has been defeated.')).toEqual({ stance: 'progress', cues: ['defeated'] });
    expect(stanceOf('There is no victory in sight.')).toEqual({ stance: 'setback', cues: ['no victory'] });
    expect(stanceOf('Mosul will not be liberated this year.')).toEqual({ stance: 'setback', cues: ['not be liberated'] });
  });

  it('does not carry a negation across a clause boundary', () => {
    // "not" belongs to "ended"; "escalating" is a new clause after "and".
    expect(stanceOf('The war has not ended and is escalating.')).toEqual({ stance: 'setback', cues: ['has not ended', 'escalating'] });
    expect(stanceOf('It was not easy, but Raqqa was liberated.')).toEqual({ stance: 'progress', cues: ['liberated'] });
  });

  it('counts losing/retreating only when said of the enemy', () => {
    expect(stanceOf('ISIS has lost Tikrit.')).toEqual({ stance: 'progress', cues: ['lost'] });
    expect(stanceOf('The farmers lost their harvest.').stance).toBe('neutral');
    expect(stanceOf('Militants are retreating from the town.')).toEqual({ stance: 'progress', cues: ['retreating'] });
  });

  it('counts killings as a setback only when people are killed, as progress when militants are', () => {
    expect(stanceOf('The strike killed 30 civilians.')).toEqual({ stance: 'setback', cues: ['killed'] });
    expect(stanceOf('The commander was killed in a raid.').stance).toBe('neutral');
    expect(stanceOf('Airstrikes killed 40 ISIS fighters.')).toEqual({ stance: 'progress', cues: ['killed 40 ISIS fighters'] });
  });

  it('keeps foreseen costs but ignores hypothetical gains', () => {
    expect(stanceOf('The offensive could displace thousands of families.').stance).toBe('setback');
    expect(stanceOf('If the army liberates the city, it will be a victory.').stance).toBe('neutral');
  });

  it('is neutral on a tie or without cues, and reports cues as written, without duplicates', () => {
    expect(stanceOf('The city was liberated but thousands were displaced.')).toEqual({ stance: 'neutral', cues: [] });
    expect(stanceOf('The weather was fine.')).toEqual({ stance: 'neutral', cues: [] });
    expect(stanceOf('')).toEqual({ stance: 'neutral', cues: [] });
    expect(stanceOf('DISPLACED, displaced and displaced again.')).toEqual({ stance: 'setback', cues: ['DISPLACED'] });
  });

  it('matches whole words only', () => {
    expect(stanceOf('The rerouted convoy arrived; the clearedness test.').stance).toBe('neutral');
  });

  it('has a documented, well-formed lexicon', () => {
    for (const cue of CUES) {
      expect(() => new RegExp(cue.pattern, 'iu')).not.toThrow();
      expect(['progress', 'setback', 'neutral']).toContain(cue.stance);
      expect(cue.weight).toBeGreaterThanOrEqual(0);
    }
  });
});
