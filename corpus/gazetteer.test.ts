import { describe, expect, it } from 'vitest';
import { applyAmbiguityGate } from '../lib/text/ambiguity';
import { Matcher, patternsFromEntities } from '../lib/text/matcher';
import { normalizeAlias } from '../lib/text/normalize';
import { GENERAL_NEWS_ENTITIES, gazetteer, gazetteerById } from './gazetteer';
import { loadDocuments } from './load';

/**
 * The recorded mentions: for each seed document, the entities its body names, read off the text
 * by hand (the oracle). A mention is a name of a place or group (or a compound like "Turkish
 * troops"); bare demonyms ("Iranian expanding", "American allies") and unnamed referents
 * ("government forces", "state media", "Iraqi officials") are not mentions.
 */
const EXPECTED: Record<string, string[]> = {
  // ISIS, Remaining But not Expanding (Raqqa activist, autumn 2016)
  '000_7e19e4b8228dd140': [
    'palmyra', // "Palmyra city"
    'syrian-army', // "the regime army"
    'fallujah',
    'popular-mobilization-forces', // "the Shiite Iraqi Popular Mobilization"
    'raqqa',
    'kurdish-forces', // "the Kurdish forces"
    'free-syrian-army', // "the FSA troops", "the Free Syrian Army troops"
    'turkish-army', // "the Turkish army"
    'euphrates-shield', // "the Shield of the Euphrates"
    'syria',
    'iraq',
    'isis',
    'al-bab',
    'aleppo',
    'international-coalition', // "the International Coalition"
    'united-states', // "led by the US", "US observers"
    'russian-army', // "the Russian army"
    'chechnya',
    'afghanistan',
    'mosul',
    'middle-east',
  ],
  // There is no victory over ISIS (regional critic, mid-2017)
  '001_a3ed7a2f4efbeee5': [
    'isis',
    'mosul', // "al Mosul"
    'yemen',
    'iraq',
    'kirkuk', // "Kirkook"
    'anbar', // "al Anbar"
    'syria',
    'raqqa', // "al Raqqa"
    'deir-ez-zor', // "Deir Ezzur"
    'syrian-army', // "the Syrian Army"
    'damascus',
    'international-coalition', // "the Coalition strikes"
    'iraqi-army', // "the Syrian and Iraqi Armies"
    'united-states', // "US coordinated", "US is ruling Iraq"
    'russia',
    'canada',
    'russian-army', // "Russian Forces"
    'quneitra', // "al Qunaitra"
    'israel', // "israel"
    'axis-of-resistance', // "the Resistance presence in the south"
  ],
  // ISIS Left Reeling… (Boston Herald, October 2017)
  '002_581e71eac7454d3e': [
    'united-states', // "U.S.-backed"
    'isis', // "Islamic State", "ISIS"
    'raqqa',
    'rand-corporation', // "RAND Corp."
    'boston-herald', // "told the Herald"
    'syria',
    'iraq',
    'al-qaeda',
    'syrian-democratic-forces', // "Syrian Democratic Forces", "SDF"
    'pentagon',
    'operation-inherent-resolve',
    'international-coalition', // "the coalition"
    'mosul',
    'boston-university',
    'somalia',
    'south-sudan',
  ],
  // Thanks To Coordinated Efforts, ISIS Is On The Defensive (mid-2016)
  '003_32d5d268c0a13cc5': [
    'isis', // "the Islamic State in Iraq and Syria (ISIS)"
    'obama-administration',
    'international-coalition', // "the Global Coalition to Counter ISIS"
    'ramadi',
    'tikrit',
    'baiji',
    'sinjar',
    'iraq',
    'syria',
    'palmyra',
    'iraq-oil-report', // "The Iraq Oil Report"
    'mosul', // "Mosul City"
    'united-states', // "U.S. airstrikes"
    'jordan',
    'the-guardian',
    'baghdad',
    'cbs-news',
    'moadamiyeh',
    'madaya',
  ],
  // Battle of Mosul (Raqqa activist, October 2016)
  '004_90b169417da9e3e3': [
    'mosul',
    'iraq',
    'iraqi-counter-terrorism-service', // "anti-terrorism forces"
    'iraqi-army',
    // "the police" is not a name: on other pages it is any police force, so it is no alias.
    'international-coalition', // "the international coalition"
    'peshmerga',
    'popular-mobilization-forces', // "the Shiite mobilization"
    'iranian-forces', // "Iranian troops"
    'turkish-army', // "Turkish troops"
    'united-nations', // "the UN"
    'fallujah',
    'qayyarah', // "Qaiara"
    'raqqa',
    'deir-ez-zor',
    'rbss',
    'aleppo',
    'isis',
    'united-states', // "the US", "the United States"
    'syrian-government', // "the Syrian regime"
    'kurdish-forces', // "the Kurdish troops"
  ],
};

