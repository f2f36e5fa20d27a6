/**
 * The automaton of lib/text/matcher.ts, built from the patterns: Aho–Corasick over the patterns'
 * normalised, case-folded text (lib/text/normalize.ts), as flat typed arrays. Built once per
 * corpus (at build time, in the worker when the user's names change) and stored packed
 * (lib/text/packedAutomaton.ts), so a page does not build it; where it does (no packed form), it
 * touches each pattern character a few times and allocates no per-state objects. The DFA table
 * starts empty and the matcher's scan fills in each transition on first use (`step`), so a page
 * computes, and touches the memory of, only the states its text visits.
 *
 * Pure logic: no DOM, no `browser`.
 */
import type { MatchPattern } from '../corpus/types';
import { normalizeAlias } from './normalize';

export interface CompiledPattern {
  /** Case-kept normalised alias (for the caseSensitive comparison). */
  keep: string;
  entityId: string;
  alias: string;
  caseSensitive: boolean;
  ambiguous: boolean;
}

export interface Automaton {
  compiled: CompiledPattern[];
  /** Folded normalised code unit → symbol (0 = occurs in no pattern). */
  alpha: Uint16Array;
  /** Number of symbols, including 0. */
  k: number;
  /** Symbol of " " (0 if no pattern has a space). */
  spaceSym: number;
  /**
   * The DFA, complemented and filled in lazily: next state = ~delta[state * k + symbol], 0 where
   * not computed yet (see `step`); state 0 is the root.
   */
  delta: Int32Array;
  /** The trie's edges: state s's children are childSym/childTo[childStart[s] .. childStart[s + 1]). */
  childStart: Int32Array;
  childSym: Int32Array;
  childTo: Int32Array;
  /** Failure link of each state (longest proper suffix that is a trie state). */
  fail: Int32Array;
  /** Nearest proper suffix state (via failure links) with own outputs, or 0 for none. */
  dict: Int32Array;
  /** Depth (normalised length) of each state. */
  depth: Int32Array;
  /** States >= outBase have outputs (own or via dictionary links). */
  outBase: number;
  /** Own outputs of a state: pattern ids outIds[outStart[s] .. outStart[s + 1]), ascending. */
  outStart: Int32Array;
  outIds: Int32Array;
  /** Length of the longest normalised pattern. */
  maxDepth: number;
  /** Scratch for `step`: a failure chain (never longer than the deepest state). */
  chain: Int32Array;
}

