/**
 * A failed write of the user's store as a sentence for the user. Apart from the store
 * (platform/userStore.ts) so the worker words an error without loading Dexie's script
 * (platform/workerDatabases.ts).
 */
import type { Wording } from '../lib/i18n/wording';

/** "Storage is full" and other failures of a write, as a sentence for the user. */
export function describeStorageError(e: unknown): Wording {
  const name = (e as { name?: string })?.name ?? '';
  const inner = (e as { inner?: { name?: string } })?.inner?.name ?? '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return { key: 'storageFull' };
  if (name === 'AbortError' || inner === 'AbortError') return { key: 'storageAborted' };
  return { key: 'storageFailed', args: [(e as Error)?.message ?? String(e)] };
}
