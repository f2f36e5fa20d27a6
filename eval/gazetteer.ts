/**
 * The evaluation's own gazetteer: the places and groups of eval/documents/, a fictional war
 * written for the project (the Maren Valley war in the made-up country of Kessaria), so the
 * card logic is judged on names it was never tuned on.
 */
import type { Alias, Entity } from '../lib/corpus/types';

const names = (...texts: string[]): Alias[] => texts.map((text) => ({ text }));
const ambiguous = (text: string, caseSensitive = false): Alias => ({ text, ambiguous: true, ...(caseSensitive ? { caseSensitive } : {}) });

const place = (id: string, kind: string, name: string, aliases: Alias[]): Entity => ({ id, type: 'place', kind, name, description: `A ${kind} in the Maren Valley war (fictional).`, aliases });
const group = (id: string, kind: string, name: string, aliases: Alias[]): Entity => ({ id, type: 'group', kind, name, description: `A ${kind} in the Maren Valley war (fictional).`, aliases });

export const evalGazetteer: Entity[] = [
  place('varenna', 'city', 'Varenna', names('Varenna')),
  place('port-solin', 'port city', 'Port Solin', names('Port Solin')),
  place('drevic', 'town', 'Drevic', names('Drevic')),
  place('kalvik', 'border town', 'Kalvik', names('Kalvik')),
  place('maren-valley', 'region', 'Maren Valley', names('Maren Valley')),
  place('kessaria', 'country', 'Kessaria', names('Kessaria')),
  place('belmora', 'country', 'Belmora', names('Belmora')),
  group('kessarian-army', 'state force', 'Kessarian Army', [...names('Kessarian Army'), ambiguous('the army')]),
  group('mlf', 'armed group', 'Maren Liberation Front', [...names('Maren Liberation Front'), { text: 'MLF', caseSensitive: true }, ambiguous('the Front', true)]),
  group('northern-shield', 'militia', 'Northern Shield', [...names('Northern Shield'), ambiguous('the Shield', true)]),
  group('cmm', 'organisation', 'Concord Monitoring Mission', [...names('Concord Monitoring Mission'), ambiguous('the mission')]),
  group('vrc', 'organisation', 'Valley Relief Council', names('Valley Relief Council')),
];
