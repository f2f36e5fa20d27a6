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
 * fed to a DFA (flat Int32Array, symbols = the code units that occur in patterns, lib/text/automaton.ts,
 * usually read packed: lib/text/packedAutomaton.ts; transitions beyond the trie's edges are computed
 * on first use). Only the original index of the last few normalised units is kept, in a ring
 * buffer. No allocation per character; candidates are collected only where a pattern ends at a
 * word boundary.
 *
 * Pure logic: no DOM, no `browser`.
 */
import type { Match, MatchPattern } from '../corpus/types';
import { classifyAstral, classifyCodeUnit, isWordCodePoint, K_CHAR, K_SEP, K_SURROGATE, K_UNKNOWN, NORM_FOLD, NORM_KIND } from './normalize';
import { MAX_PREFIX_RUN } from './languages';
import { isHigh, isLow, keptEquals, pairCp, type Ring, startsAt } from './wordEdges';
import { type Automaton, buildAutomaton, step } from './automaton';
import { MAX_SYMBOLS, type PackedAutomaton, unpackAutomaton, usablePacked } from './packedAutomaton';

export interface MatcherOptions {
  /** The patterns' automaton prepared ahead (lib/text/packedAutomaton.ts); else it is built here. */
  packed?: PackedAutomaton;
  /**
   * Patterns to match (default: all). The others stay in the automaton and are passed over, so
   * hiding an entity type needs no other automaton: matches are as if only these were given.
   */
  shown?: (p: MatchPattern) => boolean;
}

export { patternsFromEntities } from './patterns';

/* Per-matcher symbol table entries beyond real symbols. */
const SYM_UNKNOWN = 0xffff;
const SYM_SEP = 0xfffe;
const SYM_DROP = 0xfffd;
const SYM_SURROGATE = 0xfffc;
const SYM_SPECIAL = MAX_SYMBOLS;


export class Matcher {
  readonly patterns: readonly MatchPattern[];
  /** The patterns' automaton (lib/text/automaton.ts): its DFA fills in as scans take new transitions. */
  private readonly dfa: Automaton;
  /**
   * Original code unit → symbol of its normalised, folded form, or SYM_* for separators,
   * dropped chars, surrogates, and not-yet-seen units (filled lazily). Stored XOR SYM_UNKNOWN, so
   * the fresh zeroed table means "not seen yet" without writing its 128 KB.
   */
  private readonly sym = new Uint16Array(0x10000);
  /** Ring buffer: original index of each of the last normalised units. */
  private readonly ring: Ring;
  /** 1 for a pattern left out (`MatcherOptions.shown`); undefined: all are matched. */
  private readonly hidden: Uint8Array | undefined;
  /** Leading units of each pattern that are not underlined (MatchPattern.lead), by pattern id. */
  private readonly lead: Uint8Array;
  /** 1 for the user's own aliases (MatchPattern.user); undefined when there are none. */
  private readonly user: Uint8Array | undefined;

  constructor(patterns: readonly MatchPattern[], { packed, shown }: MatcherOptions = {}) {
    this.patterns = patterns;
    const ready = usablePacked(packed, patterns);
    this.dfa = ready ? unpackAutomaton(ready, patterns) : buildAutomaton(patterns, SYM_SPECIAL);
    if (shown && !patterns.every(shown)) this.hidden = Uint8Array.from(patterns, (p) => (shown(p) ? 0 : 1));
    this.lead = Uint8Array.from(patterns, (p) => p.lead ?? 0);
    if (patterns.some((p) => p.user)) this.user = Uint8Array.from(patterns, (p) => (p.user ? 1 : 0));
    // Ring must reach back maxDepth + 2 units from the newest one (start - 2 of the longest
    // match), and a clitic run further (the units before a name inside its word: startsAt).
    let ring = 8;
    while (ring < this.dfa.maxDepth + MAX_PREFIX_RUN + 4) ring *= 2;
    this.ring = { map: new Uint32Array(ring), mask: ring - 1 };
  }


  /** All mentions in `text`, leftmost-longest, non-overlapping, sorted by start. */
  findAll(text: string): Match[] {
    return this.select(this.scan(text));
  }