/** The automaton of `patterns`; `maxSymbols`: how many distinct symbols the caller can take. */
export function buildAutomaton(patterns: readonly MatchPattern[], maxSymbols: number): Automaton {
  // 1. Normalise patterns; build the symbol alphabet.
  const compiled: CompiledPattern[] = [];
  const alpha = new Uint16Array(0x10000);
  const folds: string[] = [];
  let k = 1;
  let chars = 0;
  for (const p of patterns) {
    const { text, folded } = normalizeAlias(p.text);
    compiled.push({
      keep: text,
      entityId: p.entityId,
      alias: p.text,
      caseSensitive: p.caseSensitive,
      ambiguous: p.ambiguous,
    });
    folds.push(folded);
    chars += folded.length;
    for (let i = 0; i < folded.length; i++) {
      const c = folded.charCodeAt(i);
      if (alpha[c] === 0) alpha[c] = k++;
    }
  }
  if (k >= maxSymbols) throw new Error('Matcher: too many distinct characters in patterns');
  const spaceSym = alpha[0x20]!;

  // 2. Trie, in creation order ("old" state numbers): first-child / next-sibling lists, plus a
  //    direct table for the root's children (the widest node).
  const cap = chars + 1;
  const firstChild = new Int32Array(cap); // 0 = none (the root is nobody's child)
  const nextSibling = new Int32Array(cap);
  const edgeSym = new Uint16Array(cap);
  const depthOld = new Uint32Array(cap);
  const rootChild = new Int32Array(k);
  const ownOut = new Array<number[] | undefined>(cap); // holey but not sparse: fast elements
  const childOf = (s: number, sym: number): number => {
    if (s === 0) return rootChild[sym]!;
    for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) if (edgeSym[t] === sym) return t;
    return 0;
  };
  let nStates = 1;
  let maxDepth = 0;
  for (let pid = 0; pid < folds.length; pid++) {
    const f = folds[pid]!;
    if (f.length === 0) continue; // an alias that normalises to nothing never matches
    let s = 0;
    for (let i = 0; i < f.length; i++) {
      const sym = alpha[f.charCodeAt(i)]!;
      let t = childOf(s, sym);
      if (t === 0) {
        t = nStates++;
        edgeSym[t] = sym;
        depthOld[t] = i + 1;
        nextSibling[t] = firstChild[s]!;
        firstChild[s] = t;
        if (s === 0) rootChild[sym] = t;
      }
      s = t;
    }
    (ownOut[s] ??= []).push(pid);
    if (f.length > maxDepth) maxDepth = f.length;
  }

  // 3. Failure and dictionary links, in BFS order (old numbers).
  const failOld = new Int32Array(nStates);
  const dictOld = new Int32Array(nStates);
  const hasOut = new Uint8Array(nStates);
  const queue = new Int32Array(nStates);
  let qh = 0;
  let qt = 0;
  for (let t = firstChild[0]!; t !== 0; t = nextSibling[t]!) queue[qt++] = t; // fail = root
  while (qh < qt) {
    const s = queue[qh++]!;
    const f = failOld[s]!;
    dictOld[s] = ownOut[f] !== undefined ? f : dictOld[f]!;
    hasOut[s] = ownOut[s] !== undefined || dictOld[s] !== 0 ? 1 : 0;
    for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) {
      const sym = edgeSym[t]!;
      let g = f;
      let to = childOf(g, sym);
      while (to === 0 && g !== 0) {
        g = failOld[g]!;
        to = childOf(g, sym);
      }
      failOld[t] = to;
      queue[qt++] = t;
    }
  }

  // 4. Renumber: states without outputs first (root stays 0), so "has output" is `s >= outBase`;
  //    each group in BFS order, so the shallow states a page mostly visits lie together.
  const perm = new Int32Array(nStates);
  let next = 1;
  for (let q = 0; q < qt; q++) if (hasOut[queue[q]!] === 0) perm[queue[q]!] = next++;
  const outBase = next;
  for (let q = 0; q < qt; q++) if (hasOut[queue[q]!] !== 0) perm[queue[q]!] = next++;

  // 5. The trie's edges by (new) state: children of s are childSym/childTo[childStart[s] ..
  //    childStart[s + 1]). The DFA table starts empty: `step` fills in each transition a scan takes.
  const childStart = new Int32Array(nStates + 1);
  const childSym = new Int32Array(Math.max(0, nStates - 1));
  const childTo = new Int32Array(Math.max(0, nStates - 1));
  const fail = new Int32Array(nStates);
  const dict = new Int32Array(nStates);
  const depth = new Int32Array(nStates);
  const outStart = new Int32Array(nStates + 1);
  for (let s = 0; s < nStates; s++) {
    const ns = perm[s]!;
    for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) childStart[ns + 1]!++;
    fail[ns] = perm[failOld[s]!]!;
    dict[ns] = perm[dictOld[s]!]!; // perm[0] === 0: "none" stays 0
    depth[ns] = depthOld[s]!;
    outStart[ns + 1] = ownOut[s]?.length ?? 0;
  }
  for (let ns = 0; ns < nStates; ns++) {
    childStart[ns + 1] = childStart[ns + 1]! + childStart[ns]!;
    outStart[ns + 1] = outStart[ns + 1]! + outStart[ns]!;
  }
  for (let s = 0; s < nStates; s++) {
    let e = childStart[perm[s]!]!;
    for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!, e++) {
      childSym[e] = edgeSym[t]!;
      childTo[e] = perm[t]!;
    }
  }
  const outIds = new Int32Array(outStart[nStates]!);
  for (let s = 0; s < nStates; s++) {
    const o = ownOut[s];
    if (o !== undefined) outIds.set(o, outStart[perm[s]!]);
  }
  return lazyAutomaton({ compiled, alpha, k, spaceSym, childStart, childSym, childTo, fail, dict, depth, outBase, outStart, outIds, maxDepth });
}

/** The parts of an automaton that are built or stored; the DFA table is filled in as scans go. */
export type AutomatonParts = Omit<Automaton, 'delta' | 'chain'>;

/**
 * An automaton ready to scan, from its parts: an empty DFA table (a zeroed typed array, which the
 * engine hands out without writing it; only the rows a page's text visits are ever touched).
 */
export function lazyAutomaton(parts: AutomatonParts): Automaton {
  const n = parts.depth.length;
  return { ...parts, delta: new Int32Array(n * parts.k), chain: new Int32Array(parts.maxDepth + 1) };
}

/**
 * The DFA transition from `state` on `sym` when it is not in the table yet: a trie edge, else the
 * transition of the failure state (shallower, so this ends at the root, which stays on no edge).
 * Every state passed on the way lacks a trie edge on `sym`, so its transition is the same one.
 */
export function step(a: Automaton, state: number, sym: number): number {
  const { delta, fail, k, chain, childStart, childSym, childTo } = a;
  let n = 0;
  let s = state;
  let t = delta[s * k + sym]!;
  while (t === 0) {
    let to = -1;
    for (let e = childStart[s]!, end = childStart[s + 1]!; e < end; e++) {
      if (childSym[e] === sym) {
        to = childTo[e]!;
        break;
      }
    }
    if (to < 0 && s !== 0) {
      chain[n++] = s;
      s = fail[s]!;
      t = delta[s * k + sym]!;
      continue;
    }
    t = ~(to < 0 ? 0 : to);
    delta[s * k + sym] = t;
  }
  while (n > 0) delta[chain[--n]! * k + sym] = t;
  return ~t;
}
