import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Matcher, patternsFromEntities } from './matcher';
import { normalizeAlias, normalizeForMatch } from './normalize';
import type { Entity, Match, MatchPattern } from '../corpus/types';

const pat = (text: string, entityId: string, opts: Partial<MatchPattern> = {}): MatchPattern => ({
  text,
  entityId,
  caseSensitive: false,
  ambiguous: false,
  ...opts,
});

/** [original slice, entityId] of every match. */
function found(m: Matcher, text: string): [string, string][] {
  return m.findAll(text).map((x) => [text.slice(x.start, x.end), x.entityId]);
}

/* ---------- brute-force oracle, written independently of the automaton ---------- */

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_RUN_END = /[\p{L}\p{N}]+$/u;
/** Arabic clitics before a name inside its word: conjunction, then preposition, then article (ل + ال = لل). */
const ARABIC_PROCLITICS = /^[وف]?(?:[بك]?ال|لل|[بلك])?$/u;

/** May a name start at `p` in `folded`: at a word boundary, or after Arabic clitics before an Arabic name. */
function nameStarts(folded: string, p: number): boolean {
  if (!WORD_END.test(folded.slice(Math.max(0, p - 2), p))) return true;
  // (A run longer than 8 is no clitic run either: the slice only bounds the work.)
  const run = WORD_RUN_END.exec(folded.slice(Math.max(0, p - 8), p))![0];
  const first = folded.charCodeAt(p);
  return first >= 0x600 && first <= 0x6ff && ARABIC_PROCLITICS.test(run);
}

function oracle(text: string, patterns: readonly MatchPattern[]): Match[] {
  const { text: kept, folded, map } = normalizeForMatch(text);
  const norm = patterns.map((p) => normalizeAlias(p.text));
  const out: Match[] = [];
  let p = 0;
  while (p < folded.length) {
    let best = -1;
    let bestLen = 0;
    if (nameStarts(folded, p)) {
      for (let q = 0; q < patterns.length; q++) {
        const a = norm[q]!;
        const len = a.folded.length;
        if (len === 0 || len <= bestLen) continue; // strictly longer only: first pattern wins ties
        if (!folded.startsWith(a.folded, p)) continue;
        if (WORD_START.test(folded.slice(p + len, p + len + 2))) continue;
        if (patterns[q]!.caseSensitive && kept.slice(p, p + len) !== a.text) continue;
        best = q;
        bestLen = len;
      }
    }
    if (best >= 0) {
      const pt = patterns[best]!;
      out.push({
        entityId: pt.entityId,
        start: map[p + (pt.lead ?? 0)]!,
        end: map[p + bestLen]!,
        alias: pt.text,
        ambiguous: pt.ambiguous,
      });
      p += bestLen;
    } else {
      p++;
    }
  }
  return out;
}

/* ---------- example-based tests ---------- */

const GAZ: MatchPattern[] = [
  pat('Syria', 'syria'),
  pat('Syrian', 'syria-adj'),
  pat('Free Syrian Army', 'fsa'),
  pat('Iraq', 'iraq'),
  pat('Raqqa', 'raqqa'),
  pat('al-Raqqa', 'raqqa'),
  pat('Mosul', 'mosul'),
  pat('Islamic State', 'isis'),
  pat('Islamic State of Iraq and Syria', 'isis'),
  pat('ISIS', 'isis', { caseSensitive: true, ambiguous: true }),
  pat('Da’esh', 'isis'),
  pat('US', 'us', { caseSensitive: true }),
  pat('Deir ez-Zor', 'deir-ez-zor'),
  pat('Qunaiṭra', 'quneitra'),
  pat('Turkey', 'turkey', { ambiguous: true }),
];
const m = new Matcher(GAZ);

