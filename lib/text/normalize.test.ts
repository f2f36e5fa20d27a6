import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  classifyCodeUnit,
  hasText,
  isWhitespace,
  isWordChar,
  isWordCodePoint,
  NORM_FOLD,
  NORM_KEEP,
  NORM_KIND,
  normalizeAlias,
  normalizeForMatch,
} from './normalize';

const folded = (s: string): string => normalizeForMatch(s).folded;

/** Original slice for a normalised span [s, e): [map[s], map[e]). */
function originalSlice(src: string, s: number, e: number): string {
  const { map } = normalizeForMatch(src);
  return src.slice(map[s], map[e]);
}

describe('normalizeForMatch: folding rules', () => {
  it('folds apostrophe variants to an ASCII apostrophe', () => {
    for (const v of ["Da'esh", 'Da’esh', 'Daʼesh', 'Da‘esh', 'Da`esh', 'Da´esh', 'Da′esh']) {
      expect(folded(v), v).toBe("da'esh");
    }
    expect(normalizeForMatch('Daʼesh').text).toBe("Da'esh");
  });

  it('folds hyphens, dashes and whitespace runs to one space', () => {
    const variants = [
      'Deir-ez-Zor',
      'Deir ez-Zor',
      'Deir ez Zor',
      'Deir ez‑Zor', // U+2011 non-breaking hyphen
      'Deir  ez Zor',
      'Deir\u00a0ez\u2013Zor',
      'Deir \u2014 ez \u2212 Zor',
      'Deir\t\n ez\u2010Zor',
      'Deir\u202fez\u2012Zor',
    ];
    for (const v of variants) {
      expect(normalizeForMatch(v).text, JSON.stringify(v)).toBe('Deir ez Zor');
      expect(folded(v), JSON.stringify(v)).toBe('deir ez zor');
    }
  });

  it('removes diacritics, precomposed or decomposed', () => {
    expect(folded('Qunaiṭra')).toBe('qunaitra');
    expect(folded('Qunait\u0323ra')).toBe('qunaitra');
    expect(folded('Ḥalab')).toBe('halab');
    expect(folded('Dayr az-Zawr')).toBe('dayr az zawr');
    expect(folded('Kobanê')).toBe('kobane');
    expect(normalizeForMatch('Şam').text).toBe('Sam');
    expect(folded('Łódź')).toBe('lodz');
    expect(folded('ÉCOLE')).toBe('ecole');
  });

  it('drops zero-width and invisible characters', () => {
    expect(folded('Raq\u200bqa')).toBe('raqqa');
    expect(folded('Raq\u00adqa')).toBe('raqqa');
    expect(folded('\ufeffRaqqa\u200d')).toBe('raqqa');
    // dropped chars do not split a separator run
    expect(folded('a \u200b b')).toBe('a b');
  });

  it('keeps case in text, lower-cases in folded, same length', () => {
    const r = normalizeForMatch('ISIS and the SDF in Raqqa');
    expect(r.text).toBe('ISIS and the SDF in Raqqa');
    expect(r.folded).toBe('isis and the sdf in raqqa');
    // İ strips to I; Greek and Cyrillic fold per char
    expect(normalizeForMatch('İDLİB').folded).toBe('idlib');
    expect(normalizeForMatch('ΣΥΡΙΑ Сирия').folded).toBe('συρια сирия');
  });

  it('keeps Hangul syllables whole rather than expanding them', () => {
    const r = normalizeForMatch('한국');
    expect(r.text).toBe('한국');
    expect(r.map[2]).toBe(2);
  });

  it('maps a normalised span back to the original text', () => {
    const src = 'In  Deir ez‑Zor, Raq\u200bqa’s Qunait\u0323ra\u0301 and 𝐀BC.';
    const r = normalizeForMatch(src);
    expect(r.text).toBe("In Deir ez Zor, Raqqa's Qunaitra and 𝐀BC.");
    expect(r.map.length).toBe(r.text.length + 1);
    expect(r.map[r.text.length]).toBe(src.length);
    const span = (needle: string): string => {
      const s = r.text.indexOf(needle);
      expect(s).toBeGreaterThanOrEqual(0);
      return src.slice(r.map[s], r.map[s + needle.length]);
    };
    expect(span('Deir ez Zor')).toBe('Deir ez‑Zor');
    expect(span('Raqqa')).toBe('Raq\u200bqa');
    expect(span('Qunaitra')).toBe('Qunait\u0323ra\u0301'); // trailing combining mark included
    expect(span('𝐀BC')).toBe('𝐀BC');
    expect(span('In Deir')).toBe('In  Deir');
    expect(originalSlice(src, 0, 2)).toBe('In');
  });
});

