/**
 * Multi-pattern matcher for gazetteer aliases (Aho–Corasick over normalised, case-folded text).
 *
 * Semantics of `Matcher.findAll(text)`:
 *  - Text and aliases are normalised with lib/text/normalize.ts (diacritics, apostrophes, dashes and
 *    whitespace runs folded, zero-width chars dropped); matching runs on the lower-cased form.
 *  - A match must start and end at word boundaries: the normalised code points just before and
 *    just after it are not letters/digits (`isWordCodePoint`). "Syria" does not match in
 *    "Syrian", "Iraq" not in "Iraqi", but "Raqqa" matches in "Raqqa's" (apostrophe is not a word
 *    char) and "ISIS" in "ISIS-held".
 *  - A `caseSensitive` pattern matches only where the case-kept normalised text equals the
 *    alias's case-kept normalised text ("ISIS" but not "Isis"; "US" but not "us").
 *  - Leftmost-longest, non-overlapping: scanning left to right, at each position the longest
 *    valid pattern wins and scanning resumes after it. Two valid patterns of the same normalised
 *    text at the same position (should not happen with a clean gazetteer): the one that comes
 *    first in the constructor's pattern list wins.
 *  - Returned offsets are UTF-16 indices into the ORIGINAL text (end exclusive), sorted by start:
 *    the normalised span [s, e) maps to [map[s], map[e]) in the terms of `normalizeForMatch`.
 *
 * Implementation: one pass over the original string; each code unit is normalised on the fly
 * (shared lookup tables from lib/text/normalize.ts, so no normalised copy of the page is built) and
 * fed to a DFA (flat Int32Array, symbols = the code units that occur in patterns; transitions
 * beyond the trie's edges are computed on first use, so construction stays cheap). Only the
 * original index of the last few normalised units is kept, in a ring buffer. No allocation per
 * character; candidates are collected only where a pattern ends at a word boundary.
 *
 * Pure logic: no DOM, no `browser`.
 */
import type { Entity, Match, MatchPattern } from '../corpus/types';
import {
  classifyAstral,
  classifyCodeUnit,
  isWordCodePoint,
  K_CHAR,
  K_SEP,
  K_SURROGATE,
  K_UNKNOWN,
  NORM_FOLD,
  NORM_KEEP,
  NORM_KIND,
  normalizeAlias,
} from './normalize';

interface CompiledPattern {
  /** Case-kept normalised alias (for the caseSensitive comparison). */
  keep: string;
  entityId: string;
  alias: string;
  caseSensitive: boolean;
  ambiguous: boolean;
}

/** Every alias of every entity as a pattern (caseSensitive / ambiguous default to false). */
export function patternsFromEntities(entities: readonly Entity[]): MatchPattern[] {
  const out: MatchPattern[] = [];
  for (const e of entities) {
    for (const a of e.aliases) {
      out.push({
        text: a.text,
        entityId: e.id,
        caseSensitive: a.caseSensitive ?? false,
        ambiguous: a.ambiguous ?? false,
      });
    }
  }
  return out;
}

/* Per-matcher symbol table entries beyond real symbols. */
const SYM_UNKNOWN = 0xffff;
const SYM_SEP = 0xfffe;
const SYM_DROP = 0xfffd;
const SYM_SURROGATE = 0xfffc;
const SYM_SPECIAL = 0xfffc;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
const pairCp = (h: number, l: number): number => ((h - 0xd800) << 10) + (l - 0xdc00) + 0x10000;

