/**
 * Files chosen or dropped by the user → drafts, bundles and refusals, through the pure parser
 * (lib/userCorpus/parseFile.ts). The page's side of reading: File bytes, and DOMParser and
 * Readability for HTML (a parsed document that is never attached to the page, and scripts in it
 * never run).
 *
 * A thousand files at once must not freeze the page (issue 10: no long task > 50 ms): files
 * are read as streams (no synchronous call to the browser), a few ahead while one is parsed
 * (reading is a round trip to the browser, parsing a Markdown file well under a millisecond),
 * `pause` gives the main thread back between files
 * once a slice's budget is spent, and the file list is indexed as it goes rather than copied
 * at once (making 1,000 File objects took ~25 ms, in the same task as the browser's own work
 * of building the list).
 */
import { extractArticle } from './article';
import { MAX_FILE_BYTES, tooLarge } from '../../lib/userCorpus/limits';
import { parseImportFile, type ParsedFile } from '../../lib/userCorpus/parseFile';
import { noYield, type Yielder } from '../../lib/slices';

/** A refusal keeps its error (an ImportError's Wording): the page words it in its language. */
export type ReadResult = ParsedFile | { kind: 'error'; fileName: string; error: unknown };

const readArticle = (html: string) => extractArticle(new DOMParser().parseFromString(html, 'text/html'));

/** Files read at once: enough to hide the read's round trip, few enough to hold little memory. */
const READ_AHEAD = 4;

type Read = { file: File; bytes: Uint8Array } | { file: File; error: unknown };

/**
 * The file's bytes, as a stream: nothing asks for the file's size first. (`File.size` of a chosen
 * file is a synchronous round trip to the browser process: 0.2 ms usually, up to ~40 ms on a busy
 * machine, and `arrayBuffer()` waits on one too; bench/measure-import.mjs --profile showed
 * 50–150 ms tasks of them.) Too large: stopped past the limit, never held whole in memory.
 */
async function read(file: File): Promise<Read> {
  try {
    const reader = file.stream().getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.length;
      if (size > MAX_FILE_BYTES) {
        await reader.cancel();
        return { file, error: tooLarge(file.name, file.size) };
      }
      chunks.push(r.value);
    }
    if (chunks.length === 1) return { file, bytes: chunks[0]! };
    const bytes = new Uint8Array(size);
    chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
    return { file, bytes };
  } catch (e) {
    return { file, error: e };
  }
}

/** Every file's draft, bundle or refusal, in the files' order. */
export async function readImportFiles(files: ArrayLike<File>, pause: Yielder = noYield): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  const reads: Array<Promise<Read> | undefined> = [];
  for (let i = 0; i < files.length; i++) {
    await pause();
    for (let j = reads.length; j < Math.min(files.length, i + READ_AHEAD); j++) reads.push(read(files[j]!));
    const r = (await reads[i])!;
    reads[i] = undefined; // (lets the bytes go)
    if ('error' in r) {
      out.push({ kind: 'error', fileName: r.file.name, error: r.error });
      continue;
    }
    try {
      out.push(parseImportFile({ name: r.file.name, bytes: r.bytes }, readArticle));
    } catch (e) {
      out.push({ kind: 'error', fileName: r.file.name, error: e });
    }
  }
  return out;
}
