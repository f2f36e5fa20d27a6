import { describe, expect, it } from 'vitest';
import { IDLE, step, type CardEffect, type CardEvent, type CardState } from './cardMachine';

type M = string;
const same = (a: M, b: M) => a === b;

/** Runs `events` from `state`; returns the last state and every effect, in order. */
function run(events: CardEvent<M>[], state: CardState<M> = IDLE): { state: CardState<M>; effects: CardEffect<M>[] } {
  const effects: CardEffect<M>[] = [];
  for (const e of events) {
    const r = step(state, e, same);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

const rest = (m: M): CardEvent<M> => ({ t: 'rest', m, openInMs: 250 });
const req = (m: M, o: Partial<{ pinned: boolean; focus: boolean; atPointer: boolean }> = {}): CardEffect<M> => ({
  do: 'request',
  m,
  pinned: false,
  focus: false,
  atPointer: true,
  ...o,
});
/** Open and shown on `m`, not pinned. */
const openOn = (m: M) => run([rest(m), { t: 'rendered' }, { t: 'delayEnd' }]).state;
const pinnedOn = (m: M) => run([{ t: 'togglePin' }], openOn(m)).state;

describe('card machine: resting', () => {
  it('idle → rest: requests the card hidden and starts the open delay', () => {
    const r = run([rest('raqqa')]);
    expect(r.state).toEqual({ s: 'resting', m: 'raqqa', rendered: false });
    expect(r.effects).toEqual([req('raqqa'), { do: 'openDelay', ms: 250 }]);
  });

  it('rest on the same mention again changes nothing; on another restarts with it', () => {
    const start = run([rest('raqqa')]).state;
    expect(step(start, rest('raqqa'), same)).toEqual({ state: start, effects: [] });
    const r = step(start, rest('mosul'), same);
    expect(r.state).toEqual({ s: 'resting', m: 'mosul', rendered: false });
    expect(r.effects).toEqual([{ do: 'stopOpenDelay' }, req('mosul'), { do: 'openDelay', ms: 250 }]);
  });

  it('leaving during the delay drops the hidden card: nothing opens', () => {
    const r = run([rest('raqqa'), { t: 'leave' }, { t: 'delayEnd' }]);
    expect(r.state).toEqual(IDLE);
    expect(r.effects.slice(2)).toEqual([{ do: 'stopOpenDelay' }, { do: 'hide' }]);
  });

  it('hover out then back: a fresh request and delay', () => {
    const r = run([rest('raqqa'), { t: 'leave' }, rest('raqqa')]);
    expect(r.state).toEqual({ s: 'resting', m: 'raqqa', rendered: false });
    expect(r.effects.filter((e) => e.do === 'request')).toHaveLength(2);
  });

  it('the delay ends on a rendered card: revealed at once', () => {
    const r = run([rest('raqqa'), { t: 'rendered' }, { t: 'delayEnd' }]);
    expect(r.state).toMatchObject({ s: 'open', m: 'raqqa', shown: true, pinned: false });
    expect(r.effects.slice(-2)).toEqual([{ do: 'reveal' }, { do: 'active', m: 'raqqa' }]);
  });

  it('cancel while loading: the delay ended before the frame rendered, then Esc; the late render shows nothing', () => {
    const r = run([rest('raqqa'), { t: 'delayEnd' }]);
    expect(r.state).toMatchObject({ s: 'open', shown: false });
    expect(r.effects.some((e) => e.do === 'reveal')).toBe(false);
    const c = run([{ t: 'dismiss' }, { t: 'rendered' }], r.state);
    expect(c.state.s).toBe('idle');
    expect(c.effects).toEqual([{ do: 'stopOpenDelay' }, { do: 'stopCloseDelay' }, { do: 'hide' }, { do: 'active', m: null }]);
  });

  it('the frame renders after the delay: revealed then', () => {
    const r = run([rest('raqqa'), { t: 'delayEnd' }, { t: 'rendered' }]);
    expect(r.state).toMatchObject({ s: 'open', shown: true });
    expect(r.effects.at(-1)).toEqual({ do: 'reveal' });
  });

  it('pin during the delay does nothing (no card is shown to pin)', () => {
    const start = run([rest('raqqa')]).state;
    expect(step(start, { t: 'togglePin' }, same)).toEqual({ state: start, effects: [] });
  });

  it('Esc during the delay cancels the card about to open', () => {
    const r = run([rest('raqqa'), { t: 'dismiss' }, { t: 'delayEnd' }]);
    expect(r.state).toEqual(IDLE);
    expect(r.effects.slice(2)).toEqual([{ do: 'stopOpenDelay' }, { do: 'hide' }]);
  });
});

describe('card machine: open', () => {
  it('leaving starts the close delay once; coming back (mention or card) stops it', () => {
    const r = run([{ t: 'leave' }, { t: 'leave' }], openOn('raqqa'));
    expect(r.state).toMatchObject({ closing: true });
    expect(r.effects.filter((e) => e.do === 'closeDelay')).toHaveLength(1);
    for (const back of [rest('raqqa'), { t: 'overCard' } as const]) {
      const b = step(r.state, back, same);
      expect(b.state).toMatchObject({ closing: false, next: null });
      expect(b.effects).toEqual([{ do: 'stopOpenDelay' }, { do: 'stopCloseDelay' }]);
      expect(step(b.state, { t: 'closeDelayEnd' }, same).state.s).toBe('open');
    }
  });

  it('the close delay ends: closed, underline off', () => {
    const r = run([{ t: 'leave' }, { t: 'closeDelayEnd' }], openOn('raqqa'));
    expect(r.state).toEqual(IDLE);
    expect(r.effects.slice(-2)).toEqual([{ do: 'hide' }, { do: 'active', m: null }]);
  });

  it('resting on another mention: the open card is kept (never replaced by a hidden one) until that delay ends', () => {
    const r = run([rest('mosul')], openOn('raqqa'));
    expect(r.state).toMatchObject({ s: 'open', m: 'raqqa', next: 'mosul', closing: true });
    expect(r.effects).toEqual([{ do: 'stopOpenDelay' }, { do: 'closeDelay' }, { do: 'openDelay', ms: 250 }]);
    expect(step(r.state, rest('mosul'), same).effects).toEqual([]);
    const d = step(r.state, { t: 'delayEnd' }, same);
    expect(d.state).toMatchObject({ s: 'open', m: 'mosul', shown: false, closing: false, next: null });
    expect(d.effects).toEqual([{ do: 'stopCloseDelay' }, req('mosul'), { do: 'active', m: 'mosul' }]);
    expect(step(d.state, { t: 'rendered' }, same).effects).toEqual([{ do: 'reveal' }]);
  });

  it('pinned: survives leaving and other mentions; unpinned it closes again', () => {
    const p = pinnedOn('raqqa');
    expect(p).toMatchObject({ pinned: true });
    for (const e of [{ t: 'leave' } as const, rest('mosul'), { t: 'delayEnd' } as const, { t: 'closeDelayEnd' } as const]) {
      expect(step(p, e, same)).toEqual({ state: p, effects: [] });
    }
    const u = run([{ t: 'togglePin' }, { t: 'leave' }, { t: 'closeDelayEnd' }], p);
    expect(u.effects[0]).toEqual({ do: 'pinned', pinned: false });
    expect(u.state).toEqual(IDLE);
  });

  it('pinning stops a running close delay and drops the next mention', () => {
    const r = run([rest('mosul'), { t: 'togglePin' }], openOn('raqqa'));
    expect(r.state).toMatchObject({ m: 'raqqa', pinned: true, closing: false, next: null });
    expect(r.effects.slice(-3)).toEqual([{ do: 'stopOpenDelay' }, { do: 'stopCloseDelay' }, { do: 'pinned', pinned: true }]);
  });

  it('Alt+Shift+C opens pinned and focused, from any state, anchored at the text', () => {
    for (const from of [IDLE, run([rest('raqqa')]).state, openOn('raqqa')]) {
      const r = step(from, { t: 'openNow', m: 'isis', focus: true }, same);
      expect(r.state).toMatchObject({ s: 'open', m: 'isis', pinned: true, shown: false });
      expect(r.effects).toEqual([{ do: 'stopOpenDelay' }, { do: 'stopCloseDelay' }, req('isis', { pinned: true, focus: true, atPointer: false }), { do: 'active', m: 'isis' }]);
    }
  });

  it('the close button, Esc or a page navigation while open: closed', () => {
    const r = step(pinnedOn('raqqa'), { t: 'dismiss' }, same);
    expect(r.state).toEqual(IDLE);
    expect(r.effects).toEqual([{ do: 'stopOpenDelay' }, { do: 'stopCloseDelay' }, { do: 'hide' }, { do: 'active', m: null }]);
    expect(step(IDLE, { t: 'dismiss' }, same).effects).toEqual([]);
  });

  it('worker stop while open (the frame went): closed; the next rest requests afresh', () => {
    const r = run([{ t: 'frameGone' }], pinnedOn('raqqa'));
    expect(r.state).toEqual(IDLE);
    expect(r.effects.slice(-2)).toEqual([{ do: 'hide' }, { do: 'active', m: null }]);
    expect(step(r.state, rest('raqqa'), same).effects[0]).toEqual(req('raqqa'));
  });

  it('the mention’s text went away under a request: back to idle', () => {
    expect(run([rest('raqqa'), { t: 'mentionGone' }]).state).toEqual(IDLE);
  });
});
