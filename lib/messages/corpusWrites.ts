/**
 * Messages that read or change the user's part of the corpus (issue 10). Privileged: only the
 * extension's own pages (options, popup) may send them, never a content script — the handlers
 * (entrypoints/background/corpusWrites.ts) check the sender's origin. Params are checked with
 * valibot like every other message (lib/messages/protocol.ts), types inferred from the schemas.
 */
import * as v from 'valibot';
import type { SourceDocument, SourceMeta } from '../corpus/types';
import type { EntitySummary } from './protocol';
import type { BundlePreview } from '../userCorpus/bundle';
import { MAX_FILE_BYTES } from '../userCorpus/limits';
import { aliasFields, sourceMetaSchema } from '../userCorpus/schemas';
import type { UserCorpusListing } from '../userCorpus/merge';
import type { UserCorpusData } from '../userCorpus/types';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const body = v.pipe(v.string(), v.maxLength(MAX_FILE_BYTES));

const draftMeta = v.strictObject({
  title: str(1000),
  author: str(500),
  outlet: str(500),
  date: str(40),
  dateApproximate: v.boolean(),
  perspective: str(300),
  url: str(4000),
});

// The bundle file's reader (lib/userCorpus/bundle.ts) uses the same schema with a stricter id rule.
const sourceMeta = sourceMetaSchema(id);

const corpusData = v.strictObject({
  documents: v.array(v.strictObject({ meta: sourceMeta, body })),
  entities: v.array(
    v.strictObject({
      id,
      type: v.picklist(['place', 'group']),
      kind: str(100),
      name: str(200),
      description: str(1000),
      aliases: v.array(v.strictObject(aliasFields)),
    }),
  ),
  aliases: v.array(v.strictObject({ entityId: id, ...aliasFields })),
  hiddenSeeds: v.array(id),
});

const drafts = v.pipe(v.array(v.strictObject({ fileName: str(1000), meta: draftMeta, body })), v.minLength(1), v.maxLength(5000));

export const corpusWriteSchemas = {
  /**
   * `importId`: the import's own id (a retry after a lost answer saves nothing twice); `staged`: parts
   * sent before with stageDrafts under it are saved with these, in the same transaction (lib/userCorpus/batches.ts).
   */
  importDocuments: v.strictObject({ drafts, importId: v.optional(id), staged: v.optional(v.literal(true)) }),
  importStatus: v.strictObject({ importId: id }),
  stageDrafts: v.strictObject({ importId: id, drafts }),
  restoreDocuments: v.strictObject({ documents: v.array(v.strictObject({ meta: sourceMeta, body })) }),
  updateDocument: v.strictObject({ id, meta: draftMeta }),
  deleteDocuments: v.strictObject({ ids: v.pipe(v.array(id), v.minLength(1)) }),
  listUserCorpus: v.optional(v.undefined()),
  setSeedHidden: v.strictObject({ id, hidden: v.boolean() }),
  addEntity: v.strictObject({
    name: v.pipe(str(200), v.trim(), v.minLength(1)),
    type: v.picklist(['place', 'group']),
    kind: str(100),
    description: str(1000),
    aliases: v.pipe(v.array(str(200)), v.maxLength(100)),
  }),
  addAlias: v.strictObject({ entityId: id, text: v.pipe(str(200), v.trim(), v.minLength(1)) }),
  exportCorpus: v.optional(v.undefined()),
  importCorpus: v.strictObject({ data: corpusData, mode: v.picklist(['merge', 'replace']), apply: v.boolean() }),
  resetCorpus: v.optional(v.undefined()),
} satisfies Record<string, v.GenericSchema>;

export type CorpusWriteName = keyof typeof corpusWriteSchemas;
export type CorpusWriteParams<K extends CorpusWriteName> = v.InferOutput<(typeof corpusWriteSchemas)[K]>;

export type { UserCorpusListing };

/** Messages about the user's corpus, answered by the background. Function syntax: (params) => result. */
export interface CorpusWritesProtocol {
  importDocuments(p: CorpusWriteParams<'importDocuments'>): { added: SourceMeta[] };
  /** What the import `importId` saved (none: it never committed); asked after a lost answer. */
  importStatus(p: CorpusWriteParams<'importStatus'>): { added: SourceMeta[] };
  /** Holds a part of a large import until importDocuments commits it; stores nothing. */
  stageDrafts(p: CorpusWriteParams<'stageDrafts'>): { staged: number };
  restoreDocuments(p: CorpusWriteParams<'restoreDocuments'>): { restored: number };
  updateDocument(p: CorpusWriteParams<'updateDocument'>): SourceMeta;
  /** Returns the deleted documents, for undo. */
  deleteDocuments(p: CorpusWriteParams<'deleteDocuments'>): { deleted: SourceDocument[] };
  listUserCorpus(): UserCorpusListing;
  setSeedHidden(p: CorpusWriteParams<'setSeedHidden'>): { ok: true };
  addEntity(p: CorpusWriteParams<'addEntity'>): EntitySummary;
  addAlias(p: CorpusWriteParams<'addAlias'>): { ok: true };
  exportCorpus(): UserCorpusData;
  importCorpus(p: CorpusWriteParams<'importCorpus'>): BundlePreview;
  resetCorpus(): { ok: true };
}
