/**
 * The corpus bundle: everything the user added (documents, their entities and aliases, the
 * bundled documents they hid, their settings) as one versioned JSON file, for export, backup and
 * moving between browsers. Read with valibot schemas, so a bundle is either entirely valid or
 * refused with the first problem named ("documents.3.meta.title: …"); older versions are
 * migrated forward one step at a time (`MIGRATIONS`), newer ones refused. Pure.
 *
 * Versions:
 *   1 — { format, version: 1, documents }            (documents only)
 *   2 — adds entities, aliases, hiddenSeeds, settings (current)
 */
import * as v from 'valibot';
import { ImportError } from './limits';
import { aliasFields, sourceMetaSchema } from './schemas';
import type { UserCorpusData } from './types';

const BUNDLE_FORMAT = 'counterpoint-corpus';
export const BUNDLE_VERSION = 2;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const nonEmpty = (max: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(max));
const idSchema = v.pipe(v.string(), v.regex(/^[\w.:-]{1,200}$/, 'ids are 1–200 letters, digits, "_", "-", ".", ":"'));

const metaSchema = sourceMetaSchema(idSchema);

const documentSchema = v.strictObject({ meta: metaSchema, body: v.pipe(v.string(), v.trim(), v.minLength(1)) });

const entitySchema = v.strictObject({
  id: v.pipe(idSchema, v.startsWith('user-', 'user entity ids start with "user-"')),
  type: v.picklist(['place', 'group']),
  kind: text(100),
  name: nonEmpty(200),
  description: text(1000),
  aliases: v.pipe(v.array(v.strictObject(aliasFields)), v.minLength(1), v.maxLength(200)),
});

const v1Schema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  version: v.literal(1),
  exportedAt: v.optional(v.string()),
  documents: v.array(documentSchema),
});

const v2Schema = v.strictObject({
  format: v.literal(BUNDLE_FORMAT),
  version: v.literal(2),
  exportedAt: v.string(),
  documents: v.array(documentSchema),
  entities: v.array(entitySchema),
  aliases: v.array(v.strictObject({ entityId: idSchema, ...aliasFields })),
  hiddenSeeds: v.array(idSchema),
  settings: v.optional(v.record(v.string(), v.unknown())),
});

export type Bundle = v.InferOutput<typeof v2Schema>;

/** One step forward per version: MIGRATIONS[n] turns a version-n bundle into version n+1. */
const MIGRATIONS: Record<number, (b: Record<string, unknown>) => Record<string, unknown>> = {
  1: (b) => ({ ...b, version: 2, exportedAt: b.exportedAt ?? '', entities: [], aliases: [], hiddenSeeds: [] }),
};
const SCHEMAS: Record<number, v.GenericSchema> = { 1: v1Schema, 2: v2Schema };

/** A bundle's JSON text → a current-version bundle, or an ImportError naming the file and the problem. */
export function readBundle(json: string, fileName: string): Bundle {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (e) {
    throw new ImportError(fileName, 'bundleNotJson', (e as Error).message);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || (raw as { format?: unknown }).format !== BUNDLE_FORMAT) {
    throw new ImportError(fileName, 'bundleNotBundle', BUNDLE_FORMAT);
  }
  let bundle = raw as Record<string, unknown>;
  const version = bundle.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ImportError(fileName, 'bundleNoVersion');
  if (version > BUNDLE_VERSION) {
    throw new ImportError(fileName, 'bundleNewer', version, BUNDLE_VERSION);
  }
  for (let n = version; n <= BUNDLE_VERSION; n++) {
    const parsed = v.safeParse(SCHEMAS[n]!, bundle);
    if (!parsed.success) throw new ImportError(fileName, 'bundleShape', n, issueText(parsed.issues[0]));
    bundle = parsed.output as Record<string, unknown>;
    if (n < BUNDLE_VERSION) bundle = MIGRATIONS[n]!(bundle);
  }
  const out = bundle as Bundle;
  duplicates(out.documents.map((d) => d.meta.id), fileName, 'bundleTwoDocuments');
  duplicates(out.entities.map((e) => e.id), fileName, 'bundleTwoEntities');
  duplicates(out.aliases.map((a) => `${a.entityId} "${a.text}"`), fileName, 'bundleTwoAliases');
  const entityIds = new Set(out.entities.map((e) => e.id));
  for (const a of out.aliases) {
    if (a.entityId.startsWith('user-') && !entityIds.has(a.entityId)) throw new ImportError(fileName, 'bundleAliasOrphan', a.text, a.entityId);
  }
  return out;
}

