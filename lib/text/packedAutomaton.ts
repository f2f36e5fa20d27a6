/**
 * The matcher's automaton (lib/text/automaton.ts) in the form it is stored and sent: prepared once
 * per corpus (at build time for the bundled corpus, in the worker when the user's names change)
 * and read by every page without normalising an alias or building a trie.
 *
 * JSON-safe, for storage.local and runtime messages: the automaton's integer arrays are one
 * little-endian Int32Array in base64 (`ints`), cut into views on load, so a page's only work is
 * decoding that string (the DFA table starts empty and fills in as the page's text is scanned). The patterns
 * themselves travel beside it (MatcherData.patterns, same order): a packed automaton is only ever
 * valid with the pattern list it was built from, and `count` checks that.
 *
 * Pure logic: no DOM, no `browser`.
 */
import type { MatchPattern } from '../corpus/types';
import { type Automaton, buildAutomaton, lazyAutomaton } from './automaton';

export interface PackedAutomaton {
  /** Format version: a page meeting another one rebuilds from the patterns. */
  v: 2;
  /** How many patterns it was built from. */
  count: number;
  k: number;
  spaceSym: number;
  outBase: number;
  maxDepth: number;
  states: number;
  /** Case-kept normalised alias of each case-sensitive pattern, by pattern id ('' for the others). */
  keep: string[];
  /**
   * base64 of an Int32Array: alphabet pairs (code unit, symbol) × (k − 1), the trie's edges
   * (childStart: states + 1, childSym and childTo: states − 1), per state fail, dict and depth,
   * then outStart (states + 1) and outIds.
   */
  ints: string;
}

const FORMAT = 2;

/** The automaton's symbol limit (the matcher reserves the code units above it for its own marks). */
export const MAX_SYMBOLS = 0xfffc;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  // Native where the engine has it (Chromium 140+, Firefox 133+): no per-byte script loop on a page.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Prepare the automaton of `patterns` for storage (build time, the worker). */
export function packAutomaton(patterns: readonly MatchPattern[]): PackedAutomaton {
  const a = buildAutomaton(patterns, MAX_SYMBOLS);
  const pairs: number[] = [];
  for (let c = 0; c < a.alpha.length; c++) if (a.alpha[c] !== 0) pairs.push(c, a.alpha[c]!);
  const parts = [Int32Array.from(pairs), a.childStart, a.childSym, a.childTo, a.fail, a.dict, a.depth, a.outStart, a.outIds];
  const ints = new Int32Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    ints.set(p, at);
    at += p.length;
  }
  return {
    v: FORMAT,
    count: patterns.length,
    k: a.k,
    spaceSym: a.spaceSym,
    outBase: a.outBase,
    maxDepth: a.maxDepth,
    states: a.depth.length,
    keep: a.compiled.map((c) => (c.caseSensitive ? c.keep : '')),
    ints: toBase64(new Uint8Array(ints.buffer)),
  };
}

/** A packed automaton that fits `patterns` (its version and their number), else undefined. */
export function usablePacked(packed: PackedAutomaton | undefined, patterns: readonly MatchPattern[]): PackedAutomaton | undefined {
  return packed?.v === FORMAT && packed.count === patterns.length ? packed : undefined;
}

/**
 * The automaton again, from its packed form and the patterns it was built from (a page's start):
 * views into the decoded integers, and an empty DFA table the scan fills in (lib/text/automaton.ts).
 */
export function unpackAutomaton(p: PackedAutomaton, patterns: readonly MatchPattern[]): Automaton {
  const bytes = fromBase64(p.ints);
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const { k, states: n } = p;
  let at = 0;
  const take = (len: number) => ints.subarray(at, (at += len));
  const pairs = take(2 * (k - 1));
  const childStart = take(n + 1);
  const childSym = take(Math.max(0, n - 1));
  const childTo = take(Math.max(0, n - 1));
  const fail = take(n);
  const dict = take(n);
  const depth = take(n);
  const outStart = take(n + 1);
  const outIds = ints.subarray(at);
  const alpha = new Uint16Array(0x10000);
  for (let i = 0; i < pairs.length; i += 2) alpha[pairs[i]!] = pairs[i + 1]!;
  const compiled = patterns.map((q, i) => ({
    keep: p.keep[i] ?? '',
    entityId: q.entityId,
    alias: q.text,
    caseSensitive: q.caseSensitive,
    ambiguous: q.ambiguous,
  }));
  return lazyAutomaton({ compiled, alpha, k, spaceSym: p.spaceSym, childStart, childSym, childTo, fail, dict, depth, outBase: p.outBase, outStart, outIds, maxDepth: p.maxDepth });
}