const documents = loadDocuments();
const matcher = new Matcher(patternsFromEntities(gazetteer));

/** Entity ids the gazetteer finds in a text, after the ambiguity gate. */
function foundIds(text: string): Set<string> {
  return new Set(applyAmbiguityGate(matcher.findAll(text)).map((m) => m.entityId));
}

describe('gazetteer', () => {
  it('has 50–80 entities', () => {
    expect(gazetteer.length).toBeGreaterThanOrEqual(50);
    expect(gazetteer.length).toBeLessThanOrEqual(80);
  });

  it('has unique kebab-case ids, and gazetteerById indexes them all', () => {
    const ids = gazetteer.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(gazetteerById.size).toBe(gazetteer.length);
    for (const e of gazetteer) expect(gazetteerById.get(e.id)).toBe(e);
  });

  it.each(gazetteer.map((e) => [e.id, e] as const))('%s is well formed', (_id, e) => {
    expect(['place', 'group']).toContain(e.type);
    expect(e.kind.trim()).not.toBe('');
    expect(e.name.trim()).toBe(e.name);
    expect(e.name).not.toBe('');
    // The canonical name is one of the aliases (folded like the matcher does).
    const nameFolded = normalizeAlias(e.name).folded;
    const aliasFolds = e.aliases.map((a) => normalizeAlias(a.text).folded);
    const nameAsAlias = e.name.replace(/\s*\(.*\)$/, ''); // "Kurdish forces (YPG)" → "Kurdish forces"
    expect(
      aliasFolds.includes(nameFolded) || aliasFolds.includes(normalizeAlias(nameAsAlias).folded),
      `${e.id}: name "${e.name}" is not among its aliases`,
    ).toBe(true);
    // One neutral line.
    expect(e.description).not.toMatch(/[\r\n]/);
    expect(e.description.trim()).toBe(e.description);
    expect(e.description.length).toBeGreaterThan(0);
    expect(e.description.length).toBeLessThanOrEqual(160);
    // Aliases: non-empty, trimmed, no duplicates within the entity (same fold and same case rule).
    expect(e.aliases.length).toBeGreaterThan(0);
    const seen = new Set<string>();
    for (const a of e.aliases) {
      expect(a.text.trim()).toBe(a.text);
      expect(a.text).not.toBe('');
      const key = a.caseSensitive ? `cs:${normalizeAlias(a.text).text}` : `ci:${normalizeAlias(a.text).folded}`;
      expect(seen.has(key), `${e.id}: alias "${a.text}" listed twice`).toBe(false);
      seen.add(key);
    }
  });

  it('gives every alias to one entity only (after normalising)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const e of gazetteer) {
      for (const a of e.aliases) {
        const key = normalizeAlias(a.text).folded;
        const prev = owner.get(key);
        if (prev !== undefined && prev !== e.id) clashes.push(`"${a.text}": ${prev} and ${e.id}`);
        owner.set(key, e.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('marks the acronyms and common-word collisions as case-sensitive', () => {
    const alias = (id: string, text: string) => gazetteerById.get(id)?.aliases.find((a) => a.text === text);
    for (const [id, text] of [
      ['isis', 'ISIS'],
      ['united-states', 'US'],
      ['united-nations', 'UN'],
      ['syrian-democratic-forces', 'SDF'],
      ['free-syrian-army', 'FSA'],
      ['rand-corporation', 'RAND'],
      ['axis-of-resistance', 'the Resistance'],
    ] as const) {
      expect(alias(id, text)?.caseSensitive, `${id}: ${text}`).toBe(true);
    }
    for (const [id, text] of [
      ['isis', 'ISIS'],
      ['united-states', 'US'],
      ['jordan', 'Jordan'],
      ['international-coalition', 'the coalition'],
      ['axis-of-resistance', 'the Resistance'],
    ] as const) {
      expect(alias(id, text)?.ambiguous, `${id}: ${text}`).toBe(true);
    }
  });

  it('does not match common words, demonyms or the wrong case', () => {
    const text =
      'Tell us about the goddess Isis and the un-American turkey. Syrian, Iraqi and Iranian cooks ' +
      'fed the resistance while Jordan watched the coalition of the willing and the police.';
    expect([...new Set(matcher.findAll(text).filter((m) => !m.ambiguous).map((m) => m.entityId))]).toEqual([]);
    expect(applyAmbiguityGate(matcher.findAll(text))).toEqual([]);
  });

  it('finds the corpus and news spellings', () => {
    const cases: [string, string][] = [
      ['Fighting in ar-Raqqah and Rakka', 'raqqa'],
      ['the city of Deir al-Zour', 'deir-ez-zor'],
      ['Deir ez Zor airport', 'deir-ez-zor'],
      ['west of Tadmur', 'palmyra'],
      ['Falluja fell', 'fallujah'],
      ['Da’esh fighters', 'isis'],
      ['the Hashd al-Shaabi', 'popular-mobilization-forces'],
      ['Pesh Merga units', 'peshmerga'],
      ['during Operation Euphrates Shield', 'euphrates-shield'],
      ['the U.S.-led coalition', 'international-coalition'],
      ['ISIL claimed', 'isis'],
    ];
    for (const [text, id] of cases) {
      expect(applyAmbiguityGate(matcher.findAll(text)).map((m) => m.entityId), text).toContain(id);
    }
  });
});

describe('recorded mentions', () => {
  it('the table covers exactly the seed documents and lists only known entities', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(documents.map((d) => d.meta.id));
    for (const [docId, ids] of Object.entries(EXPECTED)) {
      expect(new Set(ids).size, `${docId}: duplicate ids in the table`).toBe(ids.length);
      for (const id of ids) expect(gazetteerById.has(id), `${docId}: unknown entity "${id}"`).toBe(true);
    }
  });

  it.each(documents.map((d) => [d.meta.id, d] as const))('%s: the gazetteer finds exactly the recorded mentions', (docId, doc) => {
    const found = foundIds(doc.body);
    const expected = new Set(EXPECTED[docId] ?? []);
    const missed = [...expected].filter((id) => !found.has(id)).sort();
    const unexpected = [...found].filter((id) => !expected.has(id)).sort();
    expect({ missed, unexpected }).toEqual({ missed: [], unexpected: [] });
  });

  it('every entity is mentioned in at least one document', () => {
    const foundAnywhere = new Set<string>();
    for (const d of documents) for (const id of foundIds(d.body)) foundAnywhere.add(id);
    const unused = gazetteer.map((e) => e.id).filter((id) => !foundAnywhere.has(id));
    expect(unused).toEqual([]);
  });
});

describe('entities of general news', () => {
  const find = (text: string) => applyAmbiguityGate(new Matcher(patternsFromEntities(gazetteer)).findAll(text)).map((m) => m.entityId);

  it('are all in the gazetteer, with every alias ambiguous', () => {
    for (const id of GENERAL_NEWS_ENTITIES) {
      const e = gazetteerById.get(id);
      expect(e, id).toBeDefined();
      expect(e!.aliases.every((a) => a.ambiguous), id).toBe(true);
    }
  });

  it('give nothing on a page that is not about the wars', () => {
    expect(find('Published by U.S. Games Systems, Stamford, in Canada and the United States.')).toEqual([]);
    expect(find('The Pentagon and Russia traded words at the UN over the Middle East.')).toEqual([]);
  });

  it('count beside a mention specific to the wars', () => {
    expect(find('The Pentagon said Raqqa had fallen.').sort()).toEqual(['pentagon', 'raqqa']);
  });
});
