/**
 * What the registry (lib/messages/registry.ts) generates, pure: the dispatcher of a destination
 * (the worker, a tab's content script, the side panel) and the typed clients its senders use.
 *
 * The dispatcher checks, for every message, before any handler runs: that the name is one of the
 * destination's, that the sender holds the message's privilege (lib/messages/senders.ts `mayAsk`),
 * and that the params fit its schema. Bad messages get an error the caller sees, never a crash.
 * Its handler table must have exactly the destination's names: a missing or an extra handler is a
 * type error.
 */
import * as v from 'valibot';
import {
  isMessageName,
  registry,
  type Destination,
  type MessageName,
  type NameTo,
  type Params,
  type ParamsIn,
  type Result,
} from './registry';
import { HOLDERS, mayAsk, type Self, type Sender } from './senders';

export type Handler<K extends MessageName> = (params: Params<K>, sender: Sender) => Result<K> | Promise<Result<K>>;
/** A destination's handlers, one per name of its messages. */
export type Handlers<To extends Destination> = { [K in NameTo<To>]: Handler<K> };
/** `H` with no key but `Names`: an extra key's value must be `never`, which no handler is. */
export type Exactly<H, Names extends PropertyKey> = H & Record<Exclude<keyof H, Names>, never>;

export type Dispatch<To extends Destination> = <K extends NameTo<To>>(name: K, data: unknown, sender: Sender | undefined) => Promise<Result<K>>;

export class BadMessageError extends Error {
  override name = 'BadMessageError';
}

/** The dispatcher of the messages to `to`, over their handlers. */
export function createDispatcher<To extends Destination, H extends Handlers<To>>(to: To, handlers: Handlers<To> & Exactly<H, NameTo<To>>, self: Self): Dispatch<To> {
  return async (name, data, sender) => {
    if (!isMessageName(name) || registry[name].to !== to || !Object.hasOwn(handlers, name)) throw new BadMessageError(`Unknown message "${String(name)}"`);
    const { privilege, params } = registry[name];
    if (!mayAsk(privilege, sender, self)) throw new BadMessageError(`"${name}" refused: only ${HOLDERS[privilege]} may send it`);
    const parsed = v.safeParse(params, data);
    if (!parsed.success) {
      const issue = parsed.issues[0];
      const where = issue.path?.map((p) => String(p.key)).join('.') || 'params';
      throw new BadMessageError(`Bad params for "${name}": ${where}: ${issue.message}`);
    }
    // The table's type ties each handler to its schema's output and its result; here the name is
    // only known at run time, so the handler is called through its erased signature.
    const handler = (handlers as Record<string, (params: unknown, sender: Sender) => unknown>)[name]!;
    return handler(parsed.output, sender!) as Result<typeof name>;
  };
}

/** A client method: params optional where the schema takes none. */
type Method<K extends MessageName> = undefined extends ParamsIn<K> ? (params?: ParamsIn<K>) => Promise<Result<K>> : (params: ParamsIn<K>) => Promise<Result<K>>;
/** The typed client of the messages `Names`: one method per message. */
export type Client<Names extends MessageName> = { [K in Names]: Method<K> };

/** A client of the messages `names`, each sent with `send`. */
export function createClient<Names extends MessageName>(names: readonly Names[], send: (name: Names, params: unknown) => Promise<unknown>): Client<Names> {
  return Object.fromEntries(names.map((name) => [name, (params?: unknown) => send(name, params)])) as Client<Names>;
}
