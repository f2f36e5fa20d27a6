/**
 * The background's side of saving in parts (batches.ts): parts of an import held in memory
 * under the import's id until its commit takes them. Nothing here is stored: if the worker
 * stops between two parts, the commit finds no parts and fails with a message, and the corpus
 * is as before. Bounded: at most `maxImports` imports are held (the oldest is dropped), each at
 * most `maxDrafts` drafts, for at most `maxAgeMs`. Pure.
 */
import { ImportError } from './limits';
import type { DocumentDraft } from './types';

export interface StagingLimits {
  maxImports: number;
  maxDrafts: number;
  maxAgeMs: number;
}

const DEFAULT_LIMITS: StagingLimits = { maxImports: 4, maxDrafts: 5000, maxAgeMs: 10 * 60_000 };

const tooMany = (count: number, max: number) => new ImportError({ key: 'documentCount', count }, 'importTooMany', max);

export class DraftStaging {
  private readonly held = new Map<string, { drafts: DocumentDraft[]; at: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly limits: StagingLimits = DEFAULT_LIMITS,
  ) {}

  /** Adds a part to the import `importId`; returns how many drafts it holds now. */
  stage(importId: string, drafts: readonly DocumentDraft[]): number {
    this.expire();
    const entry = this.held.get(importId) ?? { drafts: [], at: this.now() };
    if (entry.drafts.length + drafts.length > this.limits.maxDrafts) {
      this.held.delete(importId);
      throw tooMany(entry.drafts.length + drafts.length, this.limits.maxDrafts);
    }
    entry.drafts.push(...drafts);
    entry.at = this.now();
    this.held.delete(importId); // (re-inserted last: the Map's order is the age order)
    this.held.set(importId, entry);
    while (this.held.size > this.limits.maxImports) this.held.delete(this.held.keys().next().value!);
    return entry.drafts.length;
  }

  /** The staged drafts of `importId` followed by `last`, and forgets them; throws when the parts are gone. */
  take(importId: string, last: readonly DocumentDraft[]): DocumentDraft[] {
    this.expire();
    const entry = this.held.get(importId);
    this.held.delete(importId);
    if (!entry) throw new ImportError({ key: 'theImport' }, 'importInterrupted');
    const all = [...entry.drafts, ...last];
    if (all.length > this.limits.maxDrafts) throw tooMany(all.length, this.limits.maxDrafts);
    return all;
  }

  /** Imports held now (for tests). */
  get size(): number {
    return this.held.size;
  }

  private expire(): void {
    const t = this.now();
    for (const [id, e] of this.held) if (t - e.at > this.limits.maxAgeMs) this.held.delete(id);
  }
}
