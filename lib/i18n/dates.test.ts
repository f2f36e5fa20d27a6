/** A source's date in the interface language: written out by Intl, curated seasons through keys, the rest as stored. */
import { describe, expect, it } from 'vitest';
import ar from '../../public/_locales/ar/messages.json';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { dateText } from '../views/sourceLabel';
import { dateLabel } from '../userCorpus/draft';
import { localDateLabel, writtenDate } from './dates';
import { ENGLISH } from './english';
import type { MessageKey } from './keys';
import { makeTranslator } from './translate';

const FR = makeTranslator<MessageKey>('fr', fr, en);
const AR = makeTranslator<MessageKey>('ar', ar, en);

describe('dates in the interface language', () => {
  it('stores the English label the import always wrote', () => {
    expect(dateLabel('2016-10', false)).toBe('October 2016');
    expect(dateLabel('2016-10-07', true)).toBe('about 7 October 2016');
    expect(dateLabel('2016', false)).toBe('2016');
    expect(writtenDate('autumn', 'fr')).toBe('');
  });

  it('writes a date label that is the date again in French and Arabic; English as stored', () => {
    const meta = { date: '2016-10', dateLabel: 'October 2016', dateApproximate: true };
    expect(dateText(meta)).toBe('c. October 2016');
    expect(dateText(meta, FR)).toBe('vers octobre 2016');
    expect(dateText(meta, AR)).toContain(new Intl.DateTimeFormat('ar', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2016, 9, 1)));
    expect(dateText(meta, AR)).not.toContain('October');
    expect(localDateLabel('17 October 2016', '2016-10-17', FR)).toBe('17 octobre 2016');
  });

  it('says curated seasons and parts of a year through their keys, and leaves other labels as they are', () => {
    expect(localDateLabel('autumn 2016', '2016-10', FR)).toBe('automne 2016');
    expect(localDateLabel('mid-2017', '2017-07', FR)).toBe('mi-2017');
    expect(localDateLabel('mid-2017', '2017-07', AR)).toBe('منتصف \u20682017\u2069');
    expect(localDateLabel('mid-2017', '2017-07', ENGLISH)).toBe('mid-2017');
    expect(localDateLabel('the siege of Mosul', '2017-07', FR)).toBe('the siege of Mosul');
    // A label that is not the stored date's writing is kept (a curated one for the same month).
    expect(localDateLabel('October 2016', '2016-11', FR)).toBe('October 2016');
  });
});
