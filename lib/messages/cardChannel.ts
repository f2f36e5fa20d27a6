/**
 * The card channel: how a content script and its card frame (entrypoints/card/, an extension page
 * in an iframe of the web page) talk, through the background's broker
 * (entrypoints/background/cardBroker.ts), over two `runtime.connect` ports.
 *
 *   content script ──port "counterpoint-card-host"──▶ broker ◀──port "counterpoint-card-frame"── card frame
 *
 * 1. The content script connects; the broker answers with a one-time, unguessable token.
 * 2. The content script loads the frame with the token in its URL's fragment (the iframe sits in a
 *    closed shadow root; the page cannot read the address of a cross-origin frame).
 * 3. The frame connects and presents the token. The broker pairs the two ports when the token is
 *    unused (first use wins) and both are in the same tab, and tells the frame its tab and window.
 * 4. From then on the broker relays `HostToFrame` and `FrameToHost` messages between the pair, and
 *    nothing else. No corpus text crosses this channel: it names an entity and the frame fetches
 *    the card itself (lookupEntity, an extension-page message). The page sees none of it: no
 *    `window.postMessage`, no attribute, no URL parameter that carries content.
 *
 * Every message is checked with the valibot schemas below on arrival, at each end.
 */
import * as v from 'valibot';

export const HOST_PORT = 'counterpoint-card-host';
export const FRAME_PORT = 'counterpoint-card-frame';

/** 128 random bits, base64url. */
const token = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{22}$/));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const px = v.pipe(v.number(), v.minValue(0), v.maxValue(100_000));
const seq = v.pipe(v.number(), v.integer(), v.minValue(0));

/** What the content script asks the frame to do. */
export const hostToFrame = v.variant('t', [
  /**
   * Render the card of `entityId` (named `label` until its data is in), `width` px wide, and say
   * when it is rendered. `seq` numbers the request: answers to older requests are stale.
   */
  v.strictObject({ t: v.literal('show'), seq, entityId: id, label: v.pipe(v.string(), v.maxLength(300)), width: px, pinned: v.boolean() }),
  v.strictObject({ t: v.literal('pinned'), pinned: v.boolean() }),
  /** Move focus into the card (the iframe element already has it). */
  v.strictObject({ t: v.literal('focus') }),
]);
export type HostToFrame = v.InferOutput<typeof hostToFrame>;

/** What the frame tells the content script. */
export const frameToHost = v.variant('t', [
  /**
   * The card of request `seq` is rendered, as its loading state: said before its data is drawn,
   * so when it is said (and so when the card is revealed) tells nothing of that data. Nothing
   * else of the card's content (no size) crosses: the frame's box is the content script's.
   */
  v.strictObject({ t: v.literal('rendered'), seq }),
  v.strictObject({ t: v.literal('pin') }),
  /** Close button or Esc inside the frame. */
  v.strictObject({ t: v.literal('close') }),
  /** The pointer entered (true) or left (false) the card. */
  v.strictObject({ t: v.literal('pointer'), over: v.boolean() }),
]);
export type FrameToHost = v.InferOutput<typeof frameToHost>;

/** Content script → broker. */
export const hostUp = v.variant('t', [v.strictObject({ t: v.literal('send'), msg: hostToFrame })]);

/** Broker → content script. */
export type HostDown =
  | { t: 'token'; token: string }
  | { t: 'paired' }
  /** The frame went away (navigated, crashed, disconnected): make a new one. */
  | { t: 'unpaired' }
  | { t: 'frame'; msg: FrameToHost };
export const hostDown = v.variant('t', [
  v.strictObject({ t: v.literal('token'), token }),
  v.strictObject({ t: v.literal('paired') }),
  v.strictObject({ t: v.literal('unpaired') }),
  v.strictObject({ t: v.literal('frame'), msg: frameToHost }),
]);

/** Card frame → broker: first its token, then messages for its content script. */
export const frameUp = v.variant('t', [v.strictObject({ t: v.literal('hello'), token }), v.strictObject({ t: v.literal('send'), msg: frameToHost })]);

/** Broker → card frame. */
export type FrameDown = { t: 'paired'; tabId: number; windowId?: number } | { t: 'host'; msg: HostToFrame };
export const frameDown = v.variant('t', [
  v.strictObject({ t: v.literal('paired'), tabId: v.number(), windowId: v.optional(v.number()) }),
  v.strictObject({ t: v.literal('host'), msg: hostToFrame }),
]);

/** Parses a message off a port; undefined (and dropped) when it does not fit. */
export function parse<S extends v.GenericSchema>(schema: S, message: unknown): v.InferOutput<S> | undefined {
  const r = v.safeParse(schema, message);
  return r.success ? r.output : undefined;
}

/** A fresh token: 16 random bytes, base64url (22 characters). */
export function newToken(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(16));
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
