/**
 * The card channel: how a content script and its card frame (entrypoints/card/, an extension page
 * in an iframe of the web page) talk, directly, over a `MessagePort` the two hold. The worker is
 * not on this path (it only answers the frame's lookups), so a worker that stops takes nothing of
 * the card with it.
 *
 * 1. The content script makes a one-time, unguessable token and loads the frame with it in its
 *    URL's fragment (the iframe sits in a closed shadow root; the page cannot read the address of
 *    a cross-origin frame).
 * 2. When the frame has loaded, the content script posts it one `pairing` message, to the card
 *    page's origin only: the token, one end of a `MessageChannel`, the language and theme to draw
 *    with (`look`: the frame's first render does not wait for its own storage read), and the
 *    messages it sent meanwhile (the latest request). The frame takes it only when the token is its own (checked
 *    against its own URL) and it holds no port yet (first use wins); a page, which can post to the
 *    frame too, knows no token.
 * 3. From then on `HostToFrame` and `FrameToHost` messages cross the port, and nothing else. No
 *    corpus text crosses this channel: it names an entity and the frame fetches the card itself
 *    (lookupEntity, an extension-page message). The page sees none of it: no message to its
 *    window, no attribute, no URL parameter that carries content.
 *
 * A first hover on a page costs at most 4 legs (the pairing with the request, `rendered`, and the
 * frame's lookup and its answer through the worker); a later one 2 (`show`, `rendered`) when the
 * frame has the card (platform/cardChannel.test.ts counts them).
 *
 * Every message is checked with the valibot schemas below on arrival, at each end.
 */
import * as v from 'valibot';
import { LANGUAGE_SETTINGS } from '../i18n/translate';
import { THEMES } from '../settings/settings';

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

/**
 * The settings the card is drawn with, as the content script holds them: the frame draws its
 * first card with these rather than after reading storage itself (it follows later changes there).
 */
const look = v.strictObject({ language: v.picklist(LANGUAGE_SETTINGS), theme: v.picklist(THEMES) });
export type CardLook = v.InferOutput<typeof look>;

/** Content script → frame, once, with the port: the token, the look, and the messages sent before the frame had loaded. */
export const pairing = v.strictObject({ t: v.literal('pair'), token, look, queued: v.pipe(v.array(hostToFrame), v.maxLength(8)) });

/** Parses a message; undefined (and dropped) when it does not fit. */
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
