/**
 * A message to show later, in whatever language the page showing it has: a key and its
 * arguments, as plain data. Pure code deep in lib/ (an import's refusal, a write's failure in the
 * background) words nothing itself; it hands back a Wording, and the page says it with its own
 * translator. A Wording survives the trip from the background to a page: @webext-core/messaging
 * copies an error's own fields, and `WordedError` keeps its wording in one.
 */
import { ENGLISH } from './english';
import type { MessageKey, T } from './keys';
import type { PluralBase } from './translate';

export type WordingArg = string | number | Wording;

export type Wording =
  | { key: MessageKey; args?: readonly WordingArg[] }
  /** A countable message: `key` is the plural base, `count` its `$1`, `args` from `$2`. */
  | { key: PluralBase<MessageKey>; count: number; args?: readonly WordingArg[] };

/** A Wording in the language of `t` (English by default); arguments that are Wordings are said first. */
function say(w: Wording, t: T = ENGLISH): string {
  const args = (w.args ?? []).map((a) => (typeof a === 'object' ? say(a, t) : a));
  return 'count' in w ? t.plural(w.key, w.count, ...args) : t(w.key, ...args);
}

function isWording(x: unknown): x is Wording {
  const w = x as { key?: unknown; args?: unknown; count?: unknown } | null;
  return (
    typeof w === 'object' && w !== null && typeof w.key === 'string' &&
    (w.args === undefined || (Array.isArray(w.args) && w.args.every((a) => typeof a === 'string' || typeof a === 'number' || isWording(a)))) &&
    (w.count === undefined || typeof w.count === 'number')
  );
}

/** An error whose message is a Wording: its `message` is the English text, `wording` what a page says in its language. */
export class WordedError extends Error {
  readonly wording: Wording;
  constructor(wording: Wording, options?: ErrorOptions) {
    super(say(wording), options);
    this.wording = wording;
  }
}

/** What to tell the user of an error, in the language of `t`: its wording when it has one (also when it came from the background), else its message. */
export function errorText(e: unknown, t: T = ENGLISH): string {
  const wording = (e as { wording?: unknown } | null)?.wording;
  if (isWording(wording)) return say(wording, t);
  return e instanceof Error ? e.message : String(e);
}
