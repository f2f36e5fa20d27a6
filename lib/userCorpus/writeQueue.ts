/**
 * The user corpus's writes, one after another, and the cards computed ahead between them: after
 * a write, the cards of the entities it touched are computed from the loaded store and saved, one
 * per task (each computed in slices itself), so that after the next worker start the first card of any of them is one read from
 * storage (a card of an entity named in 4,000 of 10,000 documents otherwise reads and ranks 8,000
 * passages first). A write waiting stops that; what is left is done after the write. A card not
 * saved yet is still answered correctly (lib/corpus/service.ts computes it). Pure.
 */
import type { LiveCorpusStore } from '../corpus/liveStore';
import type { EntityCard } from '../messages/protocol';

export class WriteQueue {
  private queue: Promise<unknown> = Promise.resolve();
  /** Writes queued, not started. */
  private waiting = 0;
  private refreshQueued = false;
  /** Entities whose saved cards were dropped and are not computed again yet. */
  private readonly pending = new Set<string>();

  constructor(
    private readonly save: (entityId: string, card: EntityCard) => Promise<void>,
    private readonly pause: () => Promise<void>,
    /** The card of an entity in the loaded store, computed in slices (lib/userCorpus/entityCards.ts `aheadCard`). */
    private readonly card: (loaded: LiveCorpusStore, entityId: string) => Promise<EntityCard>,
  ) {}

  /** Runs `task` after every task queued before it. */
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const run = this.queue.then(() => {
      this.waiting--;
      return task();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every task queued so far, cards computed ahead included, is done. */
  async settled(): Promise<void> {
    for (let q = this.queue; ; q = this.queue) {
      await q;
      if (q === this.queue) return;
    }
  }

  /** Entities a write changed the cards of. */
  touched(ids: Iterable<string>): void {
    for (const id of ids) this.pending.add(id);
  }

  /** Queues computing the pending cards (once), after the writes queued so far. */
  refresh(store: () => Promise<LiveCorpusStore>): void {
    if (this.refreshQueued || !this.pending.size) return;
    this.refreshQueued = true;
    this.queue = this.queue
      .then(async () => {
        this.refreshQueued = false;
        const loaded = await store();
        for (const id of [...this.pending]) {
          if (this.waiting > 0) return; // the write goes first; the rest after it
          this.pending.delete(id);
          try {
            if (loaded.entities.has(id)) await this.save(id, await this.card(loaded, id));
          } catch {
            // (not saved: computed when asked for)
          }
          await this.pause();
        }
      })
      .catch(() => undefined);
  }
}
