import { describe, expect, it } from 'vitest';
import { lazy, lazyBy } from './lazy';

describe('lazy', () => {
  it('makes the value on the first call only, and gives the same value each time', () => {
    let made = 0;
    const value = lazy(() => ({ n: ++made }));
    expect(made).toBe(0);
    const first = value();
    expect(value()).toBe(first);
    expect(made).toBe(1);
  });

  it('keeps undefined too (made once)', () => {
    let made = 0;
    const value = lazy(() => void made++);
    value();
    value();
    expect(made).toBe(1);
  });
});

describe('lazyBy', () => {
  it('makes each key\'s value on its first call only, and keeps keys apart', () => {
    const made: string[] = [];
    const value = lazyBy((k) => (made.push(k), { k }));
    const a = value('a');
    expect(value('a')).toBe(a);
    expect(value('b')).toEqual({ k: 'b' });
    expect(made).toEqual(['a', 'b']);
  });
});
