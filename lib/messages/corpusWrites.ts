/**
 * The parts of the params of the messages that change the user's part of the corpus (issue 10):
 * drafts, document metadata, a backup's data. The messages themselves (extension pages only) are
 * in lib/messages/registry.ts; the team server (server/src/schemas.ts) accepts the same drafts.
 */
import * as v from 'valibot';
import { MAX_FILE_BYTES } from '../userCorpus/fileLimit';
import { aliasFields, sourceMetaSchema } from '../userCorpus/schemas';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const body = v.pipe(v.string(), v.maxLength(MAX_FILE_BYTES));

export const draftMeta = v.strictObject({
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

/** Documents as stored (a backup's, an undo's). */
export const storedDocuments = v.array(v.strictObject({ meta: sourceMeta, body }));

export const corpusData = v.strictObject({
  documents: storedDocuments,
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

export const drafts = v.pipe(v.array(v.strictObject({ fileName: str(1000), meta: draftMeta, body })), v.minLength(1), v.maxLength(5000));