describe('Matcher: word boundaries', () => {
  it('"Syrian" does not match Syria, "Iraqi" does not match Iraq', () => {
    expect(found(m, 'Syrian refugees')).toEqual([['Syrian', 'syria-adj']]);
    expect(found(m, 'Iraqi forces')).toEqual([]);
    expect(found(m, 'Syrias')).toEqual([]);
    expect(found(m, 'xRaqqa Raqqax 2Raqqa')).toEqual([]);
  });

  it('possessives and hyphenated compounds end at the apostrophe/hyphen', () => {
    expect(found(m, "Raqqa's old city")).toEqual([['Raqqa', 'raqqa']]);
    expect(found(m, 'Raqqa’s old city')).toEqual([['Raqqa', 'raqqa']]);
    expect(found(m, 'ISIS’ advance and ISIS\'s retreat')).toEqual([
      ['ISIS', 'isis'],
      ['ISIS', 'isis'],
    ]);
    expect(found(m, 'ISIS-held Mosul')).toEqual([
      ['ISIS', 'isis'],
      ['Mosul', 'mosul'],
    ]);
  });

  it('matches at the very start and end of the text and around punctuation', () => {
    expect(found(m, 'Mosul')).toEqual([['Mosul', 'mosul']]);
    expect(found(m, '(Mosul).')).toEqual([['Mosul', 'mosul']]);
    expect(found(m, '"Raqqa",Mosul')).toEqual([
      ['Raqqa', 'raqqa'],
      ['Mosul', 'mosul'],
    ]);
  });

  it('treats non-Latin letters and astral letters as word chars', () => {
    expect(found(m, 'éRaqqa')).toEqual([]);
    expect(found(m, 'Raqqaя')).toEqual([]);
    expect(found(m, '𝐀Raqqa')).toEqual([]);
    expect(found(m, '😀Raqqa😀')).toEqual([['Raqqa', 'raqqa']]);
  });
});

describe('Matcher: leftmost-longest', () => {
  it('prefers the longest alias', () => {
    expect(found(m, 'the Free Syrian Army and Syria')).toEqual([
      ['Free Syrian Army', 'fsa'],
      ['Syria', 'syria'],
    ]);
    const r = m.findAll('the Free Syrian Army');
    expect(r).toHaveLength(1);
    expect(r[0]).toEqual({ entityId: 'fsa', start: 4, end: 20, alias: 'Free Syrian Army', ambiguous: false });
  });

  it('handles overlapping prefixes (al-Raqqa / Raqqa, Islamic State / …of Iraq and Syria)', () => {
    const t = 'in al Raqqa and Raqqa';
    const r = m.findAll(t);
    expect(r.map((x) => [t.slice(x.start, x.end), x.alias])).toEqual([
      ['al Raqqa', 'al-Raqqa'],
      ['Raqqa', 'Raqqa'],
    ]);
    expect(found(m, 'the Islamic State of Iraq and Syria said')).toEqual([
      ['Islamic State of Iraq and Syria', 'isis'],
    ]);
    // the long alias fails its final boundary: fall back to the shorter ones
    expect(found(m, 'the Islamic State of Iraq and Syrian')).toEqual([
      ['Islamic State', 'isis'],
      ['Iraq', 'iraq'],
      ['Syrian', 'syria-adj'],
    ]);
    expect(found(m, 'Islamic State of Iraq')).toEqual([
      ['Islamic State', 'isis'],
      ['Iraq', 'iraq'],
    ]);
  });

  it('falls back to a suffix alias when the longer alias fails its boundary or case', () => {
    const mm = new Matcher([pat('new Raqqa', 'new-raqqa'), pat('Raqqa', 'raqqa')]);
    expect(found(mm, 'Renew Raqqa')).toEqual([['Raqqa', 'raqqa']]);
    expect(found(mm, 'a new Raqqa')).toEqual([['new Raqqa', 'new-raqqa']]);
    const cs = new Matcher([pat('Syrian Army', 'saa', { caseSensitive: true }), pat('Army', 'army')]);
    expect(found(cs, 'the syrian army')).toEqual([['army', 'army']]);
    expect(found(cs, 'the Syrian Army')).toEqual([['Syrian Army', 'saa']]);
  });

  it('"Deir ez-Zor" is one mention whatever the separators', () => {
    for (const v of ['Deir ez-Zor', 'Deir-ez-Zor', 'Deir ez‑Zor', 'Deir  ez Zor', 'Deir\u00a0ez\u2013Zor', 'DEIR EZ ZOR']) {
      const t = `near ${v}, where`;
      expect(found(m, t), v).toEqual([[v, 'deir-ez-zor']]);
    }
  });

  it('folds apostrophes and diacritics; offsets cover the original spelling', () => {
    for (const v of ["Da'esh", 'Da’esh', 'Daʼesh', 'DA`ESH']) {
      expect(found(m, `(${v})`), v).toEqual([[v, 'isis']]);
    }
    expect(found(m, 'Quneitra or Qunaitra or QUNAIṬRA or Qunait\u0323ra\u0301!')).toEqual([
      ['Qunaitra', 'quneitra'],
      ['QUNAIṬRA', 'quneitra'],
      ['Qunait\u0323ra\u0301', 'quneitra'],
    ]);
    expect(found(m, 'Raq\u200bqa and Mo\u00adsul')).toEqual([
      ['Raq\u200bqa', 'raqqa'],
      ['Mo\u00adsul', 'mosul'],
    ]);
  });
});