  /**
   * One pass over `text`, two readings (issue 18's private names): `open`, the mentions as if the
   * user's own aliases (`MatchPattern.user`) were not there — what a page may see, so a longer
   * private name never takes the place of a bundled one it overlaps —, and `mine`, the mentions
   * of the user's aliases among all of them (leftmost-longest over every pattern).
   */
  findLayers(text: string): { open: Match[]; mine: Match[] } {
    const cand = this.scan(text);
    const user = this.user;
    if (!user) return { open: this.select(cand), mine: [] };
    return { open: this.select(cand, (id) => user[id] === 0), mine: this.select(cand, undefined, (id) => user[id] === 1) };
  }

  /**
   * The leftmost-longest non-overlapping candidates among those `among` keeps (all by default),
   * then only those `keep` keeps; sorted by start.
   */
  private select(cand: readonly number[], among?: (patternId: number) => boolean, keep?: (patternId: number) => boolean): Match[] {
    const nc = cand.length / 5;
    if (nc === 0) return [];
    // Candidates arrive in order of end. Order: start asc, length desc, the open (not the user's
    // own) pattern first, pattern id asc; then the greedy pass keeps the leftmost-longest
    // non-overlapping ones. So a user's alias that repeats an open one on the same span is never
    // the one kept: the mention is open, whatever order the patterns came in.
    const order: number[] = [];
    for (let c = 0; c < nc; c++) if (!among || among(cand[c * 5 + 2]!)) order.push(c * 5);
    const user = this.user;
    const mine = (c: number): number => (user ? user[cand[c + 2]!]! : 0);
    order.sort((a, b) => cand[a]! - cand[b]! || cand[b + 1]! - cand[a + 1]! || mine(a) - mine(b) || cand[a + 2]! - cand[b + 2]!);
    const { compiled } = this.dfa;
    const out: Match[] = [];
    let lastEnd = 0;
    for (const c of order) {
      const start = cand[c]!;
      if (start < lastEnd) continue;
      lastEnd = start + cand[c + 1]!;
      const id = cand[c + 2]!;
      if (keep && !keep(id)) continue;
      const p = compiled[id]!;
      out.push({
        entityId: p.entityId,
        start: cand[c + 3]!,
        end: cand[c + 4]!,
        alias: p.alias,
        ambiguous: p.ambiguous,
      });
    }
    return out;
  }

  /** Fill the symbol-table entry of an original code unit. */
  private classify(c: number): number {
    let kind = NORM_KIND[c]!;
    if (kind === K_UNKNOWN) kind = classifyCodeUnit(c);
    const t =
      kind === K_CHAR ? this.dfa.alpha[NORM_FOLD[c]!]!
      : kind === K_SEP ? SYM_SEP
      : kind === K_SURROGATE ? SYM_SURROGATE
      : SYM_DROP;
    this.sym[c] = t ^ SYM_UNKNOWN;
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
    const { sym, dfa } = this;
    const { map: ringMap, mask } = this.ring;
    const { delta, k, outBase, spaceSym, alpha } = dfa;
    const cand: number[] = [];
    let state = 0;
    let j = 0; // normalised length so far
    let lastSep = false;
    let pending = 0; // state whose outputs await the boundary-after test (0 = none)
    for (let i = 0; i < n; i++) {
      const c = src.charCodeAt(i);
      let t = sym[c]! ^ SYM_UNKNOWN;
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
          state = to !== 0 ? ~to : step(dfa, state, spaceSym);
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
                state = step(dfa, state, alpha[fc]!);
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
          state = step(dfa, state, alpha[c]!);
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
      state = to !== 0 ? ~to : step(dfa, state, t);
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
    const { outStart, outIds, dict, depth, compiled } = this.dfa;
    const { ring } = this;
    let s = outStart[state + 1]! > outStart[state]! ? state : dict[state]!;
    while (s !== 0) {
      const d = depth[s]!;
      const start = end - d;
      if (startsAt(ring, src, start)) {
        for (let o = outStart[s]!, oe = outStart[s + 1]!; o < oe; o++) {
          const pid = outIds[o]!;
          const p = compiled[pid]!;
          if (this.hidden?.[pid] === 1 || (p.caseSensitive && !keptEquals(ring, src, start, p.keep))) continue;
          cand.push(start, d, pid, ring.map[(start + this.lead[pid]!) & ring.mask]!, origEnd);
        }
      }
      s = dict[s]!;
    }
  }
}
