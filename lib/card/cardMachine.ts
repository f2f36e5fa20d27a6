/**
 * The hover card's life, as one state machine: one reducer (`step`) from a state and an event to
 * the next state and the effects to carry out. The content script (lib/card/cardController.ts
 * drives it; entrypoints/content/cardFrame.ts draws) only carries out effects and reports events;
 * nothing else holds whether a card is resting, opening, open, pinned or closing. Pure: no timers,
 * no DOM. Generic over the mention type `M`; `same` says whether two records are one mention
 * (a rescan may replace a record by an equal one).
 *
 * States:
 * - `idle`: no card, nothing pending.
 * - `resting(m)`: the pointer rests on mention m; the open delay runs; m's card is requested,
 *   hidden (the frame renders it meanwhile).
 * - `open(m, pinned, shown, closing, next)`: m's card is the card. `shown`: revealed (until then
 *   it waits for the frame to have rendered the request); `closing`: the close delay runs (the
 *   pointer left mention and card); `next`: another mention the pointer rests on while an unpinned
 *   card is open (its open delay runs; the open card is never replaced by a hidden one).
 * `rendered` (in every state) says the frame has rendered the current request.
 *
 * Transitions (effects after →; "request" = render m's card hidden, "reveal" = show it):
 *
 * | state | event | next state → effects |
 * | --- | --- | --- |
 * | idle | rest(m) | resting(m) → request(m), start open delay |
 * | resting(m) | rest(m) | unchanged |
 * | resting(m) | rest(m2) | resting(m2) → request(m2), restart open delay |
 * | resting(m) | leave, dismiss (Esc) | idle → stop open delay, hide |
 * | resting(m) | delayEnd | open(m, shown = rendered) → reveal when rendered, active(m) |
 * | resting(m) | togglePin | unchanged (no card is shown to pin) |
 * | any | openNow(m) (Alt+Shift+C) | open(m, pinned, focus) → stop delays, request(m, focus), active(m) |
 * | open, not shown | rendered | shown → reveal |
 * | open(m) | rest(m), overCard | closing and next dropped → stop delays |
 * | open(m), not pinned | leave | closing → start close delay (next dropped) |
 * | open(m), not pinned | rest(m2) | next = m2, closing → start close delay, start open delay |
 * | open(m), pinned | rest(m2), leave | unchanged |
 * | open(m), next = m2 | delayEnd | open(m2, not shown) → request(m2), stop close delay, active(m2) |
 * | open, closing | closeDelayEnd | idle → hide, active(none) |
 * | open | togglePin | pinned flipped → pinned(p), stop close delay when pinning |
 * | any but idle | dismiss (Esc, close button, navigation) | idle → stop delays, hide, active(none) |
 * | any | frameGone (worker stopped, frame navigated) | idle → stop delays, hide, active(none) |
 * | any | mentionGone (its text changed under the request) | idle → stop delays, hide, active(none) |
 * | any | rendered (of the current request) | rendered = true |
 *
 * Events not in the table leave the state as it is, with no effect.
 */

export type CardState<M> =
  | { s: 'idle'; rendered: boolean }
  | { s: 'resting'; m: M; rendered: boolean }
  | { s: 'open'; m: M; pinned: boolean; shown: boolean; closing: boolean; next: M | null; rendered: boolean };

export type CardEvent<M> =
  /** A trusted pointer rests on mention `m`; its open delay ends in `openInMs`. */
  | { t: 'rest'; m: M; openInMs: number }
  /** The pointer is on nothing of ours (or left the card). */
  | { t: 'leave' }
  /** The pointer is on the card. */
  | { t: 'overCard' }
  | { t: 'delayEnd' }
  | { t: 'closeDelayEnd' }
  /** The frame has rendered the current request. */
  | { t: 'rendered' }
  | { t: 'togglePin' }
  /** Open at once, pinned (keyboard). */
  | { t: 'openNow'; m: M; focus: boolean }
  | { t: 'dismiss' }
  | { t: 'frameGone' }
  | { t: 'mentionGone' };

export type CardEffect<M> =
  /** Render `m`'s card hidden (anchored at the pointer when `atPointer`), replacing any card shown. */
  | { do: 'request'; m: M; pinned: boolean; focus: boolean; atPointer: boolean }
  | { do: 'reveal' }
  | { do: 'hide' }
  | { do: 'pinned'; pinned: boolean }
  | { do: 'openDelay'; ms: number }
  | { do: 'closeDelay' }
  | { do: 'stopOpenDelay' }
  | { do: 'stopCloseDelay' }
  /** Marks the mention whose card is open (null: none). */
  | { do: 'active'; m: M | null };

