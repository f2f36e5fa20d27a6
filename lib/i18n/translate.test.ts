import { describe, expect, it } from 'vitest';
import { directionOf, makeTranslator, resolveLanguage } from './translate';

describe('translate', () => {
  it('follows the browser unless the setting names a language, and falls back to English', () => {
    expect(resolveLanguage('auto', ['ar-SY', 'en'])).toBe('ar');
    expect(resolveLanguage('auto', ['de-DE', 'fr-CH'])).toBe('fr');
    expect(resolveLanguage('auto', ['de', 'tr'])).toBe('en');
    expect(resolveLanguage('fr', ['ar'])).toBe('fr');
  });

  it('knows which languages are written right to left', () => {
    expect([directionOf('ar'), directionOf('ar-IQ'), directionOf('ckb'), directionOf('fr'), directionOf('en-GB')]).toEqual(['rtl', 'rtl', 'rtl', 'ltr', 'ltr']);
  });

  it('fills in $1…, takes a missing message from the fallback, and picks Arabic plural forms', () => {
    const ar = makeTranslator<'hi' | 'bye' | 'n_other'>('ar', { hi: { message: 'مرحبًا $1' }, n_one: { message: 'مقطع واحد' }, n_two: { message: 'مقطعان' }, n_few: { message: '$1 مقاطع' }, n_other: { message: '$1 مقطع' } }, { bye: { message: 'Bye $1, $$5' } });
    // Right to left, a name is isolated (FSI … PDI) so it keeps its own direction in the sentence.
    expect(ar('hi', 'Sam')).toBe('مرحبًا \u2068Sam\u2069');
    expect(ar('bye', 3)).toBe('Bye 3, $5');
    expect([1, 2, 3, 11, 100].map((n) => ar.plural('n', n))).toEqual(['مقطع واحد', 'مقطعان', '3 مقاطع', '11 مقطع', '100 مقطع']);
    expect(ar.dir).toBe('rtl');
  });

  it('makes its plural rules on the first plural, not with the translator (the worker makes one as it starts)', () => {
    const Real = Intl.PluralRules;
    const intl = Intl as { PluralRules: typeof Real };
    let made = 0;
    intl.PluralRules = class extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        made++;
      }
    } as typeof Real;
    try {
      const fr = makeTranslator<'x' | 'n_other'>('fr', { x: { message: 'x' }, n_one: { message: '$1 mot' }, n_other: { message: '$1 mots' } });
      expect(fr('x')).toBe('x');
      expect(made).toBe(0);
      expect([fr.plural('n', 1), fr.plural('n', 2)]).toEqual(['1 mot', '2 mots']);
      expect(made).toBe(1);
    } finally {
      intl.PluralRules = Real;
    }
  });
});
