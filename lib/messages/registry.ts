/**
 * Every runtime message of the extension, in one table: its name, where it goes (`to`), who may
 * send it (`privilege`), its params' schema and its result type. Everything else is generated from
 * it: the dispatcher that checks sender and params before a handler runs (lib/messages/dispatch.ts;
 * its handler tables must have exactly the table's names), the listeners and the typed clients
 * of each surface (platform/messaging.ts). A name not in this table is neither sent nor answered
 * (tests/rules/messageRegistry.test.ts).
 *
 * Privileges (uBlock Origin keeps privileged and unprivileged channels apart; so do we), checked
 * by lib/messages/senders.ts `mayAsk`:
 * - `extensionPage`: the extension's own pages (popup, side panel, reader, options, the card
 *   frame), never a content script: a content script runs in the web page's process, so what it
 *   is given a compromised page could be given too. Corpus text, writes and the team server.
 * - `contentScript`: our content scripts (and our pages): the matcher data and page reports,
 *   never corpus text.
 * - `extension`: the background or an extension page, sending to a tab's content script.
 *
 * The card frame is an extension page (its document is served from our origin); that it is the
 * frame its content script made is decided in one place, by the token of platform/cardChannel.ts,
 * whose MessagePort messages (lib/messages/cardChannel.ts) are not runtime messages. No query has
 * a side effect: what changes something is a command (`watchMentions`, the writes).
 *
 * Destinations: `background` (the worker), `tab` (a tab's content scripts, tabs.sendMessage),
 * `panel` (the side panel, hearing what content scripts report). Names are unique across them:
 * every runtime message travels on one channel.
 */
import * as v from 'valibot';
import type { SourceDocument, SourceMeta } from '../corpus/types';
import type { BundlePreview } from '../userCorpus/bundle';
import type { UserCorpusListing } from '../userCorpus/merge';
import type { UserCorpusData } from '../userCorpus/types';
import { corpusData, draftMeta, drafts, storedDocuments } from './corpusWrites';
import { pageMentionsSchema, type Comparison, type DocumentView, type EntityCard, type EntitySummary, type Facets, type MatcherData, type PageMentions, type SearchResult } from './protocol';
import type { TeamAnswer, TeamProblem, TeamStatus } from './team';

export type Privilege = 'extensionPage' | 'contentScript' | 'extension';
export type Destination = 'background' | 'tab' | 'panel';

/** The result type of a message: a type only (the value is never read). */
const returns = <R>() => undefined as unknown as R;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const str = (max: number) => v.pipe(v.string(), v.maxLength(max));
const smallList = <T extends v.GenericSchema>(item: T) => v.optional(v.pipe(v.array(item), v.maxLength(100)));
const none = v.optional(v.undefined());
const ok = returns<{ ok: true }>;

const search = v.strictObject({
  query: str(500),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))),
  docIds: smallList(id),
  perspectives: smallList(str(200)),
  entityTypes: smallList(v.picklist(['place', 'group'])),
});

const worker = 'background';
const page = 'extensionPage';

