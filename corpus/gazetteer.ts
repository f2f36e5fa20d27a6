/**
 * The seed gazetteer: every place and every group (armed force, state actor, organisation,
 * coalition, media outlet) that the five seed articles name. An entity that no seed document
 * mentions does not belong here (corpus/gazetteer.test.ts checks this, and that every mention
 * the articles make is found).
 *
 * Conventions
 * - Countries are places (type 'place', kind 'country'), the United States included; their armies,
 *   governments and agencies are groups ("Turkish army", "the Pentagon", "Obama administration").
 * - Demonyms and adjectives ("Syrian", "Iraqi", "Turkish") are not aliases of places; compound
 *   group names that contain them are ("Iraqi Army", "Turkish troops").
 * - Aliases list the spellings the corpus uses plus common news spellings. Matching folds case,
 *   diacritics, apostrophes and hyphen/space variants, so variants differing only in those are not
 *   listed twice.
 * - `caseSensitive`: the alias collides with a common word in another case (ISIS/Isis, US/us, UN/un).
 * - `ambiguous`: the alias counts only where the page also has an unambiguous corpus mention
 *   (Jordan, "the coalition", bare acronyms with other common meanings).
 * - The aliases written here are the English press's; the names in Arabic, Kurdish, Turkish,
 *   French and German are added from corpus/names/ (each with its language).
 */
import type { Alias, Entity } from '../lib/corpus/types';
import { withPressNames } from './names';

/** Plain aliases. */
const names = (...texts: string[]): Alias[] => texts.map((text) => ({ text }));
/** Exact-case alias (collides with a common word in another case). */
const exact = (text: string): Alias => ({ text, caseSensitive: true });
/** Alias that counts only next to an unambiguous corpus mention. */
const ambiguous = (text: string, caseSensitive = false): Alias =>
  caseSensitive ? { text, caseSensitive, ambiguous: true } : { text, ambiguous: true };

function place(id: string, kind: string, name: string, description: string, aliases: Alias[]): Entity {
  return { id, type: 'place', kind, name, description, aliases };
}
function group(id: string, kind: string, name: string, description: string, aliases: Alias[]): Entity {
  return { id, type: 'group', kind, name, description, aliases };
}

