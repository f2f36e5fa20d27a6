/**
 * What the corpus store (./store.ts) shares with the code that uses it without loading it: in the
 * worker, the store and the card computation are a script loaded on first use
 * (platform/workerStore.ts), and a card read from its file, or an unknown id refused, needs
 * neither. Its own module so that importing these does not bring the store in.
 */

/** An entity or document the corpus does not hold. */
export class NotFoundError extends Error {}

/** The docId of a removed document's passages (their slots stay, so passage ids never move: lib/corpus/liveStore.ts). */
export const REMOVED = '\u0000removed';