export class Matcher {
  readonly patterns: readonly MatchPattern[];
  private readonly compiled: CompiledPattern[] = [];
  /** Folded normalised code unit → symbol (0 = occurs in no pattern). Construction only. */
  private readonly alpha = new Uint16Array(0x10000);
  /**
   * Original code unit → symbol of its normalised, folded form, or SYM_* for separators,
   * dropped chars, surrogates, and not-yet-seen units (filled lazily).
   */
  private readonly sym = new Uint16Array(0x10000).fill(SYM_UNKNOWN);
  /** Number of symbols, including 0. */
  private readonly k: number;
  /** Symbol of " " (0 if no pattern has a space). */
  private readonly spaceSym: number;
  /**
   * The DFA: next state = delta[state * k + symbol], or -1 where not computed yet (see `step`).
   * State 0 is the root.
   */
  private readonly delta: Int32Array;
  /** Failure link of each state (longest proper suffix that is a trie state). */
  private readonly fail: Int32Array;
  /** Scratch for `step`: a failure chain (never longer than the deepest state). */
  private readonly chain: Int32Array;
  /** States >= outBase have outputs (own or via dictionary links); states are numbered so. */
  private readonly outBase: number;
  /** Own outputs of a state: pattern ids outIds[outStart[s] .. outStart[s + 1]), ascending. */
  private readonly outStart: Uint32Array;
  private readonly outIds: Uint32Array;
  /** Nearest proper suffix state (via failure links) with own outputs, or 0 for none. */
  private readonly dict: Int32Array;
  /** Depth (normalised length) of each state. */
  private readonly depth: Uint32Array;
  /** Ring buffer: original index of each of the last normalised units. */
  private readonly ringMap: Uint32Array;
  private readonly mask: number;

