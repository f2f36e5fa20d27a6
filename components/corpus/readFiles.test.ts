/** Reading chosen files: in order, each refusal named, and the page given back between files (a fake yielder). */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../lib/i18n/wording';
import { readImportFiles } from './readFiles';

const md = (i: number) => new File([`---\ntitle: Note ${i}\n---\n\nText of note ${i} about Raqqa.\n`], `note-${i}.md`, { type: 'text/markdown' });

describe('readImportFiles', () => {
  it('reads a file list in order, with each bad file refused by name, pausing before every file', async () => {
    const files = [md(1), new File([], 'empty.txt'), md(2), new File([new Uint8Array([0x41, 0, 0x42])], 'binary.txt'), md(3)];
    // A FileList is array-like, not an array: it is indexed as it is read.
    const list: ArrayLike<File> = { length: files.length, ...Object.fromEntries(files.map((f, i) => [i, f])) };
    let pauses = 0;
    const results = await readImportFiles(list, async () => void pauses++);
    expect(results.map((r) => (r.kind === 'draft' ? r.draft.meta.title : r.kind === 'error' ? errorText(r.error) : r.kind))).toEqual([
      'Note 1',
      'empty.txt: is empty',
      'Note 2',
      'binary.txt: is a binary file, not text',
      'Note 3',
    ]);
    expect(pauses).toBe(files.length);
  });

  it('refuses a file over 20 MB by its size, and still reads the next ones', async () => {
    const huge = new File([new Uint8Array(20 * 1024 * 1024 + 1).fill(0x61)], 'huge.txt');
    const results = await readImportFiles([huge, md(1)]);
    expect(results[0]).toMatchObject({ kind: 'error', fileName: 'huge.txt' });
    const [first] = results;
    expect(first?.kind === 'error' && errorText(first.error)).toBe('huge.txt: is 20.0 MB, more than the 20.0 MB an import accepts');
    expect(results[1]).toMatchObject({ kind: 'draft', draft: { meta: { title: 'Note 1' } } });
  });

  it('hundreds of files come back complete, the pauses do not lose or reorder any', async () => {
    const files = Array.from({ length: 300 }, (_, i) => md(i));
    let pauses = 0;
    const results = await readImportFiles(files, () => new Promise((r) => setImmediate(() => (pauses++, r()))));
    expect(results.map((r) => (r.kind === 'draft' ? r.draft.meta.title : '?'))).toEqual(files.map((_, i) => `Note ${i}`));
    expect(pauses).toBe(300);
  });
});
