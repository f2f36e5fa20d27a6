/**
 * The user store's small, hot part — its summary and the saved cards — kept in storage.session as
 * well as IndexedDB, so a worker that was stopped (after 30 s idle, the common case) answers its
 * first card without opening IndexedDB: with 10,000 documents stored, opening it and reading the
 * summary took 250–550 ms of a ≤ 300 ms budget (bench/measure-usercorpus.mjs). storage.session is
 * held in memory by the browser, survives the worker's restarts (not the browser's: then IndexedDB
 * answers), and only the extension's trusted pages and worker can read it, never a content script
 * (its default access level), so the user's private text stays out of every page's reach.
 *
 * IndexedDB stays the truth: a write drops the cached entries it changes before it writes (a
 * worker stopped halfway leaves nothing stale), and an entry read from IndexedDB is cached only
 * if no write began meanwhile.
 */
import type { EntityCard } from '../lib/messages/protocol';
import type { EntityRows } from '../lib/card/cardRows';
import type { UserChange, UserStorePort, UserSummary } from '../lib/userCorpus/port';

const SUMMARY = 'counterpoint:user:summary';
const CARD = 'counterpoint:user:card:';

/** The part of a storage area this needs (browser.storage.session; a Map in tests). */
export interface SessionArea {
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export class SessionCachedStore implements UserStorePort {
  /** Bumped when a write begins: what was read from IndexedDB before it is not cached. */
  private epoch = 0;

  constructor(
    private readonly inner: UserStorePort,
    private readonly session: SessionArea | undefined,
  ) {}

  private async cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    const got = await this.session?.get(key).catch(() => undefined);
    if (got?.[key] !== undefined) return got[key] as T;
    const epoch = this.epoch;
    const value = await read();
    if (value !== undefined && epoch === this.epoch) void this.session?.set({ [key]: value }).catch(() => undefined);
    return value;
  }

  summary(): Promise<UserSummary> {
    return this.cached(SUMMARY, () => this.inner.summary());
  }

  card(entityId: string): Promise<EntityCard | undefined> {
    return this.cached(CARD + entityId, () => this.inner.card(entityId));
  }

  async saveCard(entityId: string, card: EntityCard): Promise<void> {
    // (Asked for now, in order: a write that drops this card later is processed after it.)
    const cached = this.session?.set({ [CARD + entityId]: card }).catch(() => undefined);
    await Promise.all([this.inner.saveCard(entityId, card), cached]);
  }

  async write(change: UserChange): Promise<void> {
    this.epoch++;
    const keys = change.clear ? Object.keys((await this.session?.get(null).catch(() => undefined)) ?? {}).filter((k) => k.startsWith(CARD)) : change.touched.map((id) => CARD + id);
    await this.session?.remove([SUMMARY, ...keys]).catch(() => undefined);
    await this.inner.write(change);
    this.epoch++; // (a read that began during the write may have read the old data)
    void this.summary().catch(() => undefined); // cached again for the next worker start
  }

  documents(offset: number, limit: number) {
    return this.inner.documents(offset, limit);
  }

  passagesMentioning(entityId: string) {
    return this.inner.passagesMentioning(entityId);
  }

  documentOrder() {
    return this.inner.documentOrder();
  }

  cardRows(entityId: string) {
    return this.inner.cardRows(entityId);
  }

  refreshCardRows(former: string, rows: readonly EntityRows[]) {
    return this.inner.refreshCardRows(former, rows);
  }

  rowless() {
    return this.inner.rowless();
  }

  staleRows() {
    return this.inner.staleRows();
  }

  rowsRefreshed(entityId: string, former: string) {
    return this.inner.rowsRefreshed(entityId, former);
  }

  putCardRows(docIds: readonly string[], rows: readonly EntityRows[]) {
    return this.inner.putCardRows(docIds, rows);
  }

  passagesAt(keys: ReadonlyArray<readonly [string, number]>) {
    return this.inner.passagesAt(keys);
  }

  savedCards() {
    return this.inner.savedCards();
  }

  imported(importId: string) {
    return this.inner.imported(importId);
  }
}