  constructor(patterns: readonly MatchPattern[]) {
    this.patterns = patterns;
    // Construction runs on every page load, before the first scan: it touches each pattern
    // character a few times and allocates no per-state objects. The DFA's transitions are filled
    // lazily by the scan (see `step`), so only the transitions a page actually takes are computed.

    // 1. Normalise patterns; build the symbol alphabet.
    const folds: string[] = [];
    const { alpha } = this;
    let k = 1;
    let chars = 0;
    for (const p of patterns) {
      const { text, folded } = normalizeAlias(p.text);
      this.compiled.push({
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
    if (k >= SYM_SPECIAL) throw new Error('Matcher: too many distinct characters in patterns');
    this.k = k;
    this.spaceSym = alpha[0x20]!;

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

    // 4. Renumber: states without outputs first (root stays 0), so "has output" is `s >= outBase`.
    const perm = new Int32Array(nStates);
    let next = 0;
    for (let s = 0; s < nStates; s++) if (hasOut[s] === 0) perm[s] = next++;
    this.outBase = next;
    for (let s = 0; s < nStates; s++) if (hasOut[s] !== 0) perm[s] = next++;

    // The DFA: trie edges now, every other transition on first use (-1 = not computed yet). The
    // root's row is complete (no edge: stay at the root), and symbol 0 (a character in no pattern)
    // leads every state to the root.
    const delta = new Int32Array(nStates * k).fill(-1);
    for (let sym = 0; sym < k; sym++) delta[sym] = rootChild[sym]! === 0 ? 0 : perm[rootChild[sym]!]!;
    const fail = new Int32Array(nStates);
    const dict = new Int32Array(nStates);
    const depth = new Uint32Array(nStates);
    const outStart = new Uint32Array(nStates + 1);
    for (let s = 0; s < nStates; s++) {
      const ns = perm[s]!;
      const base = ns * k;
      delta[base] = 0;
      if (s !== 0) for (let t = firstChild[s]!; t !== 0; t = nextSibling[t]!) delta[base + edgeSym[t]!] = perm[t]!;
      fail[ns] = perm[failOld[s]!]!;
      dict[ns] = perm[dictOld[s]!]!; // perm[0] === 0: "none" stays 0
      depth[ns] = depthOld[s]!;
      outStart[ns + 1] = ownOut[s]?.length ?? 0;
    }
    for (let ns = 0; ns < nStates; ns++) outStart[ns + 1] = outStart[ns + 1]! + outStart[ns]!;
    const outIds = new Uint32Array(outStart[nStates]!);
    for (let s = 0; s < nStates; s++) {
      const o = ownOut[s];
      if (o !== undefined) outIds.set(o, outStart[perm[s]!]);
    }
    this.delta = delta;
    this.fail = fail;
    this.dict = dict;
    this.depth = depth;
    this.outStart = outStart;
    this.outIds = outIds;

    // Ring must reach back maxDepth + 2 units from the newest one (start - 2 of the longest match).
    let ring = 8;
    while (ring < maxDepth + 4) ring *= 2;
    this.ringMap = new Uint32Array(ring);
    this.mask = ring - 1;
    this.chain = new Int32Array(maxDepth + 1);
  }

  /**
   * The DFA transition from `state` on `sym` when it is not in the table yet: the transition of
   * the failure state (which is shallower, so this ends at the root, whose row is complete).
   */
  private step(state: number, sym: number): number {
    const { delta, fail, k, chain } = this;
    // Every state on the way lacks a trie edge on `sym`, so its transition is the same one.
    let n = 0;
    let s = state;
    let t = delta[s * k + sym]!;
    while (t < 0) {
      chain[n++] = s;
      s = fail[s]!;
      t = delta[s * k + sym]!;
    }
    while (n > 0) delta[chain[--n]! * k + sym] = t;
    return t;
  }

  /** Number of automaton states (diagnostics). */
  get stateCount(): number {
    return this.depth.length;
  }

  /** Bytes held by the automaton's typed arrays, roughly (diagnostics). */
  get memoryBytes(): number {
    return (
      this.delta.byteLength + this.fail.byteLength + this.sym.byteLength + this.alpha.byteLength + this.dict.byteLength +
      this.depth.byteLength + this.outStart.byteLength + this.outIds.byteLength
    );
  }

  /** All mentions in `text`, leftmost-longest, non-overlapping, sorted by start. */
  findAll(text: string): Match[] {
    const cand = this.scan(text);
    const nc = cand.length / 5;
    if (nc === 0) return [];
    // Candidates arrive in order of end. Order: start asc, length desc, pattern id asc;
    // then the greedy pass keeps the leftmost-longest non-overlapping ones.
    const order = new Array<number>(nc);
    for (let c = 0; c < nc; c++) order[c] = c * 5;
    order.sort((a, b) => cand[a]! - cand[b]! || cand[b + 1]! - cand[a + 1]! || cand[a + 2]! - cand[b + 2]!);
    const { compiled } = this;
    const out: Match[] = [];
    let lastEnd = 0;
    for (const c of order) {
      const start = cand[c]!;
      if (start < lastEnd) continue;
      const p = compiled[cand[c + 2]!]!;
      out.push({
        entityId: p.entityId,
        start: cand[c + 3]!,
        end: cand[c + 4]!,
        alias: p.alias,
        ambiguous: p.ambiguous,
      });
      lastEnd = start + cand[c + 1]!;
    }
    return out;
  }

  /** Fill the symbol-table entry of an original code unit. */
  private classify(c: number): number {
    let kind = NORM_KIND[c]!;
    if (kind === K_UNKNOWN) kind = classifyCodeUnit(c);
    const t =
      kind === K_CHAR ? this.alpha[NORM_FOLD[c]!]!
      : kind === K_SEP ? SYM_SEP
      : kind === K_SURROGATE ? SYM_SURROGATE
      : SYM_DROP;
    this.sym[c] = t;
    return t;
  }

  /**
   * One pass over `src`, normalising on the fly (the rules of normalizeToCodes) and running the
   * automaton. Returns candidates as flat 5-tuples (normalised start, normalised length,
   * pattern id, original start, original end), in order of end.
   *
   * The outputs of the state reached after a unit are examined when the next normalised unit
   * arrives (the boundary-after test needs it) or at the end of the text.
   */
  private scan(src: string): number[] {
    const n = src.length;
    const { sym, delta, k, outBase, ringMap, mask, spaceSym } = this;
    const cand: number[] = [];
    let state = 0;
    let j = 0; // normalised length so far
    let lastSep = false;
    let pending = 0; // state whose outputs await the boundary-after test (0 = none)
    for (let i = 0; i < n; i++) {
      const c = src.charCodeAt(i);
      let t = sym[c]!;
      if (t >= SYM_SPECIAL) {
        if (t === SYM_UNKNOWN) t = this.classify(c);
        if (t === SYM_SEP) {
          if (lastSep) continue;
          lastSep = true;
          if (pending !== 0) {
            this.collect(src, pending, j, i, cand); // a space is never a word char
            pending = 0;
          }
          ringMap[j & mask] = i;
          j++;
          const to = delta[state * k + spaceSym]!;
          state = to >= 0 ? to : this.step(state, spaceSym);
          if (state >= outBase) pending = state;
          continue;
        }
        if (t === SYM_DROP) continue;
        if (t === SYM_SURROGATE) {
          // Rare: a valid pair is two normalised units (or none), a lone surrogate is itself.
          const d = i + 1 < n ? src.charCodeAt(i + 1) : 0;
          if (isHigh(c) && isLow(d)) {
            const r = classifyAstral(pairCp(c, d));
            if (r !== null) {
              const f = r[1];
              for (let u = 0; u < 2; u++) {
                const fc = f.charCodeAt(u);
                if (pending !== 0) {
                  const after = u === 0 ? f.codePointAt(0)! : fc;
                  if (!isWordCodePoint(after)) this.collect(src, pending, j, i + u, cand);
                  pending = 0;
                }
                ringMap[j & mask] = i + u;
                j++;
                state = this.step(state, this.alpha[fc]!);
                if (state >= outBase) pending = state;
              }
              lastSep = false;
            }
            i++;
            continue;
          }
          // Lone surrogate: one unit, itself; not a word char.
          lastSep = false;
          if (pending !== 0) {
            this.collect(src, pending, j, i, cand);
            pending = 0;
          }
          ringMap[j & mask] = i;
          j++;
          state = this.step(state, this.alpha[c]!);
          if (state >= outBase) pending = state;
          continue;
        }
      }
      lastSep = false;
      if (pending !== 0) {
        if (!isWordCodePoint(NORM_FOLD[c]!)) this.collect(src, pending, j, i, cand);
        pending = 0;
      }
      ringMap[j & mask] = i;
      j++;
      const to = delta[state * k + t]!;
      state = to >= 0 ? to : this.step(state, t);
      if (state >= outBase) pending = state;
    }
    if (pending !== 0) this.collect(src, pending, j, n, cand);
    return cand;
  }

  /**
   * Record the valid matches ending at normalised position `end` (exclusive) in automaton state
   * `state`; the boundary after has been checked. `origEnd` is the original index of the end.
   */
  private collect(src: string, state: number, end: number, origEnd: number, cand: number[]): void {
    const { outStart, outIds, dict, depth, compiled, ringMap, mask } = this;
    let s = outStart[state + 1]! > outStart[state]! ? state : dict[state]!;
    while (s !== 0) {
      const d = depth[s]!;
      const start = end - d;
      if (!this.wordBefore(src, start)) {
        for (let o = outStart[s]!, oe = outStart[s + 1]!; o < oe; o++) {
          const pid = outIds[o]!;
          const p = compiled[pid]!;
          if (p.caseSensitive && !this.keptEquals(src, start, p.keep)) continue;
          cand.push(start, d, pid, ringMap[start & mask]!, origEnd);
        }
      }
      s = dict[s]!;
    }
  }

  /** Case-kept normalised unit at normalised position `pos` (must be in the ring). */
  private keptAt(src: string, pos: number, fold: boolean): number {
    const o = this.ringMap[pos & this.mask]!;
    const c = src.charCodeAt(o);
    if (isHigh(c) || isLow(c)) {
      // Part of a valid pair (then its normalised form is in the astral cache) or lone.
      if (isHigh(c) && o + 1 < src.length && isLow(src.charCodeAt(o + 1))) {
        return classifyAstral(pairCp(c, src.charCodeAt(o + 1)))![fold ? 1 : 0].charCodeAt(0);
      }
      if (isLow(c) && o > 0 && isHigh(src.charCodeAt(o - 1))) {
        return classifyAstral(pairCp(src.charCodeAt(o - 1), c))![fold ? 1 : 0].charCodeAt(1);
      }
      return c;
    }
    if (NORM_KIND[c] === K_SEP) return 0x20;
    return fold ? NORM_FOLD[c]! : NORM_KEEP[c]!;
  }

  private keptEquals(src: string, start: number, keep: string): boolean {
    for (let u = 0; u < keep.length; u++) {
      if (this.keptAt(src, start + u, false) !== keep.charCodeAt(u)) return false;
    }
    return true;
  }

  /** Is the normalised code point ending just before normalised position `start` a word char? */
  private wordBefore(src: string, start: number): boolean {
    if (start <= 0) return false;
    const c = this.keptAt(src, start - 1, true);
    if (isLow(c) && start >= 2) {
      const h = this.keptAt(src, start - 2, true);
      if (isHigh(h)) return isWordCodePoint(pairCp(h, c));
    }
    return isWordCodePoint(c);
  }
}
