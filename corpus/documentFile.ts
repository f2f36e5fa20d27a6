/**
 * One document per file: a JSON header with the metadata between two `---` lines, then the body.
 *
 *     ---
 *     { "id": "000_…", "title": "…", … }
 *     ---
 *     The article's own text, unchanged…
 *
 * JSON rather than YAML so that no parser dependency is needed and every value is unambiguous.
 * Pure: used by the build plugin, the tests, the benchmark and (later) user import.
 */
import type { SourceDocument, SourceMeta } from '../lib/corpus/types';

const FENCE = '---';

class DocumentFileError extends Error {}

export function parseDocumentFile(source: string, fileName = 'document'): SourceDocument {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (!text.startsWith(FENCE + '\n')) throw new DocumentFileError(`${fileName}: must start with a "---" line`);
  const close = text.indexOf('\n' + FENCE + '\n', FENCE.length);
  if (close < 0) throw new DocumentFileError(`${fileName}: the metadata header has no closing "---" line`);
  let meta: unknown;
  try {
    meta = JSON.parse(text.slice(FENCE.length + 1, close + 1));
  } catch (e) {
    throw new DocumentFileError(`${fileName}: the metadata header is not valid JSON (${(e as Error).message})`);
  }
  let body = text.slice(close + FENCE.length + 2);
  if (body.endsWith('\n')) body = body.slice(0, -1);
  const checked = checkMeta(meta, fileName);
  if (!body.trim()) throw new DocumentFileError(`${fileName}: the body is empty`);
  return { meta: checked, body };
}

export function serializeDocumentFile(doc: SourceDocument): string {
  return `${FENCE}\n${JSON.stringify(doc.meta, null, 2)}\n${FENCE}\n${doc.body}\n`;
}

function checkMeta(meta: unknown, fileName: string): SourceMeta {
  if (!meta || typeof meta !== 'object') throw new DocumentFileError(`${fileName}: the metadata header must be a JSON object`);
  const m = meta as Record<string, unknown>;
  for (const key of ['id', 'title', 'date', 'dateLabel', 'perspective'] as const) {
    if (typeof m[key] !== 'string' || !m[key].trim()) {
      throw new DocumentFileError(`${fileName}: metadata "${key}" must be a non-empty string`);
    }
  }
  if (typeof m.dateApproximate !== 'boolean') throw new DocumentFileError(`${fileName}: metadata "dateApproximate" must be true or false`);
  if (m.origin !== 'seed' && m.origin !== 'user') throw new DocumentFileError(`${fileName}: metadata "origin" must be "seed" or "user"`);
  for (const key of ['author', 'authorNote', 'outlet', 'url'] as const) {
    if (m[key] !== undefined && typeof m[key] !== 'string') throw new DocumentFileError(`${fileName}: metadata "${key}" must be a string`);
  }
  return m as unknown as SourceMeta;
}
