import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmbiguityGate, applyAmbiguityGate } from './ambiguity';
import type { Match } from '../corpus/types';

let nextStart = 0;
const mk = (entityId: string, ambiguous: boolean): Match => {
  const start = nextStart;
  nextStart += 10;
  return { entityId, start, end: start + 5, alias: entityId, ambiguous };
};

describe('applyAmbiguityGate (batch)', () => {
  it('drops ambiguous matches when there is no unambiguous one', () => {
    expect(applyAmbiguityGate([mk('turkey', true), mk('jordan', true)])).toEqual([]);
    expect(applyAmbiguityGate([])).toEqual([]);
  });

  it('keeps everything, in order, once one unambiguous match is present', () => {
    const a = mk('turkey', true);
    const b = mk('raqqa', false);
    const c = mk('coalition', true);
    const out = applyAmbiguityGate([a, b, c]);
    expect(out).toEqual([a, b, c]);
    expect(out[0]).toBe(a); // same objects, not copies
  });

  it('keeps unambiguous-only lists unchanged and returns a new array', () => {
    const list = [mk('mosul', false), mk('raqqa', false)];
    const out = applyAmbiguityGate(list);
    expect(out).toEqual(list);
    expect(out).not.toBe(list);
  });
});

describe('AmbiguityGate (incremental)', () => {
  it('holds ambiguous matches until an unambiguous one arrives, then releases them', () => {
    const gate = new AmbiguityGate<Match>();
    const t1 = mk('turkey', true);
    const t2 = mk('isis', true);
    expect(gate.add([t1]).accepted).toEqual([]);
    expect(gate.add([t2]).accepted).toEqual([]);
    expect(gate.heldCount).toBe(2);
    expect(gate.isOpen).toBe(false);

    const r = mk('raqqa', false);
    const t3 = mk('jordan', true);
    expect(gate.add([t3, r]).accepted).toEqual([t1, t2, t3, r]);
    expect(gate.isOpen).toBe(true);
    expect(gate.heldCount).toBe(0);

    const t4 = mk('coalition', true);
    expect(gate.add([t4]).accepted).toEqual([t4]);
    expect(gate.add([]).accepted).toEqual([]);
  });

  it('accepts unambiguous matches at once', () => {
    const gate = new AmbiguityGate<Match>();
    const m1 = mk('mosul', false);
    expect(gate.add([m1]).accepted).toEqual([m1]);
  });

  it('reset() closes the gate and forgets held matches', () => {
    const gate = new AmbiguityGate<Match>();
    gate.add([mk('turkey', true)]);
    gate.add([mk('raqqa', false)]);
    expect(gate.isOpen).toBe(true);
    gate.reset();
    expect(gate.isOpen).toBe(false);
    const t = mk('jordan', true);
    expect(gate.add([t]).accepted).toEqual([]);
    gate.reset();
    expect(gate.heldCount).toBe(0);
    const m = mk('mosul', false);
    expect(gate.add([m]).accepted).toEqual([m]); // the jordan match was forgotten
  });

  it('is generic: extra fields survive', () => {
    interface DomMatch {
      ambiguous: boolean;
      node: { id: number };
    }
    const gate = new AmbiguityGate<DomMatch>();
    const a: DomMatch = { ambiguous: true, node: { id: 1 } };
    const b: DomMatch = { ambiguous: false, node: { id: 2 } };
    gate.add([a]);
    const out = gate.add([b]).accepted;
    expect(out.map((x) => x.node.id)).toEqual([1, 2]);
    expect(out[0]).toBe(a);
  });

  it('over any slicing, the accepted stream equals the batch gate of the whole page', () => {
    const matchArb = fc.record({ id: fc.nat(1000), ambiguous: fc.boolean() });
    fc.assert(
      fc.property(fc.array(fc.array(matchArb, { maxLength: 5 }), { maxLength: 8 }), (slices) => {
        const gate = new AmbiguityGate<{ id: number; ambiguous: boolean }>();
        const stream = slices.flatMap((s) => gate.add(s).accepted);
        expect(stream).toEqual(applyAmbiguityGate(slices.flat()));
        expect(gate.isOpen).toBe(slices.flat().some((m) => !m.ambiguous));
      }),
      { numRuns: 500 },
    );
  });
});
