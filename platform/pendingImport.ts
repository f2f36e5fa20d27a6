/**
 * Where the options page keeps an import that stopped part way (lib/userCorpus/importRounds.ts),
 * across a closed browser: the extension origin's localStorage, which only the extension's own
 * pages read (never a content script or a web page). It holds an id, a fingerprint and two
 * counts — no file name, no text.
 */
import * as v from 'valibot';
import type { PendingImportStore } from '../lib/userCorpus/importRounds';

const KEY = 'counterpoint.pendingImport';
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const schema = v.object({ importId: v.pipe(v.string(), v.maxLength(200)), fingerprint: v.pipe(v.string(), v.maxLength(200)), total: count, saved: count });

export const pendingImports: PendingImportStore = {
  read() {
    try {
      const got = v.safeParse(schema, JSON.parse(localStorage.getItem(KEY) ?? 'null'));
      return got.success ? got.output : null;
    } catch {
      return null;
    }
  },
  write(p) {
    try {
      if (p) localStorage.setItem(KEY, JSON.stringify(p));
      else localStorage.removeItem(KEY);
    } catch {
      // A refused localStorage: the import goes on; only its resumption after a close is lost.
    }
  },
};