describe('Matcher: case rules', () => {
  it('case-sensitive aliases need the exact capitalisation', () => {
    expect(found(m, 'ISIS Isis isis')).toEqual([['ISIS', 'isis']]);
    expect(found(m, 'the US and us and Us')).toEqual([['US', 'us']]);
    expect(found(m, 'U.S.')).toEqual([]);
  });

  it('other aliases ignore case', () => {
    expect(found(m, 'RAQQA raqqa rAqQa')).toEqual([
      ['RAQQA', 'raqqa'],
      ['raqqa', 'raqqa'],
      ['rAqQa', 'raqqa'],
    ]);
  });

  it('a case-sensitive miss lets another alias of the same folded text win', () => {
    const mm = new Matcher([pat('US', 'us', { caseSensitive: true }), pat('us', 'pronoun')]);
    expect(found(mm, 'US us')).toEqual([
      ['US', 'us'],
      ['us', 'pronoun'],
    ]);
  });

  it('is deterministic for duplicate aliases: the first pattern wins', () => {
    const mm = new Matcher([pat('Raqqa', 'a'), pat('raqqa', 'b')]);
    expect(found(mm, 'Raqqa')).toEqual([['Raqqa', 'a']]);
    const mm2 = new Matcher([pat('raqqa', 'b'), pat('Raqqa', 'a')]);
    expect(found(mm2, 'Raqqa')).toEqual([['Raqqa', 'b']]);
  });
});

describe('Matcher: output', () => {
  it('carries alias and ambiguity from the pattern, sorted by start', () => {
    const t = 'Turkey said ISIS fled Raqqa.';
    expect(m.findAll(t)).toEqual([
      { entityId: 'turkey', start: 0, end: 6, alias: 'Turkey', ambiguous: true },
      { entityId: 'isis', start: 12, end: 16, alias: 'ISIS', ambiguous: true },
      { entityId: 'raqqa', start: 22, end: 27, alias: 'Raqqa', ambiguous: false },
    ]);
  });

  it('handles empty input, no patterns and aliases that normalise to nothing', () => {
    expect(m.findAll('')).toEqual([]);
    expect(new Matcher([]).findAll('Raqqa')).toEqual([]);
    expect(new Matcher([pat('-', 'x'), pat('\u200b', 'y')]).findAll('a - b')).toEqual([]);
  });

  it('gives the same answers when reused', () => {
    const t = 'Mosul, then Raqqa and Deir ez-Zor';
    const a = m.findAll(t);
    m.findAll('x'.repeat(1000) + ' Free Syrian Army');
    expect(m.findAll(t)).toEqual(a);
  });

  it('patternsFromEntities lists every alias with defaults and its entity’s type', () => {
    const entities: Entity[] = [
      {
        id: 'raqqa',
        type: 'place',
        kind: 'city',
        name: 'Raqqa',
        description: '',
        aliases: [{ text: 'Raqqa' }, { text: 'al-Raqqa' }],
      },
      {
        id: 'isis',
        type: 'group',
        kind: 'armed group',
        name: 'Islamic State',
        description: '',
        aliases: [{ text: 'ISIS', caseSensitive: true, ambiguous: true }],
      },
    ];
    expect(patternsFromEntities(entities)).toEqual([
      { text: 'Raqqa', entityId: 'raqqa', caseSensitive: false, ambiguous: false, type: 'place' },
      { text: 'al-Raqqa', entityId: 'raqqa', caseSensitive: false, ambiguous: false, type: 'place' },
      { text: 'ISIS', entityId: 'isis', caseSensitive: true, ambiguous: true, type: 'group' },
    ]);
  });
});

/* ---------- property: Matcher equals the brute-force oracle ---------- */

