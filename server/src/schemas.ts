/**
 * What each route accepts: the extension's own schemas (its message registry,
 * lib/messages/registry.ts), so a request the extension's worker would refuse the server refuses
 * too. Only the document upload is the server's: drafts (as the options page sends
 * them), or pasted text, or files as the options page reads them (name and bytes, base64).
 */
import * as v from 'valibot';
import { drafts } from '../../lib/messages/corpusWrites';
import { registry } from '../../lib/messages/registry';
import { MAX_FILE_BYTES } from '../../lib/userCorpus/limits';
import { LANGUAGES } from './teamStore';

const file = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)),
  /** The file's bytes, base64 (a 20 MB file is ~27 MB here). */
  base64: v.pipe(v.string(), v.maxLength(Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4), v.base64()),
});

export const routeSchemas = {
  lookupEntity: registry.lookupEntity.params,
  compare: registry.compare.params,
  getDocument: registry.getDocument.params,
  search: registry.search.params,
  addEntity: registry.addEntity.params,
  addAlias: registry.addAlias.params,
  addDocuments: v.pipe(
    v.strictObject({
      drafts: v.optional(drafts),
      text: v.optional(v.pipe(v.string(), v.maxLength(MAX_FILE_BYTES))),
      files: v.optional(v.pipe(v.array(file), v.minLength(1), v.maxLength(100))),
      language: v.optional(v.picklist(LANGUAGES)),
    }),
    v.check((b) => [b.drafts, b.text, b.files].filter((x) => x !== undefined).length === 1, 'Send exactly one of drafts, text or files'),
  ),
};

export type AddDocumentsBody = v.InferOutput<typeof routeSchemas.addDocuments>;
