import { describe, expect, it } from 'vitest';
import { gazetteer } from '../../corpus/gazetteer';
import ar from '../../public/_locales/ar/messages.json';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import type { MessageKey } from '../i18n/keys';
import { makeTranslator } from '../i18n/translate';
import { coverageText, entityRanges, kindName, kindText } from './cardText';

const FR = makeTranslator<MessageKey>('fr', fr, en);
const AR = makeTranslator<MessageKey>('ar', ar, en);

describe('card text', () => {
  it('counts sources', () => {
    expect(coverageText(4, 5)).toBe('in 4 of 5 sources');
    expect(coverageText(1, 1)).toBe('in 1 of 1 source');
  });

  it('capitalises kinds', () => {
    expect(kindText('armed group')).toBe('Armed group');
    expect(kindText(' city ')).toBe('City');
    expect(kindText('')).toBe('');
  });

  it('says every kind of the gazetteer in the interface language; a kind the user wrote as written', () => {
    const kinds = [...new Set(gazetteer.map((e) => e.kind))];
    for (const kind of kinds) {
      expect(kindName(kind), kind).toBe(kind);
      expect(kindName(kind, AR), kind).toMatch(/^[\u0621-\u064A ]+$/);
      expect(kindName(kind, FR), kind).not.toBe(kindName(kind, AR));
    }
    expect(kindText('armed group', FR)).toBe('Groupe armé');
    expect(kindText('city', AR)).toBe('مدينة');
    expect(kindName('militia', FR)).toBe('militia');
    expect(kindName('constructor', FR)).toBe('constructor');
  });

  it('picks the mentions of one entity, whatever their spelling', () => {
    const mentions = [
      { entityId: 'isis', start: 0, end: 4 },
      { entityId: 'raqqa', start: 10, end: 15 },
      { entityId: 'raqqa', start: 20, end: 28 },
    ];
    expect(entityRanges({ mentions }, 'raqqa')).toEqual([
      [10, 15],
      [20, 28],
    ]);
    expect(entityRanges({ mentions }, 'mosul')).toEqual([]);
  });
});
