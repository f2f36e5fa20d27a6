/**
 * What an import accepts, and the one error type every refusal uses: it names the file and the
 * reason, so the options page can show it as is ("notes.md: the front matter has no closing
 * '---' line"). Pure.
 */

/** Larger files are refused before they are read (issue 10: "> 20 MB"). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** How many bytes are looked at to tell text from binary. */
const SNIFF_BYTES = 8192;

export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly fileName: string,
    readonly reason: string,
  ) {
    super(`${fileName}: ${reason}`);
  }
}

/** "2.4 MB", "830 KB", "12 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/**
 * A file's bytes as text, or an ImportError: empty, too large, binary (a NUL byte or many control
 * characters in its first 8 KB), UTF-16, or not valid UTF-8. A UTF-8 byte-order mark is dropped and
 * line ends become "\n".
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  if (bytes.length > MAX_FILE_BYTES) throw new ImportError(fileName, `is ${formatBytes(bytes.length)}, more than the ${formatBytes(MAX_FILE_BYTES)} an import accepts`);
  if (bytes.length === 0) throw new ImportError(fileName, 'is empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportError(fileName, 'is UTF-16 text; save it as UTF-8 and import it again');
  }
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) {
    if (b === 0) throw new ImportError(fileName, 'is a binary file, not text');
    // Control characters other than tab, line feed, form feed and carriage return.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13) control++;
  }
  if (control > head.length * 0.05) throw new ImportError(fileName, 'is a binary file, not text');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError(fileName, 'is not UTF-8 text (another encoding?); save it as UTF-8 and import it again');
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!text.trim()) throw new ImportError(fileName, 'has no text (only white space)');
  return text;
}
