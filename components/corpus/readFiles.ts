/**
 * Files chosen or dropped by the user → drafts, bundles and refusals, through the pure parser
 * (lib/userCorpus/parseFile.ts). The page's side of reading: File bytes, and DOMParser and
 * Readability for HTML (a parsed document that is never attached to the page, and scripts in it
 * never run).
 */
import { extractArticle } from './article';
import { ImportError } from '../../lib/userCorpus/limits';
import { MAX_FILE_BYTES, formatBytes } from '../../lib/userCorpus/limits';
import { parseImportFile, type ParsedFile } from '../../lib/userCorpus/parseFile';

export type ReadResult = ParsedFile | { kind: 'error'; fileName: string; message: string };

const readArticle = (html: string) => extractArticle(new DOMParser().parseFromString(html, 'text/html'));

export async function readImportFiles(files: readonly File[]): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for (const file of files) {
    try {
      // Too large: refused before reading it into memory.
      if (file.size > MAX_FILE_BYTES) throw new ImportError(file.name, `is ${formatBytes(file.size)}, more than the ${formatBytes(MAX_FILE_BYTES)} an import accepts`);
      const bytes = new Uint8Array(await file.arrayBuffer());
      out.push(parseImportFile({ name: file.name, bytes }, readArticle));
    } catch (e) {
      out.push({ kind: 'error', fileName: file.name, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}
