/**
 * The matcher's automaton (lib/text/automaton.ts) in the form it is stored and sent: prepared once
 * per corpus (at build time for the bundled corpus, in the worker when the user's names change)
 * and read by every page without normalising an alias or building a trie.
 *
 * JSON-safe, for storage.local and runtime messages: the automaton's integer arrays are one
 * little-endian Int32Array in base64 (`ints`), cut into views on load, so a page's only work is
 * decoding that string and laying the trie's edges into the lazily filled DFA table. The patterns
 * themselves travel beside it (MatcherData.patterns, same order): a packed automaton is only ever
 * valid with the pattern list it was built from, and `count` checks that.
 *
 * Pure logic: no DOM, no `browser`.
 */
import type { MatchPattern } from '../corpus/types';
import { type Automaton, buildAutomaton } from './automaton';

export interface PackedAutomaton {
  /** Format version: a page meeting another one rebuilds from the patterns. */
  v: 1;
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
   * base64 of an Int32Array: alphabet pairs (code unit, symbol) × (k − 1), then per state its trie
   * parent and edge symbol, fail, dict and depth, then outStart (states + 1) and outIds.
   */
  ints: string;
}

const FORMAT = 1;

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
  const n = a.depth.length;
  const pairs: number[] = [];
  for (let c = 0; c < a.alpha.length; c++) if (a.alpha[c] !== 0) pairs.push(c, a.alpha[c]!);
  // Each state's trie parent and edge: the DFA's entries that name a deeper state.
  const parent = new Int32Array(n);
  const edge = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    for (let sym = 1; sym < a.k; sym++) {
      const t = a.delta[s * a.k + sym]!;
      if (t > 0 && a.depth[t] === a.depth[s]! + 1) {
        parent[t] = s;
        edge[t] = sym;
      }
    }
  }
  const parts = [Int32Array.from(pairs), parent, edge, a.fail, a.dict, a.depth, a.outStart, a.outIds];
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
    states: n,
    keep: a.compiled.map((c) => (c.caseSensitive ? c.keep : '')),
    ints: toBase64(new Uint8Array(ints.buffer)),
  };
}

/** A packed automaton that fits `patterns` (its version and their number), else undefined. */
export function usablePacked(packed: PackedAutomaton | undefined, patterns: readonly MatchPattern[]): PackedAutomaton | undefined {
  return packed?.v === FORMAT && packed.count === patterns.length ? packed : undefined;
}

/** The automaton again, from its packed form and the patterns it was built from (a page's start). */
export function unpackAutomaton(p: PackedAutomaton, patterns: readonly MatchPattern[]): Automaton {
  const bytes = fromBase64(p.ints);
  const ints = new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
  const { k, states: n } = p;
  let at = 0;
  const take = (len: number) => ints.subarray(at, (at += len));
  const pairs = take(2 * (k - 1));
  const parent = take(n);
  const edge = take(n);
  const fail = take(n);
  const dict = take(n);
  const depth = take(n);
  const outStart = take(n + 1);
  const outIds = ints.subarray(at);
  const alpha = new Uint16Array(0x10000);
  for (let i = 0; i < pairs.length; i += 2) alpha[pairs[i]!] = pairs[i + 1]!;
  // The DFA as buildAutomaton leaves it: trie edges, the root's row complete, symbol 0 to the root.
  const delta = new Int32Array(n * k).fill(-1);
  delta.fill(0, 0, k);
  for (let s = 1; s < n; s++) {
    delta[s * k] = 0;
    delta[parent[s]! * k + edge[s]!] = s;
  }
  const compiled = patterns.map((q, i) => ({
    keep: p.keep[i] ?? '',
    entityId: q.entityId,
    alias: q.text,
    caseSensitive: q.caseSensitive,
    ambiguous: q.ambiguous,
  }));
  return {
    compiled,
    alpha,
    k,
    spaceSym: p.spaceSym,
    delta,
    fail,
    dict,
    depth,
    outBase: p.outBase,
    outStart,
    outIds,
    maxDepth: p.maxDepth,
    chain: new Int32Array(p.maxDepth + 1),
  };
}
