/** Small hand-made drafts for the import form's tests (imported by tests only, never by the extension). */
import type { DocumentDraft, DraftMeta } from './types';

export const meta = (over: Partial<DraftMeta> = {}): DraftMeta => ({
  title: 'A note',
  author: '',
  outlet: '',
  date: '2017',
  dateApproximate: false,
  perspective: 'Field team',
  url: '',
  ...over,
});

export const draft = (i: number, over: Partial<DraftMeta> = {}): DocumentDraft => ({ fileName: `notes-${i}.md`, meta: meta(over), body: 'Raqqa.' });

/** 30 drafts; the 25th (index 24) has no perspective. */
export const import30 = (): DocumentDraft[] => Array.from({ length: 30 }, (_, i) => draft(i + 1, i === 24 ? { perspective: '' } : {}));
