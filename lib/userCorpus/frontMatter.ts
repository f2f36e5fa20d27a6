/**
 * Markdown front matter: the `key: value` lines between two `---` lines at the top of a file,
 * as blogs and note-taking apps write them (Jekyll, Hugo, Obsidian). Only that flat subset of
 * YAML is read — strings, quoted or not, booleans, and a list written [a, b] — which is what
 * such headers hold; anything else (nested maps, multi-line values) is refused with the line
 * number rather than guessed at. (A YAML library would add ~40 KB to the options page for
 * features a document header does not use.) Pure.
 */
import { ImportError } from './limits';

export interface FrontMatter {
  fields: Record<string, string | boolean | string[]>;
  /** The text after the closing line. */
  body: string;
}

const FENCE = /^---[ \t]*$/;
const LINE = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$/;

/** Front matter and body; a text without a leading `---` line has no front matter. */
export function parseFrontMatter(text: string, fileName: string): FrontMatter {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return { fields: {}, body: text };
  const close = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*$/.test(l)));
  if (close < 0) throw new ImportError(fileName, 'fmNoClose');
  const fields: FrontMatter['fields'] = {};
  for (let i = 1; i < close; i++) {
    const line = lines[i]!;
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) throw new ImportError(fileName, 'fmNotKeyValue', i + 1, line.slice(0, 40));
    const key = m[1]!.toLowerCase();
    if (key in fields) throw new ImportError(fileName, 'fmTwice', i + 1, m[1]!);
    fields[key] = value(m[2] ?? '', fileName, i + 1);
  }
  return { fields, body: lines.slice(close + 1).join('\n') };
}

function value(raw: string, fileName: string, line: number): string | boolean | string[] {
  const s = raw.replace(/[ \t]+#.*$/, '').trim();
  if (s === 'true' || s === 'false') return s === 'true';
  if (s.startsWith('"') || s.startsWith("'")) return quoted(s, fileName, line);
  if (s.startsWith('[')) {
    if (!s.endsWith(']')) throw new ImportError(fileName, 'fmList', line);
    return s
      .slice(1, -1)
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => (x.startsWith('"') || x.startsWith("'") ? quoted(x, fileName, line) : x));
  }
  if (s.startsWith('{') || s === '|' || s === '>') throw new ImportError(fileName, 'fmNested', line);
  return s;
}

function quoted(s: string, fileName: string, line: number): string {
  const q = s[0]!;
  if (s.length < 2 || !s.endsWith(q)) throw new ImportError(fileName, 'fmQuote', line);
  const inner = s.slice(1, -1);
  return q === '"' ? inner.replace(/\\(["\\n])/g, (_, c: string) => (c === 'n' ? '\n' : c)) : inner.replace(/''/g, "'");
}