const entities: Entity[] = [
  // ── Places: cities and towns ──────────────────────────────────────────────────────────────
  place('raqqa', 'city', 'Raqqa', 'City on the Euphrates in northern Syria; held by ISIS from 2014 to October 2017.', [
    ...names('Raqqa', 'al Raqqa', 'ar-Raqqa', 'Raqqah', 'ar-Raqqah', 'Rakka'),
  ]),
  place('mosul', 'city', 'Mosul', 'Major city on the Tigris in northern Iraq; held by ISIS from June 2014 to July 2017.', [
    ...names('Mosul', 'al Mosul', 'al-Mawsil', 'Mawsil'),
  ]),
  place('palmyra', 'city', 'Palmyra', 'Ancient desert city in central Syria (Tadmur); held by ISIS in 2015–2016 and again in 2016–2017.', [
    ...names('Palmyra', 'Tadmur', 'Tadmor'),
  ]),
  place('fallujah', 'city', 'Fallujah', 'City in Anbar province, Iraq, west of Baghdad; held by ISIS from 2014 to June 2016.', [
    ...names('Fallujah', 'Falluja', 'Fallouja'),
  ]),
  place('al-bab', 'town', 'Al Bab', 'Town in Aleppo governorate, northern Syria; held by ISIS until February 2017.', [
    ...names('Al Bab'),
  ]),
  place('aleppo', 'city', 'Aleppo', 'City in northern Syria and capital of the governorate of the same name.', [
    ...names('Aleppo', 'Halab'),
  ]),
  place('damascus', 'city', 'Damascus', 'Capital of Syria.', [...names('Damascus', 'Dimashq')]),
  place('kirkuk', 'city', 'Kirkuk', 'Oil-rich city in northern Iraq, contested between Baghdad and the Kurdistan Region.', [
    ...names('Kirkuk', 'Kirkook', 'Karkuk'),
  ]),
  place('deir-ez-zor', 'city', 'Deir ez-Zor', 'City on the Euphrates in eastern Syria and capital of the governorate of the same name.', [
    ...names('Deir ez-Zor', 'Deir Ezzur', 'Deir Ezzor', 'Deir al-Zour', 'Deir al-Zor', 'Deir el-Zor', 'Dayr az-Zawr'),
  ]),
  place('quneitra', 'town', 'Quneitra', 'Town and governorate in southwestern Syria, next to the Israeli-occupied Golan Heights.', [
    ...names('Quneitra', 'al Qunaitra', 'Qunaitra', 'Kuneitra', 'Qunaytirah'),
  ]),
  place('qayyarah', 'town', 'Qayyarah', 'Town on the Tigris south of Mosul, Iraq, retaken from ISIS in August 2016.', [
    ...names('Qayyarah', 'Qaiara', 'Qayara', 'Qaiyara', 'Qaiyarah'),
  ]),
  place('ramadi', 'city', 'Ramadi', 'Capital of Anbar province, Iraq; taken by ISIS in May 2015 and retaken by Iraqi forces in December 2015–February 2016.', [
    ...names('Ramadi'),
  ]),
  place('tikrit', 'city', 'Tikrit', 'City on the Tigris north of Baghdad; retaken from ISIS in April 2015.', [...names('Tikrit')]),
  place('baiji', 'town', 'Baiji', 'Town in Salahuddin province, Iraq, site of the country’s largest oil refinery.', [
    ...names('Baiji', 'Bayji', 'Beiji'),
  ]),
  place('sinjar', 'town', 'Sinjar', 'Town in northwestern Iraq at the foot of Mount Sinjar, home of many Yazidis.', [
    ...names('Sinjar', 'Shingal'),
  ]),
  place('baghdad', 'city', 'Baghdad', 'Capital of Iraq.', [...names('Baghdad')]),
  place('moadamiyeh', 'town', 'Moadamiyeh', 'Town southwest of Damascus (Moadamiyet al-Sham), besieged by Syrian government forces from 2012 to 2016.', [
    ...names('Moadamiyeh', 'Moadamiyet al-Sham', 'Muadamiyat al-Sham', 'Mouadamiyeh', 'Muadamiyah', 'Moadamiya'),
  ]),
  place('madaya', 'town', 'Madaya', 'Mountain town northwest of Damascus, besieged by Syrian government and Hezbollah forces from 2015 to 2017.', [
    ...names('Madaya'),
  ]),

  // ── Places: countries and regions ─────────────────────────────────────────────────────────
  place('syria', 'country', 'Syria', 'Country in the Levant; in civil war since 2011.', [...names('Syria', 'Syrian Arab Republic')]),
  place('iraq', 'country', 'Iraq', 'Country in Western Asia on the Tigris and Euphrates; capital Baghdad.', [...names('Iraq')]),
  place('anbar', 'province', 'Anbar', 'Iraq’s largest province, in the west of the country; capital Ramadi.', [
    ...names('Anbar', 'al Anbar', 'Anbar province'),
  ]),
  place('united-states', 'country', 'United States', 'Country in North America; leads the international coalition against ISIS.', [
    ...names('United States', 'United States of America', 'U.S.'),
    exact('USA'),
    ambiguous('US', true),
  ]),
  place('russia', 'country', 'Russia', 'Country spanning Eastern Europe and Northern Asia; intervened militarily in Syria in 2015.', [
    ...names('Russia', 'Russian Federation'),
  ]),
  place('canada', 'country', 'Canada', 'Country in North America; a member of the international coalition against ISIS.', [...names('Canada')]),
  place('jordan', 'country', 'Jordan', 'Kingdom in the Levant bordering Syria and Iraq; a member of the international coalition against ISIS.', [
    ambiguous('Jordan'),
    ...names('Hashemite Kingdom of Jordan'),
  ]),
  place('israel', 'country', 'Israel', 'Country on the eastern Mediterranean bordering Syria.', [...names('Israel')]),
  place('yemen', 'country', 'Yemen', 'Country in the south of the Arabian Peninsula; in civil war since 2014.', [...names('Yemen')]),
  place('somalia', 'country', 'Somalia', 'Country in the Horn of Africa.', [...names('Somalia')]),
  place('south-sudan', 'country', 'South Sudan', 'Country in East Africa, independent from Sudan since 2011.', [...names('South Sudan')]),
  place('chechnya', 'region', 'Chechnya', 'Republic of the Russian Federation in the North Caucasus, scene of two wars in 1994–2009.', [
    ...names('Chechnya', 'Chechen Republic'),
  ]),
  place('afghanistan', 'country', 'Afghanistan', 'Landlocked country in South and Central Asia.', [...names('Afghanistan')]),
  place('middle-east', 'region', 'Middle East', 'Region spanning Western Asia and Egypt.', [...names('Middle East', 'Mideast')]),

  // ── Groups: ISIS and armed groups ─────────────────────────────────────────────────────────
  group('isis', 'armed group', 'ISIS', 'Jihadist group that declared a "caliphate" across parts of Iraq and Syria in 2014; also called ISIL, IS or Daesh.', [
    ambiguous('ISIS', true),
    exact('ISIL'),
    ...names(
      'Islamic State',
      'Islamic State in Iraq and Syria',
      'Islamic State of Iraq and Syria',
      'Islamic State of Iraq and the Levant',
      'Daesh',
      "Da'esh",
    ),
  ]),
  group('al-qaeda', 'armed group', 'al-Qaeda', 'Transnational jihadist network founded in the late 1980s; ISIS began as its Iraqi branch.', [
    ...names('al-Qaeda', 'al-Qaida', "al-Qa'ida"),
  ]),
  group('syrian-democratic-forces', 'armed group', 'Syrian Democratic Forces', 'Kurdish-led alliance of militias in northern Syria, formed in 2015 and backed by the US-led coalition.', [
    ...names('Syrian Democratic Forces'),
    ambiguous('SDF', true),
  ]),
  group('kurdish-forces', 'armed group', 'Kurdish forces (YPG)', 'Syrian Kurdish militias, chiefly the People’s Protection Units (YPG), the core of the Syrian Democratic Forces.', [
    ...names('Kurdish forces', 'Kurdish troops', 'People’s Protection Units'),
    exact('YPG'),
  ]),
  group('free-syrian-army', 'armed group', 'Free Syrian Army', 'Loose umbrella of Syrian rebel groups opposed to the Assad government, formed in 2011.', [
    ...names('Free Syrian Army'),
    ambiguous('FSA', true),
  ]),
  group('peshmerga', 'state force', 'Peshmerga', 'Armed forces of the Kurdistan Region of Iraq.', [...names('Peshmerga', 'Pesh Merga')]),
  group('popular-mobilization-forces', 'state force', 'Popular Mobilization Forces', 'Iraqi state-sanctioned umbrella of mostly Shiite militias (Hashd al-Shaabi), formed in 2014 to fight ISIS.', [
    ...names(
      'Popular Mobilization Forces',
      'Popular Mobilisation Forces',
      'Popular Mobilization Units',
      'Popular Mobilization',
      'Shiite Iraqi Popular Mobilization',
      'Shiite mobilization',
      'Hashd al-Shaabi',
      'al-Hashd al-Shaabi',
    ),
    ambiguous('PMF', true),
    ambiguous('PMU', true),
  ]),
  group('axis-of-resistance', 'alliance', 'Axis of Resistance', 'Informal alliance of Iran, the Syrian government, Hezbollah and allied militias opposed to Israel and the US.', [
    ...names('Axis of Resistance', 'Resistance Axis'),
    ambiguous('the Resistance', true),
  ]),

  // ── Groups: state forces and governments ──────────────────────────────────────────────────
  group('syrian-army', 'state force', 'Syrian Arab Army', 'Land force of the Syrian government.', [
    ...names('Syrian Arab Army', 'Syrian Army', 'the regime army', 'Syrian government forces', 'Syrian regime forces'),
    ambiguous('SAA', true),
  ]),
  group('syrian-government', 'government', 'Syrian government', 'Government of Syria, led by President Bashar al-Assad from 2000 to December 2024.', [
    ...names('Syrian government', 'Syrian regime', 'Assad regime', 'Assad government'),
  ]),
  group('iraqi-army', 'state force', 'Iraqi Army', 'Land force of the Iraqi government.', [
    ...names('Iraqi Army', 'Iraqi armies', 'Iraqi military'),
  ]),
  group('iraqi-counter-terrorism-service', 'state force', 'Iraqi Counter Terrorism Service', 'Iraqi special operations force, also called the Golden Division, that led many assaults on ISIS-held cities.', [
    ...names('Iraqi Counter Terrorism Service', 'Counter Terrorism Service', 'Golden Division'),
    ambiguous('anti-terrorism forces'),
    ambiguous('CTS', true),
  ]),
  group('turkish-army', 'state force', 'Turkish Armed Forces', 'Military of Turkey; entered northern Syria in 2016 with allied Syrian rebels.', [
    ...names('Turkish Armed Forces', 'Turkish army', 'Turkish troops', 'Turkish forces', 'Turkish military'),
  ]),
  group('russian-army', 'state force', 'Russian Armed Forces', 'Military of Russia; deployed in Syria in support of the Syrian government since 2015.', [
    ...names('Russian Armed Forces', 'Russian army', 'Russian forces', 'Russian troops', 'Russian military'),
  ]),
  group('iranian-forces', 'state force', 'Iranian forces', 'Iranian military personnel and advisers deployed in Iraq and Syria.', [
    ...names('Iranian forces', 'Iranian troops', 'Iranian military'),
  ]),
  group('pentagon', 'government', 'Pentagon', 'Headquarters of the US Department of Defense, and by extension the department itself.', [
    ...names('Pentagon', 'Department of Defense', 'Defense Department'),
  ]),
  group('obama-administration', 'government', 'Obama administration', 'US executive branch under President Barack Obama, 2009–2017.', [
    ...names('Obama administration'),
  ]),

  // ── Groups: coalitions and operations ─────────────────────────────────────────────────────
  group('international-coalition', 'coalition', 'International coalition against ISIS', 'US-led coalition of dozens of countries formed in 2014 to fight ISIS (Global Coalition to Counter ISIS).', [
    ...names(
      'International coalition against ISIS',
      'Global Coalition to Counter ISIS',
      'Global Coalition to Defeat ISIS',
      'Global Coalition against Daesh',
      'US-led coalition',
      'U.S.-led coalition',
      'anti-ISIS coalition',
    ),
    ambiguous('International Coalition'),
    ambiguous('the coalition'),
  ]),
  group('operation-inherent-resolve', 'military operation', 'Operation Inherent Resolve', 'The US-led coalition’s military campaign against ISIS in Iraq and Syria, and its joint task force, since 2014.', [
    ...names('Operation Inherent Resolve', 'Inherent Resolve', 'CJTF-OIR'),
  ]),
  group('euphrates-shield', 'military operation', 'Operation Euphrates Shield', 'Turkish-led offensive with Syrian rebel factions in northern Syria, August 2016 to March 2017.', [
    ...names('Operation Euphrates Shield', 'Euphrates Shield', 'Shield of the Euphrates'),
  ]),

  // ── Groups: organisations and media ───────────────────────────────────────────────────────
  group('united-nations', 'organisation', 'United Nations', 'Intergovernmental organisation of 193 member states.', [
    ...names('United Nations'),
    exact('UN'),
    exact('U.N.'),
  ]),
  group('rbss', 'organisation', 'Raqqa is Being Slaughtered Silently', 'Citizen-journalist group founded in 2014 that reported on life under ISIS in Raqqa.', [
    ...names('Raqqa is Being Slaughtered Silently'),
    exact('RBSS'),
  ]),
  group('rand-corporation', 'organisation', 'RAND Corporation', 'US policy research organisation based in Santa Monica, California.', [
    ...names('RAND Corporation', 'RAND Corp'),
    exact('RAND'),
  ]),
  group('boston-university', 'organisation', 'Boston University', 'Private research university in Boston, Massachusetts.', [...names('Boston University')]),
  group('boston-herald', 'media outlet', 'Boston Herald', 'Daily newspaper published in Boston, Massachusetts.', [
    ...names('Boston Herald'),
    ambiguous('the Herald', true),
  ]),
  group('the-guardian', 'media outlet', 'The Guardian', 'British daily newspaper.', [
    exact('The Guardian'),
    exact('the Guardian'),
  ]),
  group('cbs-news', 'media outlet', 'CBS News', 'News division of the US television network CBS.', [...names('CBS News'), exact('CBS')]),
  group('iraq-oil-report', 'media outlet', 'Iraq Oil Report', 'News service covering Iraq’s oil industry, politics and security.', [
    ...names('Iraq Oil Report'),
  ]),
];

