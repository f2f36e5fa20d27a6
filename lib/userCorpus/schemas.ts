/**
 * The valibot schemas of a user document's metadata and of an alias's fields, shared by the two
 * places that read them from outside: the corpus-write messages (lib/messages/corpusWrites.ts:
 * restoring deleted documents, importing a bundle's data) and the bundle file
 * (./bundle.ts). They differ only in the id rule, a parameter: a message names documents the
 * store made (any 1–200 characters), a bundle file is checked more strictly. Title and
 * perspective are never empty (finishDraft in ./draft.ts always fills them). Pure.
 */
import * as v from 'valibot';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));

/** A stored user document's metadata (SourceMeta with origin "user"), its id checked by `id`. */
export function sourceMetaSchema<const Id extends v.GenericSchema<string, string>>(id: Id) {
  return v.strictObject({
    id,
    title: nonEmpty(1000),
    titleSupplied: v.optional(v.boolean()),
    author: v.optional(text(500)),
    authorNote: v.optional(text(2000)),
    outlet: v.optional(text(500)),
    date: text(40),
    dateApproximate: v.boolean(),
    dateLabel: text(100),
    perspective: nonEmpty(300),
    origin: v.literal('user'),
    url: v.optional(text(4000)),
  });
}

/** An alias's own fields (with an entity id beside them where it is not nested in its entity). */
export const aliasFields = {
  text: nonEmpty(200),
  caseSensitive: v.optional(v.boolean()),
  ambiguous: v.optional(v.boolean()),
};