const FRAGMENTS = [
  'Syria', 'Syrian', 'Free Syrian Army', 'ISIS', 'Isis', 'US', 'us', 'Raqqa', 'al Raqqa', 'al-Raqqa',
  'Islamic State', 'Islamic State of Iraq and Syria', 'Deir ez-Zor', "Da'esh", 'Da’esh', 'Qunaiṭra',
  'aa', 'ab', 'a b', 'ba', 'b-a', 'aba', 'é', 'É', '𝐀', '𝐀a',
  'الرقة', 'والرقة', 'للرقة', 'بالموصل', 'داعش', 'لداعش', 'وبداعش', 'الرقه', 'أإآ', 'İŞİD', 'ışid',
];
const LETTERS = ['a', 'b', 'A', 'B', 's', 'S', 'y', 'r', 'i', '1', 'é', 'e\u0301', 'ṭ', '𝐀', '😀', 'я', 'و', 'ل', 'ا', 'ة', 'ه', 'ٱ', 'ب', 'ـ', 'َ'];
const SEPARATORS = [' ', '  ', '-', '\u2011', '—', '\u00a0', '\u200b', '\u00ad', "'", '’', 's', '.', ',', '\n'];

const fragment = fc.constantFrom(...FRAGMENTS);
const caseVariant = (s: string, flips: number): string =>
  [...s].map((ch, i) => ((flips >> i % 16) & 1 ? ch.toUpperCase() : ch.toLowerCase())).join('');