export const registry = {
  // ── Corpus reads: extension pages ask the worker ──
  /** The card of one entity (asked by the card frame: the content script never holds corpus text). */
  lookupEntity: { to: worker, privilege: page, params: v.strictObject({ id }), result: returns<EntityCard>() },
  search: { to: worker, privilege: page, params: search, result: returns<SearchResult>() },
  /** Entities whose name or any alias matches the text (the gazetteer only: loads no corpus). */
  findEntities: {
    to: worker,
    privilege: page,
    params: v.strictObject({ text: str(200), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50))) }),
    result: returns<{ entities: EntitySummary[] }>(),
  },
  compare: { to: worker, privilege: page, params: v.strictObject({ entityId: id }), result: returns<Comparison>() },
  /** A whole document; `team`: the team server's (a team hit opened in the reader). */
  getDocument: { to: worker, privilege: page, params: v.strictObject({ docId: id, team: v.optional(v.literal(true)) }), result: returns<DocumentView>() },
  listEntities: { to: worker, privilege: page, params: none, result: returns<{ entities: EntitySummary[]; totalSources: number }>() },
  /** What the search filters offer; asked once per page, not per search. */
  facets: { to: worker, privilege: page, params: none, result: returns<Facets>() },

  // ── What a content script may ask the worker (when storage is unavailable in its frame) ──
  matcherData: { to: worker, privilege: 'contentScript', params: none, result: returns<MatcherData>() },

  // ── The user's part of the corpus (issue 10): extension pages only ──
  /**
   * `importId`: the import's own id (a retry after a lost answer saves nothing twice); `staged`: parts
   * sent before with stageDrafts under it are saved with these, in the same transaction (lib/userCorpus/batches.ts).
   */
  importDocuments: {
    to: worker,
    privilege: page,
    params: v.strictObject({ drafts, importId: v.optional(id), staged: v.optional(v.literal(true)) }),
    result: returns<{ added: SourceMeta[] }>(),
  },
  /** What the import `importId` saved (none: it never committed); asked after a lost answer. */
  importStatus: { to: worker, privilege: page, params: v.strictObject({ importId: id }), result: returns<{ added: SourceMeta[] }>() },
  /** Holds a part of a large import until importDocuments commits it; stores nothing. */
  stageDrafts: { to: worker, privilege: page, params: v.strictObject({ importId: id, drafts }), result: returns<{ staged: number }>() },
  restoreDocuments: { to: worker, privilege: page, params: v.strictObject({ documents: storedDocuments }), result: returns<{ restored: number }>() },
  updateDocument: { to: worker, privilege: page, params: v.strictObject({ id, meta: draftMeta }), result: returns<SourceMeta>() },
  /** Returns the deleted documents, for undo. */
  deleteDocuments: { to: worker, privilege: page, params: v.strictObject({ ids: v.pipe(v.array(id), v.minLength(1)) }), result: returns<{ deleted: SourceDocument[] }>() },
  listUserCorpus: { to: worker, privilege: page, params: none, result: returns<UserCorpusListing>() },
  setSeedHidden: { to: worker, privilege: page, params: v.strictObject({ id, hidden: v.boolean() }), result: ok() },
  addEntity: {
    to: worker,
    privilege: page,
    params: v.strictObject({
      name: v.pipe(str(200), v.trim(), v.minLength(1)),
      type: v.picklist(['place', 'group']),
      kind: str(100),
      description: str(1000),
      aliases: v.pipe(v.array(str(200)), v.maxLength(100)),
    }),
    result: returns<EntitySummary>(),
  },
  addAlias: { to: worker, privilege: page, params: v.strictObject({ entityId: id, text: v.pipe(str(200), v.trim(), v.minLength(1)) }), result: ok() },
  exportCorpus: { to: worker, privilege: page, params: none, result: returns<UserCorpusData>() },
  importCorpus: {
    to: worker,
    privilege: page,
    params: v.strictObject({ data: corpusData, mode: v.picklist(['merge', 'replace']), apply: v.boolean() }),
    result: returns<BundlePreview>(),
  },
  resetCorpus: { to: worker, privilege: page, params: none, result: ok() },

  // ── The team server (issue 21): extension pages only; no answer ever carries the token ──
  /** Saves URL and token after one authenticated request proved them (the permission was asked by the page first). */
  teamConnect: {
    to: worker,
    privilege: page,
    params: v.strictObject({ url: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000)), token: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(500)) }),
    result: returns<TeamStatus>(),
  },
  /** Forgets the token and gives the origin's permission back. */
  teamDisconnect: { to: worker, privilege: page, params: none, result: returns<TeamStatus>() },
  teamStatus: { to: worker, privilege: page, params: none, result: returns<TeamStatus>() },
  teamLookup: { to: worker, privilege: page, params: v.strictObject({ id }), result: returns<TeamAnswer<EntityCard>>() },
  teamSearch: { to: worker, privilege: page, params: search, result: returns<TeamAnswer<SearchResult>>() },
  /** Files documents (e.g. a page handed over by "Add this page") to the team corpus: a writer's choice. */
  teamFile: {
    to: worker,
    privilege: page,
    params: v.strictObject({ drafts }),
    result: returns<{ state: 'filed'; count: number } | { state: 'error'; problem: TeamProblem }>(),
  },

  // ── What the extension asks a tab's content script ──
  /** The page's mentions (top frame). A pure query: asking changes nothing. */
  pageMentions: { to: 'tab', privilege: 'extension', params: none, result: returns<PageMentions>() },
  /** The side panel follows the page: from now on the content script reports its changes (`pageMentionsChanged`); answers its mentions now. */
  watchMentions: { to: 'tab', privilege: 'extension', params: none, result: returns<PageMentions>() },
  /** Scroll to the next mention of the entity and flash it. */
  revealMention: { to: 'tab', privilege: 'extension', params: v.strictObject({ entityId: id }), result: returns<{ found: boolean }>() },
  /** The "open-card" command (Alt+Shift+C): open the card for the mention at the selection or caret. */
  openCardAtSelection: { to: 'tab', privilege: 'extension', params: none, result: returns<{ opened: boolean }>() },

  // ── What content scripts tell the side panel ──
  /** Their page's mentions changed (sent only once a panel asked with watchMentions). */
  pageMentionsChanged: { to: 'panel', privilege: 'contentScript', params: pageMentionsSchema, result: returns<void>() },
} satisfies Record<string, { to: Destination; privilege: Privilege; params: v.GenericSchema; result: unknown }>;

export type Registry = typeof registry;
export type MessageName = keyof Registry;
/** The names of the messages that go to `to`. */
export type NameTo<To extends Destination> = { [K in MessageName]: Registry[K]['to'] extends To ? K : never }[MessageName];
/** The names of the messages to `to` that `privilege` guards. */
export type NameOf<To extends Destination, P extends Privilege> = { [K in NameTo<To>]: Registry[K]['privilege'] extends P ? K : never }[NameTo<To>];
/** A message's params as its handler gets them (checked and transformed by its schema). */
export type Params<K extends MessageName> = v.InferOutput<Registry[K]['params']>;
/** A message's params as its sender gives them. */
export type ParamsIn<K extends MessageName> = v.InferInput<Registry[K]['params']>;
export type Result<K extends MessageName> = Registry[K]['result'];

export const isMessageName = (name: string): name is MessageName => Object.hasOwn(registry, name);

/** The names of the messages that go to `to` (that `privilege` guards, when given). */
export function namesTo<To extends Destination>(to: To, privilege?: Privilege): Array<NameTo<To>> {
  return (Object.keys(registry) as MessageName[]).filter(
    (k): k is NameTo<To> => registry[k].to === to && (privilege === undefined || registry[k].privilege === privilege),
  );
}
