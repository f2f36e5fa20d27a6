/**
 * For unit tests: a destination's full handler table from some of its handlers (those a test is
 * about); every other message's handler records that it ran and throws. The dispatcher needs
 * the full table (lib/messages/dispatch.ts), and a test of the team's handlers has no corpus.
 */
import type { Handlers } from '../../lib/messages/dispatch';
import { namesTo, type Destination, type MessageName } from '../../lib/messages/registry';

export function stubHandlers<To extends Destination>(to: To, some: Partial<Handlers<To>> = {}, ran: MessageName[] = []): Handlers<To> {
  const stub = (name: MessageName) => () => {
    ran.push(name);
    throw new Error(`"${name}" is not answered in this test`);
  };
  return Object.fromEntries(namesTo(to).map((name) => [name, (some as Record<string, unknown>)[name] ?? stub(name)])) as Handlers<To>;
}