const textPiece = fc.oneof(
  { weight: 3, arbitrary: fragment },
  { weight: 1, arbitrary: fc.tuple(fragment, fc.nat()).map(([s, f]) => caseVariant(s, f)) },
  { weight: 3, arbitrary: fc.constantFrom(...LETTERS) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
);
const textArb = fc.array(textPiece, { maxLength: 40 }).map((a) => a.join(''));

const patternArb = fc.record({
  text: fc.oneof(
    fragment,
    fc.array(fc.constantFrom(...LETTERS, ' ', '-', "'"), { minLength: 1, maxLength: 4 }).map((a) => a.join('')),
  ),
  entityId: fc.constantFrom('e1', 'e2', 'e3', 'e4'),
  caseSensitive: fc.boolean(),
  ambiguous: fc.boolean(),
});
const patternsArb = fc.array(patternArb, { minLength: 1, maxLength: 8 });

describe('Matcher: equals the brute-force oracle', () => {
  it('on random texts and pattern sets', () => {
    fc.assert(
      fc.property(patternsArb, textArb, (patterns, text) => {
        const got = new Matcher(patterns).findAll(text);
        expect(got).toEqual(oracle(text, patterns));
      }),
      { numRuns: 3000 },
    );
  }, 60_000); // a limit for a loaded machine, not a timing assertion

  it('on a tiny alphabet (dense nesting: suffix and prefix patterns everywhere)', () => {
    const unit = fc.constantFrom('a', 'b', 'A', 'B', 'é', ' ', '-', '.', "'");
    const tinyText = fc.array(unit, { maxLength: 30 }).map((a) => a.join(''));
    const tinyPattern = fc.record({
      text: fc.array(unit, { minLength: 1, maxLength: 5 }).map((a) => a.join('')),
      entityId: fc.constantFrom('e1', 'e2', 'e3'),
      caseSensitive: fc.boolean(),
      ambiguous: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(tinyPattern, { minLength: 1, maxLength: 10 }), tinyText, (patterns, text) => {
        expect(new Matcher(patterns).findAll(text)).toEqual(oracle(text, patterns));
      }),
      { numRuns: 3000 },
    );
  });

  it('on Arabic aliases with their clitic forms (patternsFromEntities adds ل + ال = لل, its ل not underlined)', () => {
    const arabicAlias = fc.oneof(
      fc.constantFrom('الرقة', 'الموصل', 'داعش', 'ال', 'اله', 'لرقة'),
      fc.array(fc.constantFrom('ا', 'ل', 'و', 'ب', 'ة', 'ه', 'ر'), { minLength: 1, maxLength: 5 }).map((a) => a.join('')),
    );
    const entities = fc.array(arabicAlias, { minLength: 1, maxLength: 6 }).map((texts): Entity[] =>
      texts.map((text, i) => ({ id: `e${i}`, type: 'place', kind: 'city', name: text, description: '', aliases: [{ text }] })),
    );
    fc.assert(
      fc.property(entities, textArb, (es, text) => {
        const patterns = patternsFromEntities(es);
        expect(new Matcher(patterns).findAll(text)).toEqual(oracle(text, patterns));
      }),
      { numRuns: 1500 },
    );
  });

  it('every match covers an original slice that normalises to its alias', () => {
    fc.assert(
      fc.property(patternsArb, textArb, (patterns, text) => {
        const got = new Matcher(patterns).findAll(text);
        let last = 0;
        for (const x of got) {
          expect(x.start).toBeGreaterThanOrEqual(last);
          expect(x.end).toBeGreaterThan(x.start);
          last = x.end;
          const slice = normalizeAlias(text.slice(x.start, x.end));
          const alias = normalizeAlias(x.alias);
          expect(slice.folded).toBe(alias.folded);
          const sources = patterns.filter((q) => q.text === x.alias && q.entityId === x.entityId);
          expect(sources.length).toBeGreaterThan(0);
          if (sources.every((q) => q.caseSensitive)) expect(slice.text).toBe(alias.text);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds every fragment when the text is fragments joined by spaces (sanity of the generator)', () => {
    const mm = new Matcher([pat('Raqqa', 'r'), pat('Mosul', 'm')]);
    const t = Array.from({ length: 50 }, (_, i) => (i % 2 ? 'Raqqa' : 'Mosul')).join(' ');
    expect(mm.findAll(t)).toEqual(oracle(t, [pat('Raqqa', 'r'), pat('Mosul', 'm')]));
    expect(mm.findAll(t)).toHaveLength(50);
  });
});

/* ---------- speed ---------- */

// How fast is measured by `npm run bench` (a wall-clock bound here failed on a busy machine).
describe('Matcher: a large page', () => {
  it('finds every mention on a 3 MB page', () => {
    const many: MatchPattern[] = [...GAZ];
    for (let i = 0; i < 1000; i++) many.push(pat(`Place${i.toString(36)} al-${((i * 7919) % 99991).toString(36)}`, `p${i}`));
    const mm = new Matcher(many);
    const para =
      'The Syrian Democratic Forces advanced on Raqqa’s old city as ISIS fighters retreated toward ' +
      'Deir ez‑Zor; officials said strikes near Mosul continued, and Qunaiṭra stayed quiet.\n';
    const page = para.repeat(Math.ceil(3_000_000 / para.length));
    const r = mm.findAll(page);
    const reps = Math.ceil(3_000_000 / para.length);
    expect(r).toHaveLength(reps * 6); // Syrian, Raqqa, ISIS, Deir ez-Zor, Mosul, Qunaiṭra
  });
});

describe('Matcher.findLayers: what a page may see never depends on the user’s own aliases', () => {
  it('a longer private name does not take the place of the bundled one it overlaps', () => {
    const m = new Matcher([pat('Raqqa', 'raqqa'), pat('Raqqa Governorate', 'notes', { user: true })]);
    const text = 'Fighting in Raqqa Governorate and in Raqqa.';
    const { open, mine } = m.findLayers(text);
    expect(open.map((x) => text.slice(x.start, x.end))).toEqual(['Raqqa', 'Raqqa']);
    expect(mine.map((x) => text.slice(x.start, x.end))).toEqual(['Raqqa Governorate']);
    // findAll reads every pattern as one: the private name wins there, as before.
    expect(m.findAll(text).map((x) => x.alias)).toEqual(['Raqqa Governorate', 'Raqqa']);
  });

  it('a user’s alias that repeats an open one is open, whichever comes first', () => {
    const open = pat('Deir ez-Zor', 'e2');
    const own = pat('Deir ez-Zor', 'e2', { user: true });
    for (const patterns of [[open, own], [own, open]]) {
      const { open: o, mine } = new Matcher(patterns).findLayers('Deir ez-Zor');
      expect(o.map((x) => x.alias)).toEqual(['Deir ez-Zor']);
      expect(mine).toEqual([]);
    }
  });

  it('on random texts and pattern sets: `open` is what a matcher without the user’s aliases finds; `mine` is the user’s part of findAll', () => {
    const flagged = fc.array(fc.tuple(patternArb, fc.boolean()), { minLength: 1, maxLength: 8 }).map((list) => list.map(([p, user]): MatchPattern => (user ? { ...p, user: true } : p)));
    fc.assert(
      fc.property(flagged, textArb, (patterns, text) => {
        const m = new Matcher(patterns);
        const { open, mine } = m.findLayers(text);
        expect(open).toEqual(new Matcher(patterns.filter((p) => !p.user)).findAll(text));
        // The user's part of findAll: tag the user's patterns' entities to tell them apart.
        const tagged = new Matcher(patterns.map((p) => (p.user ? { ...p, entityId: `${p.entityId}#u` } : p)));
        const theirs = tagged.findAll(text).filter((x) => x.entityId.endsWith('#u'));
        expect(mine).toEqual(theirs.map((x) => ({ ...x, entityId: x.entityId.slice(0, -2) })));
      }),
      { numRuns: 2000 },
    );
  }, 60_000); // a limit for a loaded machine, not a timing assertion
});
