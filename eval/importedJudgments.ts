/**
 * The second judged corpus: eight short documents about a fictional war on the Ardel Coast of a
 * made-up country, Serevia (eval/imported/*.md, with front matter), imported as the user's own
 * documents (eval/userImport.ts), with its places and groups added as the user's own entities.
 * Places are mostly named in prepositional phrases ("in Korsa", "near Bronsk", "towards the Ulmen
 * Pass"), as people write about places.
 *
 * Judged by reading the documents, before any tuning, in the format of eval/judgments.ts
 * (2 about the entity, 1 a passing mention, 0 not; every passage naming an entity is judged).
 * A place is judged about when the sentence says what happens in, at, to or near it; a
 * destination or a road's end ("the road to Korsa", "left for Korsa") is passing.
 */
import type { NewEntity } from '../lib/userCorpus/userCorpus';
import type { Judgments, PassageJudgment, QuoteJudgment } from './judgments';

const place = (name: string, kind: string): NewEntity => ({ name, type: 'place', kind, description: `A ${kind} in the Ardel Coast war (fictional).`, aliases: [] });
const group = (name: string, kind: string): NewEntity => ({ name, type: 'group', kind, description: `A ${kind} in the Ardel Coast war (fictional).`, aliases: [] });

export const importedEntities: NewEntity[] = [
  place('Korsa', 'port city'),
  place('Mirel', 'town'),
  place('Tavik', 'town'),
  place('Bronsk', 'town'),
  place('Ulmen Pass', 'mountain pass'),
  place('Ardel Coast', 'region'),
  place('Serevia', 'country'),
  group('Serevian Army', 'state force'),
  group('Coast Defence Front', 'armed group'),
  group('Harbour Relief Network', 'organisation'),
  group('Joint Observer Mission', 'organisation'),
];

/** By entity name and document file name (k01 = eval/imported/k01.md). */
const passages: Record<string, PassageJudgment[]> = {
  Korsa: [
    ['k01', 'The road to Korsa is safe again', 1],
    ['k01', 'along the highway towards Korsa', 1],
    ['k02', 'In Korsa the water has been off for nine days', 2],
    ['k02', 'runs the network\'s clinic in Korsa', 1],
    ['k03', 'blocking flour shipments to Korsa', 2],
    ['k06', 'Half of my street has left for Korsa', 1],
    ['k07', 'Ships returned to the port of Korsa', 2],
    ['k08', 'Korsa has no water', 2],
    ['k08', 'tents along the road to Korsa', 1],
  ],
  Mirel: [
    ['k01', 'out of the hills above Mirel', 2],
    ['k03', 'withdrawn from positions near Mirel', 2],
    ['k04', 'hit the market in Mirel', 2],
    ['k07', 'In Mirel, traders reopened the covered market', 2],
    ['k08', 'calls the Mirel offensive a victory', 2],
    ['k08', 'the people of Mirel were not asked', 2],
  ],
  Tavik: [
    ['k01', 'convoys would leave for Tavik', 1],
    ['k02', 'Families keep arriving from Tavik', 2],
    ['k03', 'shelling homes in Tavik', 2],
    ['k04', 'most of them around Tavik', 2],
    ['k04', 'struck houses in Tavik', 2],
    ['k07', 'convoys to Tavik were still being turned back', 2],
    ['k08', 'Tavik has no school', 2],
    ['k08', 'checkpoints outside Tavik', 2],
  ],
  Bronsk: [
    ['k01', 'abandoned weapons near Bronsk', 2],
    ['k03', 'the valley below Bronsk', 2],
    ['k04', 'in the hills near Bronsk', 2],
    ['k05', 'settled back around Bronsk', 2],
    ['k06', 'I have lived in Bronsk all my life', 2],
  ],
  'Ulmen Pass': [
    ['k01', 'retreating towards the Ulmen Pass', 2],
    ['k03', 'the roads that lead to the Ulmen Pass', 1],
    ['k04', 'refused access to the Ulmen Pass', 2],
    ['k05', 'The fight over the Ulmen Pass', 2],
    ['k07', 'Fighting continued near the Ulmen Pass', 2],
  ],
  'Ardel Coast': [
    ['k05', 'Neither side can win on the Ardel Coast', 2],
    ['k08', 'no victory on the Ardel Coast', 2],
  ],
  Serevia: [['k05', 'Serevia has tried talks twice', 2]],
  'Serevian Army': [
    ['k01', 'The Serevian Army said on Monday', 2],
    ['k03', 'accused the Serevian Army of shelling', 2],
    ['k04', 'positions of the Serevian Army struck houses', 2],
    ['k06', 'the Serevian Army says it will free us', 2],
    ['k07', 'after the Serevian Army reopened the coast road', 2],
    ['k08', 'The Serevian Army retook the hills', 2],
  ],
  'Coast Defence Front': [
    ['k01', 'pushed the Coast Defence Front out', 2],
    ['k02', 'the Coast Defence Front had stopped them', 2],
    ['k03', 'The Coast Defence Front said its fighters had withdrawn', 2],
    ['k04', 'areas under the Coast Defence Front hit the market', 2],
    ['k06', 'The Coast Defence Front came in October', 2],
    ['k07', 'the Coast Defence Front holds the last crossing', 2],
    ['k08', 'The Coast Defence Front is not blameless', 2],
  ],
  'Harbour Relief Network': [
    ['k02', 'The Harbour Relief Network has asked both sides', 2],
    ['k07', 'The Harbour Relief Network said convoys', 2],
  ],
  'Joint Observer Mission': [['k04', 'Monitors of the Joint Observer Mission recorded', 2]],
};

const quotes: QuoteJudgment[] = [
  ['k01', 'now hold every ridge around Mirel', 'General Anton Brask'],
  ['k01', 'The road to Korsa is safe again', 'General Anton Brask'],
  ['k02', 'medicine for a month', 'Dr. Pavel Ostrin'],
  ['k02', 'In Korsa the water has been off', null],
  ['k03', 'so that Mirel would not burn', 'Lida Vorn'],
  ['k07', 'People are buying again', 'Elen Dask'],
  ['k08', 'There is no victory on the Ardel Coast', null],
];

/** The judgments with the ids the import gave the documents and entities. */
export function importedJudgments(docIds: ReadonlyMap<string, string>, entityIds: ReadonlyMap<string, string>): Judgments {
  const doc = (stem: string) => docIds.get(stem) ?? stem;
  return {
    passages: Object.fromEntries(Object.entries(passages).map(([name, js]) => [entityIds.get(name) ?? name, js.map(([d, s, g]): PassageJudgment => [doc(d), s, g])])),
    quotes: quotes.map(([d, s, who]): QuoteJudgment => [doc(d), s, who]),
  };
}
