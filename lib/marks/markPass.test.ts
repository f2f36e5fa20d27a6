import { describe, expect, it } from 'vitest';
import { atLeast, FOUND, FULL, NEAR, NONE, planPass } from './markPass';

describe('planPass', () => {
  const tracked = new Set(['a', 'b', 'c']);
  const near = (r: string) => r !== 'c';
  const all = () => true;

  it('after a scan found mentions, measures them alone and keeps the last underlines', () => {
    // 'x' was found, then removed before the pass: not measured.
    expect(planPass(FOUND, tracked, ['b', 'x'], all, near, ['box-a'])).toEqual({ records: ['b'], boxes: ['box-a'] });
  });

  it('after a scroll measures those that may be near, after a layout change every one, from no underline', () => {
    expect(planPass(NEAR, tracked, ['b'], all, near, ['box-a'])).toEqual({ records: ['a', 'b'], boxes: [] });
    expect(planPass(FULL, tracked, [], all, near, ['box-a'])).toEqual({ records: ['a', 'b', 'c'], boxes: [] });
  });

  it('never measures a mention out of reach (its element far from the viewport), whatever the change', () => {
    const reach = (r: string) => r !== 'a';
    expect(planPass(FOUND, tracked, ['a', 'b'], reach, near, [])).toEqual({ records: ['b'], boxes: [] });
    expect(planPass(NEAR, tracked, [], reach, near, [])).toEqual({ records: ['b'], boxes: [] });
    expect(planPass(FULL, tracked, [], reach, near, [])).toEqual({ records: ['b', 'c'], boxes: [] });
  });

  it('does the most any change asked for', () => {
    expect(atLeast(NONE, FOUND)).toBe(FOUND);
    expect(atLeast(FULL, NEAR)).toBe(FULL);
  });
});
