import { describe, expect, it } from 'vitest';
import { findSpeech } from './voices';

const who = (body: string) => findSpeech(body).map((s) => [body.slice(s.start, s.end).slice(0, 24), s.speaker, s.role ?? '', s.kind]);

describe('findSpeech', () => {
  it('names the speaker of an inverted or plain attribution, with the role before the name', () => {
    expect(who('“The port is ours,” said Harbour Authority director Lena Marsh. Ships waited.')).toEqual([
      ['“The port is ours,” said', 'Lena Marsh', 'Harbour Authority director', 'quote'],
    ]);
    expect(who('Army spokesman Col. Ivo Renn told reporters the front is “holding firm.”')).toEqual([
      ['Army spokesman Col. Ivo ', 'Col. Ivo Renn', 'Army spokesman', 'quote'],
    ]);
  });

  it('keeps a spelled-out rank with the name, and takes a name given after its role', () => {
    const body = '“We hold every ridge,” said General Anton Brask, commander of the district.\n\nGeneral Brask said the road was open.';
    expect(findSpeech(body).map((s) => [s.speaker, s.role ?? ''])).toEqual([
      ['General Anton Brask', 'commander of the district'],
      ['General Anton Brask', 'commander of the district'],
    ]);
    expect(who('“People are buying again,” said a shopkeeper, Elen Dask.')).toEqual([['“People are buying again', 'Elen Dask', 'shopkeeper', 'quote']]);
  });

  it('takes the role from an appositive and resolves a later surname', () => {
    const body = 'Mira Solt, a senior member of the Front’s council, said the talks had failed.\n\n“We will not sign,” Solt said.';
    expect(who(body)).toEqual([
      ['Mira Solt, a senior memb', 'Mira Solt', 'senior member of the Front’s council', 'reported'],
      ['“We will not sign,” Solt', 'Mira Solt', 'senior member of the Front’s council', 'quote'],
    ]);
  });

  it('carries a quotation across sentences, and a new quotation continues the last speaker', () => {
    const body = '“It is over,” said analyst Per Holm. “The city has fallen. Nobody is coming.” “We knew it,” a resident said. “We stayed anyway.”';
    expect(findSpeech(body).map((s) => s.speaker)).toEqual(['Per Holm', 'Per Holm', 'Per Holm', 'a resident', 'a resident']);
  });

  it('attributes reported speech with "according to", a trailing attribution and he/she', () => {
    expect(findSpeech('Shelling resumed at dawn, according to the monitoring mission.').map((s) => s.speaker)).toEqual(['the monitoring mission']);
    expect(findSpeech('Dr. Ana Vik said clinics were full. Supplies ran out on Monday, she added.').map((s) => [s.speaker, s.kind])).toEqual([
      ['Dr. Ana Vik', 'reported'],
      ['Dr. Ana Vik', 'reported'],
    ]);
  });

  it('leaves the author’s own sentences and scare quotes unattributed, and refuses a place as speaker', () => {
    expect(findSpeech('The so-called “buffer zone” is empty. One can say the war is over.')).toEqual([]);
    const body = 'Mines were laid near Drevic, Kalvik announced.';
    const at = body.indexOf('Kalvik');
    expect(findSpeech(body, (s, e) => s < at + 6 && e > at)).toEqual([]);
  });
});
