/**
 * Messages made deep in lib/ and in the background reach the options page in its language: an
 * import's refusal names the file and the reason in French and Arabic, also after the trip from
 * the background (an error's own fields are what @webext-core/messaging carries).
 */
import { describe, expect, it } from 'vitest';
import ar from '../../public/_locales/ar/messages.json';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';
import { draftProblems } from '../userCorpus/draft';
import { ImportError } from '../userCorpus/limits';
import { parseImportFile } from '../userCorpus/parseFile';
import { DraftStaging } from '../userCorpus/staging';
import type { MessageKey } from './keys';
import { makeTranslator } from './translate';
import { errorText, WordedError } from './wording';

const FR = makeTranslator<MessageKey>('fr', fr, en);
const AR = makeTranslator<MessageKey>('ar', ar, en);
const refusal = (name: string, bytes: number[]) => {
  try {
    parseImportFile({ name, bytes: new Uint8Array(bytes) });
  } catch (e) {
    return e;
  }
  throw new Error('not refused');
};
/** What the options page receives of an error thrown in the background (the library's serialise and deserialise). */
const overTheWire = (e: Error): Error => {
  const sent = JSON.parse(JSON.stringify(Object.assign({ name: e.name, message: e.message }, e))) as Record<string, unknown>;
  return Object.assign(new Error(String(sent.message)), sent);
};

describe('worded errors', () => {
  it('an import refusal names the file and the reason in French, and in English by default', () => {
    const e = refusal('rapport.pdf', [0x25, 0x50]);
    expect(e).toBeInstanceOf(ImportError);
    expect(errorText(e)).toBe('rapport.pdf: is a .pdf file; Counterpoint imports .txt, .md, .html and corpus bundles (.json)');
    expect((e as Error).message).toBe(errorText(e));
    expect(errorText(e, FR)).toBe('rapport.pdf : fichier .pdf ; Counterpoint importe les fichiers .txt, .md, .html et les sauvegardes de corpus (.json)');
    expect(errorText(refusal('vide.txt', []), FR)).toBe('vide.txt : vide');
    expect(errorText(refusal('notes.md', [...new TextEncoder().encode('---\ntitle: x\n\nbody')]), FR)).toBe('notes.md : l’en-tête n’a pas de ligne « --- » de fermeture');
  });

  it('keeps its wording across the trip from the background: Arabic names the file, isolated, and says the reason in Arabic', () => {
    const e = overTheWire(refusal('بيان.bin', [0x41]) as Error);
    expect(e).not.toBeInstanceOf(ImportError);
    const text = errorText(e, AR);
    expect(text).toBe('\u2068بيان.bin\u2069: \u2068ملف \u2068.bin\u2069؛ يستورد Counterpoint ملفات \u200e.txt و\u200e.md و\u200e.html والنسخ الاحتياطية للمدوّنة (\u200e.json)\u2069');
  });

  it('words a counted subject by the plural rules of the language (Arabic 11: the "many" form, وثيقةً)', () => {
    const staging = new DraftStaging(Date.now, { maxImports: 1, maxDrafts: 10, maxAgeMs: 1000 });
    const draft = { fileName: 'a.txt', meta: { title: 'A', author: '', outlet: '', date: '', dateApproximate: false, perspective: '', url: '' }, body: 'x' };
    let e: unknown;
    try {
      staging.stage('imp', Array.from({ length: 11 }, () => draft));
    } catch (x) {
      e = x;
    }
    expect(errorText(e)).toBe('11 documents: are more than the 10 one import can save; import them in several goes');
    expect(errorText(e, AR)).toContain('11 وثيقةً');
    expect(errorText(e, FR)).toBe('11 documents : c’est plus que les 10 qu’un import peut enregistrer ; importez-les en plusieurs fois');
  });

  it('a plain error from elsewhere is shown as it is; a WordedError in the page language', () => {
    expect(errorText(new Error('Disk on fire'), FR)).toBe('Disk on fire');
    expect(errorText(new WordedError({ key: 'importLost' }), FR)).toBe('Rien n’a été enregistré (l’extension s’est arrêtée pendant l’import) ; réessayez.');
    expect(errorText({ wording: { key: 42 } }, FR)).toBe('[object Object]');
  });

  it('numbers in a message are written as the language writes them (Intl.NumberFormat)', () => {
    const fr = new Intl.NumberFormat('fr').format(12345);
    expect(fr).not.toBe('12345');
    expect(FR.plural('savedMany', 12345)).toBe(`${fr} documents enregistrés dans votre corpus.`);
    expect(FR.number(12345)).toBe(fr);
    expect(errorText(new ImportError('x.md', 'fmList', 1200))).toBe('x.md: front matter line 1,200: a list must end with "]"');
    expect(AR.number(12)).toBe(new Intl.NumberFormat('ar').format(12));
  });

  it('the problems of a draft are said in the page language', () => {
    const meta = { title: '', author: '', outlet: '', date: '2016-13', dateApproximate: false, perspective: '', url: 'ftp://x' };
    expect(draftProblems(meta, FR)).toEqual({ title: 'Un titre est nécessaire.', date: 'Écrivez la date sous la forme 2016, 2016-10 ou 2016-10-17.', url: 'Un lien commence par http:// ou https://.' });
  });
});
