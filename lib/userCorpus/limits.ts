/**
 * What an import accepts, and the one error type every refusal uses: it names the file and the
 * reason ("notes.md: the front matter has no closing '---' line"), as a Wording the options page
 * says in its language (lib/i18n/wording.ts). Pure.
 */
import type { MessageKey } from '../i18n/keys';
import { WordedError, type WordingArg } from '../i18n/wording';
import { MAX_FILE_BYTES } from './fileLimit';

/** Larger files are refused before they are read (./fileLimit.ts). */
export { MAX_FILE_BYTES };

/** How many bytes are looked at to tell text from binary. */
const SNIFF_BYTES = 8192;

export class ImportError extends WordedError {
  override name = 'ImportError';
  /** `subject`: the file (or what else is refused, itself a Wording); `reason`: a message key and its arguments. */
  constructor(subject: WordingArg, reason: MessageKey, ...args: WordingArg[]) {
    super({ key: 'importError', args: [subject, { key: reason, args }] });
  }
}

/** "2.4 MB", "830 KB", "12 bytes". */
function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** The refusal of a file of `size` bytes, over the limit. */
export const tooLarge = (fileName: string, size: number) => new ImportError(fileName, 'importTooLarge', formatBytes(size), formatBytes(MAX_FILE_BYTES));

/**
 * A file's bytes as text, or an ImportError: empty, too large, binary (a NUL byte or many control
 * characters in its first 8 KB), UTF-16, or not valid UTF-8. A UTF-8 byte-order mark is dropped and
 * line ends become "\n".
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(fileName, bytes.length);
  if (bytes.length === 0) throw new ImportError(fileName, 'importEmpty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(fileName, 'importUtf16');
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new ImportError(fileName, 'importBinary');
    // Control characters other than tab, line feed, form feed and carriage return.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  if (control > head.length * 0.05) throw new ImportError(fileName, 'importBinary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(fileName, 'importNotUtf8');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ImportError(fileName, 'importBlank');
  return text;
}