describe('normalizeAlias', () => {
  it('applies the same rules and trims separators', () => {
    expect(normalizeAlias(' Deir ez‑Zor ')).toEqual({ text: 'Deir ez Zor', folded: 'deir ez zor' });
    expect(normalizeAlias('Da’esh')).toEqual({ text: "Da'esh", folded: "da'esh" });
    expect(normalizeAlias('ISIS')).toEqual({ text: 'ISIS', folded: 'isis' });
    expect(normalizeAlias('-')).toEqual({ text: '', folded: '' });
  });

  it('classifies ASCII at load exactly as classifyCodeUnit does', () => {
    for (let c = 0; c < 0x80; c++) {
      const loaded = [NORM_KIND[c], NORM_KEEP[c], NORM_FOLD[c]];
      expect(classifyCodeUnit(c)).toBe(loaded[0]);
      expect([NORM_KIND[c], NORM_KEEP[c], NORM_FOLD[c]], c.toString(16)).toEqual(loaded);
    }
  });

  it('normalises a Latin letter, punctuation mark or symbol as its base without marks', () => {
    for (let c = 0x80; c < 0x20d0; c++) {
      if (c === 0x300) c = 0x2000;
      const ch = String.fromCharCode(c);
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      const expected = normalizeForMatch(`x${base.length === 1 ? base : base.length === 0 ? '' : ch}x`);
      expect(normalizeForMatch(`x${ch}x`).text, c.toString(16)).toBe(expected.text);
    }
  });

  it('treats every character /\\s/ matches as a separator (U+FEFF aside: dropped)', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (c === 0xfeff || !/^\s$/u.test(ch)) continue;
      expect(normalizeAlias(`a${ch}${ch}b`).text, c.toString(16)).toBe('a b');
    }
  });
});

describe('isWhitespace: the one definition of whitespace', () => {
  it('is exactly what /\\s/ matches, for every code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isWhitespace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c.toString(16));
    expect(differ).toEqual([]);
  });

  it('is what hasText looks past, for every code unit', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (hasText(`\t${String.fromCharCode(c)} `) === isWhitespace(c)) differ.push(c.toString(16));
    expect(differ).toEqual([]);
    expect(hasText('')).toBe(false);
  });

  it('is what separates words in matching (U+FEFF, an invisible character, is dropped instead)', () => {
    expect(normalizeForMatch('Deir\u00a0ez\u2009Zor\u3000x\u2028y\tz').text).toBe('Deir ez Zor x y z');
    expect(normalizeForMatch('Ra\ufeffqqa').text).toBe('Raqqa');
  });
});

describe('isWordChar', () => {
  it('letters and digits of any script, not apostrophes or punctuation', () => {
    for (const ch of ['a', 'Z', '7', 'é', 'ş', 'ر', 'Я', '한', '𝐀', '٣']) expect(isWordChar(ch), ch).toBe(true);
    for (const ch of ["'", '’', ' ', '-', '.', ',', '😀', '', '\u0301']) expect(isWordChar(ch), JSON.stringify(ch)).toBe(false);
    expect(isWordCodePoint(0x1d400)).toBe(true);
    expect(isWordCodePoint(0x1f600)).toBe(false);
  });
});

describe('normalizeForMatch: properties', () => {
  const pieces = fc.constantFrom(
    'a', 'B', 'é', 'e\u0301', 'ṭ', ' ', '  ', '-', '—', '\u00a0', '\u200b', '\u00ad', '’', '`',
    "'", '.', 'İ', 'ß', 'Σ', '𝐀', '😀', '한', '\n', 'x\u0323\u0301', '\u1fef', '\u1ffd',
  );
  const text = fc.oneof(
    fc.array(pieces, { maxLength: 30 }).map((a) => a.join('')),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );

  it('text and folded have equal length; map is strictly increasing and ends at the length', () => {
    fc.assert(
      fc.property(text, (src) => {
        const r = normalizeForMatch(src);
        expect(r.folded.length).toBe(r.text.length);
        expect(r.map.length).toBe(r.text.length + 1);
        expect(r.map[r.text.length]).toBe(src.length);
        for (let i = 1; i < r.map.length; i++) expect(r.map[i]!).toBeGreaterThan(r.map[i - 1]!);
      }),
      { numRuns: 500 },
    );
  });

  it('normalizeAlias is normalizeForMatch trimmed of separators at either end', () => {
    fc.assert(
      fc.property(text, (src) => {
        const r = normalizeForMatch(src);
        const trimmed = r.text.replace(/^ +| +$/g, '');
        const start = r.text.length - r.text.replace(/^ +/, '').length;
        expect(normalizeAlias(src)).toEqual({ text: trimmed, folded: r.folded.slice(start, start + trimmed.length) });
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (src) => {
        const r = normalizeForMatch(src);
        const again = normalizeForMatch(r.text);
        expect(again.text).toBe(r.text);
        expect(again.folded).toBe(r.folded);
      }),
      { numRuns: 500 },
    );
  });

  it('the original slice of any normalised span normalises back to that span', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (src, a, b) => {
        const r = normalizeForMatch(src);
        const len = r.text.length;
        if (len === 0) return;
        let s = a % len;
        let e = (b % len) + 1;
        if (s >= e) [s, e] = [e - 1, s + 1];
        const isLowAt = (i: number): boolean => i < len && /[\udc00-\udfff]/.test(r.text[i]!) && i > 0 && /[\ud800-\udbff]/.test(r.text[i - 1]!);
        if (isLowAt(s) || isLowAt(e)) return; // span would split a surrogate pair
        const slice = src.slice(r.map[s], r.map[e]);
        expect(normalizeForMatch(slice).text).toBe(r.text.slice(s, e));
      }),
      { numRuns: 1000 },
    );
  });
});