/**
 * Entities that news about anything mentions: the United States, Russia, the UN, the Pentagon,
 * newspapers… A page that names only these is not about the wars in Syria and Iraq (a tarot
 * seller's "U.S. Games Systems", a CNN page on Russia), so all their aliases count only beside a
 * mention specific to the wars (Raqqa, Syria, the Peshmerga…), like Turkey or Jordan.
 */
export const GENERAL_NEWS_ENTITIES: ReadonlySet<string> = new Set([
  'united-states', 'russia', 'canada', 'israel', 'yemen', 'somalia', 'south-sudan', 'chechnya',
  'afghanistan', 'middle-east', 'pentagon', 'obama-administration', 'united-nations',
  'rand-corporation', 'boston-university', 'boston-herald', 'the-guardian', 'cbs-news',
]);

const generalNewsAmbiguous = (e: Entity): Entity =>
  GENERAL_NEWS_ENTITIES.has(e.id) ? { ...e, aliases: e.aliases.map((a) => ({ ...a, ambiguous: true })) } : e;

export const gazetteer: Entity[] = entities.map(withPressNames).map(generalNewsAmbiguous);

/**
 * The gazetteer with the English press's names only (those written here, no corpus/names/): not
 * shipped. The benchmark builds a second extension with it (COUNTERPOINT_NAMES=en, read by
 * corpus/vitePlugin.ts) to measure what the region's languages cost the page scan (bench/run.mjs).
 */
export const englishGazetteer: Entity[] = entities.map(generalNewsAmbiguous);

export const gazetteerById: ReadonlyMap<string, Entity> = new Map(gazetteer.map((e) => [e.id, e]));