export interface Step<M> {
  state: CardState<M>;
  effects: CardEffect<M>[];
}

export const IDLE: CardState<never> = { s: 'idle', rendered: false };

const stop = <M>(): CardEffect<M>[] => [{ do: 'stopOpenDelay' }, { do: 'stopCloseDelay' }];
const toIdle = <M>(): Step<M> => ({ state: IDLE, effects: [...stop<M>(), { do: 'hide' }, { do: 'active', m: null }] });

/** The one reducer. */
export function step<M>(state: CardState<M>, e: CardEvent<M>, same: (a: M, b: M) => boolean): Step<M> {
  const none: Step<M> = { state, effects: [] };
  switch (e.t) {
    case 'dismiss':
      if (state.s === 'idle') return none;
      return state.s === 'resting' ? { state: IDLE, effects: [{ do: 'stopOpenDelay' }, { do: 'hide' }] } : toIdle();
    case 'frameGone':
    case 'mentionGone':
      return state.s === 'idle' ? none : toIdle();
    case 'rendered':
      if (state.s === 'open' && !state.shown) return { state: { ...state, rendered: true, shown: true }, effects: [{ do: 'reveal' }] };
      return { state: { ...state, rendered: true }, effects: [] };
    case 'openNow':
      return {
        state: { s: 'open', m: e.m, pinned: true, shown: false, closing: false, next: null, rendered: false },
        effects: [...stop<M>(), { do: 'request', m: e.m, pinned: true, focus: e.focus, atPointer: false }, { do: 'active', m: e.m }],
      };
    default:
  }
  if (state.s === 'idle') {
    if (e.t !== 'rest') return none;
    return { state: { s: 'resting', m: e.m, rendered: false }, effects: [...request(e.m), { do: 'openDelay', ms: e.openInMs }] };
  }
  if (state.s === 'resting') {
    switch (e.t) {
      case 'rest':
        if (same(e.m, state.m)) return none;
        return { state: { s: 'resting', m: e.m, rendered: false }, effects: [{ do: 'stopOpenDelay' }, ...request(e.m), { do: 'openDelay', ms: e.openInMs }] };
      case 'leave':
        return { state: IDLE, effects: [{ do: 'stopOpenDelay' }, { do: 'hide' }] };
      case 'delayEnd': {
        const open: CardState<M> = { s: 'open', m: state.m, pinned: false, shown: state.rendered, closing: false, next: null, rendered: state.rendered };
        return { state: open, effects: [...(state.rendered ? [{ do: 'reveal' } as const] : []), { do: 'active', m: state.m }] };
      }
      default:
        return none;
    }
  }
  // open
  switch (e.t) {
    case 'overCard':
      return { state: { ...state, closing: false, next: null }, effects: stop() };
    case 'rest':
      if (same(e.m, state.m)) return { state: { ...state, closing: false, next: null }, effects: stop() };
      if (state.pinned || (state.next !== null && same(e.m, state.next))) return none;
      return {
        state: { ...state, closing: true, next: e.m },
        effects: [{ do: 'stopOpenDelay' }, ...(state.closing ? [] : [{ do: 'closeDelay' } as const]), { do: 'openDelay', ms: e.openInMs }],
      };
    case 'leave':
      if (state.pinned) return none;
      return { state: { ...state, closing: true, next: null }, effects: [{ do: 'stopOpenDelay' }, ...(state.closing ? [] : [{ do: 'closeDelay' } as const])] };
    case 'delayEnd': {
      if (state.next === null) return none;
      const m = state.next;
      return {
        state: { s: 'open', m, pinned: false, shown: false, closing: false, next: null, rendered: false },
        effects: [{ do: 'stopCloseDelay' }, { do: 'request', m, pinned: false, focus: false, atPointer: true }, { do: 'active', m }],
      };
    }
    case 'closeDelayEnd':
      return state.closing ? toIdle() : none;
    case 'togglePin': {
      const pinned = !state.pinned;
      return {
        state: { ...state, pinned, closing: pinned ? false : state.closing, next: pinned ? null : state.next },
        effects: [...(pinned ? stop<M>() : []), { do: 'pinned', pinned }],
      };
    }
    default:
      return none;
  }
}

function request<M>(m: M): CardEffect<M>[] {
  return [{ do: 'request', m, pinned: false, focus: false, atPointer: true }];
}