function duplicates(ids: string[], fileName: string, what: 'bundleTwoDocuments' | 'bundleTwoEntities' | 'bundleTwoAliases'): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new ImportError(fileName, what, id);
    seen.add(id);
  }
}

function issueText(issue: v.BaseIssue<unknown> | undefined): string {
  if (!issue) return 'unknown problem';
  const where = issue.path?.map((p) => String(p.key)).join('.') || 'the top level';
  return `${where}: ${issue.message}`;
}

/** The bundle of the user's data (and settings), as `readBundle` reads it back. */
export function makeBundle(data: UserCorpusData, settings: Record<string, unknown> | undefined, exportedAt: string): Bundle {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt,
    documents: data.documents.map((d) => ({ meta: { ...d.meta, origin: 'user' as const }, body: d.body })),
    entities: data.entities.map((e) => ({ ...e, id: e.id })),
    aliases: data.aliases.map((a) => ({ ...a })),
    hiddenSeeds: [...data.hiddenSeeds],
    ...(settings ? { settings } : {}),
  };
}

export function bundleData(bundle: Bundle): UserCorpusData {
  return {
    documents: bundle.documents,
    entities: bundle.entities,
    aliases: bundle.aliases,
    hiddenSeeds: bundle.hiddenSeeds,
  };
}

export type ImportMode = 'merge' | 'replace';

export interface BundlePreview {
  mode: ImportMode;
  /** Document titles, by what happens to them. */
  added: string[];
  replaced: string[];
  removed: string[];
  unchanged: number;
  entitiesAdded: string[];
  aliasesAdded: number;
  hiddenSeeds: number;
}

/**
 * What importing `incoming` does to `current`: the corpus after it (`next`) and a preview for
 * the user. Merge: the bundle's documents are added, an existing id is replaced by the bundle's;
 * entities and aliases are added, hidden documents stay hidden. Replace: the result is the
 * bundle's content alone.
 */
export function planImport(current: UserCorpusData, incoming: UserCorpusData, mode: ImportMode): { next: UserCorpusData; preview: BundlePreview } {
  const currentDocs = new Map(current.documents.map((d) => [d.meta.id, d]));
  const incomingIds = new Set(incoming.documents.map((d) => d.meta.id));
  const added: string[] = [];
  const replaced: string[] = [];
  let unchanged = 0;
  for (const d of incoming.documents) {
    const old = currentDocs.get(d.meta.id);
    if (!old) added.push(d.meta.title);
    else if (JSON.stringify(old) === JSON.stringify(d)) unchanged++;
    else replaced.push(d.meta.title);
  }
  const removed = mode === 'replace' ? current.documents.filter((d) => !incomingIds.has(d.meta.id)).map((d) => d.meta.title) : [];
  const currentEntities = new Set(current.entities.map((e) => e.id));
  const aliasKey = (a: { entityId: string; text: string }) => `${a.entityId}\u0000${a.text}`;
  const currentAliases = new Set(current.aliases.map(aliasKey));

  const next: UserCorpusData =
    mode === 'replace'
      ? structuredCloneData(incoming)
      : {
          documents: [...current.documents.filter((d) => !incomingIds.has(d.meta.id)), ...incoming.documents],
          entities: [...current.entities.filter((e) => !incoming.entities.some((x) => x.id === e.id)), ...incoming.entities],
          aliases: [...current.aliases, ...incoming.aliases.filter((a) => !currentAliases.has(aliasKey(a)))],
          hiddenSeeds: [...new Set([...current.hiddenSeeds, ...incoming.hiddenSeeds])],
        };
  const preview: BundlePreview = {
    mode,
    added,
    replaced,
    removed,
    unchanged,
    entitiesAdded: incoming.entities.filter((e) => mode === 'replace' || !currentEntities.has(e.id)).map((e) => e.name),
    aliasesAdded: incoming.aliases.filter((a) => mode === 'replace' || !currentAliases.has(aliasKey(a))).length,
    hiddenSeeds: next.hiddenSeeds.length,
  };
  return { next, preview };
}

function structuredCloneData(d: UserCorpusData): UserCorpusData {
  return JSON.parse(JSON.stringify(d)) as UserCorpusData;
}
