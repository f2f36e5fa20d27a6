/**
 * Small pieces of what the hover card says, as plain data. Source lines, stance labels and
 * excerpt clipping are shared with the other pages (lib/views/sourceLabel.ts, lib/views/stanceLabel.ts,
 * lib/text/emphasis.ts). Pure logic: no DOM, no `browser`.
 */
import type { Passage, Voice } from '../corpus/types';
import { ENGLISH } from '../i18n/english';
import type { MessageKey, T } from '../i18n/keys';

/** How many characters of a passage the card shows: an excerpt, a viewpoint (clipped around the entity at word boundaries). */
export const EXCERPT_CHARS = 240;
export const VIEWPOINT_CHARS = 190;

/** "in 4 of 5 sources" / "in 1 of 1 source". */
export function coverageText(sourceCount: number, totalSources: number, t: T = ENGLISH): string {
  return t.plural('cardCoverage', totalSources, sourceCount);
}

/** The gazetteer's kinds (corpus/gazetteer.ts), each said through its key; a kind the user wrote is shown as written. */
const KIND_KEYS = new Map<string, MessageKey>([
  ['city', 'kindCity'],
  ['country', 'kindCountry'],
  ['state force', 'kindStateForce'],
  ['town', 'kindTown'],
  ['armed group', 'kindArmedGroup'],
  ['organisation', 'kindOrganisation'],
  ['media outlet', 'kindMediaOutlet'],
  ['government', 'kindGovernment'],
  ['region', 'kindRegion'],
  ['military operation', 'kindMilitaryOperation'],
  ['province', 'kindProvince'],
  ['coalition', 'kindCoalition'],
  ['alliance', 'kindAlliance'],
]);

/** The entity's kind in the language of `t`, as in running text: "city", "ville", "مدينة". */
export function kindName(kind: string, t: T = ENGLISH): string {
  const k = kind.trim();
  const key = KIND_KEYS.get(k);
  return key ? t(key) : k;
}

/** The entity's kind for display, capitalised: "City", "Armed group", "Groupe armé". */
export function kindText(kind: string, t: T = ENGLISH): string {
  const k = kindName(kind, t);
  return k ? k[0]!.toUpperCase() + k.slice(1) : '';
}

/** The offsets of every mention of `entityId` in a passage's text, to emphasise them. */
export function entityRanges(passage: Pick<Passage, 'mentions'>, entityId: string): Array<[number, number]> {
  return passage.mentions.filter((m) => m.entityId === entityId).map((m) => [m.start, m.end]);
}

/**
 * Who speaks, as one line: "Ilham Ahmed, senior member of SDF’s political wing — quoted by Boston
 * Herald"; "Iraqi officials — reported by US officials via US press"; the author's own words: the
 * author or outlet alone.
 */
export function voiceText(voice: Voice, t: T = ENGLISH): string {
  const who = voice.role ? t('voiceRole', voice.name, voice.role) : voice.name;
  if (voice.kind === 'author') return who;
  return t(voice.kind === 'quote' ? 'voiceQuoted' : 'voiceReported', who, voice.via);
}

/** "Also mentioned in 3 passages" (nothing for none). */
export function alsoMentionedText(n: number | undefined, t: T = ENGLISH): string {
  return n ? t.plural('cardAlsoMentioned', n) : '';
}
