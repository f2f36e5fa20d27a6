/**
 * Node-only: reads every document file under corpus/documents/. Used by the build plugin
 * (wxt.config.ts), the tests and the benchmark; never bundled into the extension.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../lib/corpus/types';
import { parseDocumentFile } from './documentFile';

export const DOCUMENTS_DIR = fileURLToPath(new URL('./documents/', import.meta.url));

export function loadDocuments(dir = DOCUMENTS_DIR): SourceDocument[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => parseDocumentFile(readFileSync(join(dir, f), 'utf8'), f));
}
