/**
 * The message registry (lib/messages/registry.ts) is the only way a runtime message is sent or
 * answered, and every privilege rule holds for every message:
 * - the dispatcher of each destination, driven with forged senders (a content script, another
 *   extension, a look-alike origin, no sender) for every message, refuses before any handler runs,
 *   and lets the rightful senders through (the card frame is an extension page);
 * - what a content script can reach is the matcher data and its page reports, nothing else; team
 *   messages are extension pages' only;
 * - no source file sends or listens to runtime messages except platform/messaging.ts (which
 *   listens for and sends the registry's names only), and every name the end-to-end tests send on
 *   the wire is the registry's;
 * - a handler table with a missing or an extra handler does not type-check.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadMessageError, createDispatcher, type Handlers } from '../../lib/messages/dispatch';
import { namesTo, registry, type Destination, type MessageName, type NameTo, type Privilege } from '../../lib/messages/registry';
import type { Sender } from '../../lib/messages/senders';
import { stubHandlers } from '../unit/stubHandlers';

const ROOT = join(import.meta.dirname, '../..');
const self = { id: 'abcdefghijklmnopabcdefghijklmnop', origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };

const SENDERS = {
  'the popup': { id: self.id, url: `${self.origin}popup.html` },
  'the card frame': { id: self.id, url: `${self.origin}card.html#AAAAAAAAAAAAAAAAAAAAAA`, tab: { id: 4, windowId: 1 }, frameId: 7 },
  'a content script': { id: self.id, url: 'https://news.example/a', tab: { id: 4, windowId: 1 }, frameId: 0 },
  'a content script in a frame': { id: self.id, url: 'https://ads.example/frame', tab: { id: 4, windowId: 1 }, frameId: 3 },
  'a content script on a look-alike URL': { id: self.id, url: `https://evil.example/${self.origin}options.html`, tab: { id: 4 }, frameId: 0 },
  'another extension': { id: 'evil', url: 'chrome-extension://evil/popup.html' },
  'another extension at our URL': { id: 'evil', url: `${self.origin}options.html` },
  'a sender with our id and no URL': { id: self.id },
  'no sender': undefined,
} satisfies Record<string, Sender | undefined>;
type Who = keyof typeof SENDERS;

/** Who holds each privilege; everyone else is refused. */
const HOLDERS: Record<Privilege, Who[]> = {
  extensionPage: ['the popup', 'the card frame'],
  contentScript: ['the popup', 'the card frame', 'a content script', 'a content script in a frame', 'a content script on a look-alike URL'],
  // Sent to a tab's content scripts with tabs.sendMessage, which only the extension can call: our id is the check.
  extension: ['the popup', 'the card frame', 'a content script', 'a content script in a frame', 'a content script on a look-alike URL', 'a sender with our id and no URL'],
};

const DESTINATIONS: Destination[] = ['background', 'tab', 'panel'];

describe('every message, every sender', () => {
  for (const to of DESTINATIONS) {
    for (const name of namesTo(to)) {
      const { privilege } = registry[name];
      it(`${name} (${to}, ${privilege}): refused to all but ${HOLDERS[privilege].join(', ')}`, async () => {
        const ran: MessageName[] = [];
        const dispatch = createDispatcher(to, stubHandlers(to, {}, ran), self);
        for (const [who, sender] of Object.entries(SENDERS) as Array<[Who, Sender | undefined]>) {
          const ranBefore = ran.length;
          const outcome = await dispatch(name, undefined, sender).then(
            () => 'answered',
            (e: Error) => (/refused: only/.test(e.message) ? 'refused' : e instanceof BadMessageError ? 'bad params' : 'answered'),
          );
          // A holder gets past the privilege check (its params, here none, are checked next; or the stub answers).
          expect(outcome === 'refused' ? 'refused' : 'let through', `${name} from ${who}`).toBe(HOLDERS[privilege].includes(who) ? 'let through' : 'refused');
          if (outcome === 'refused') expect(ran.slice(ranBefore), `${name} ran for ${who}`).toEqual([]);
        }
      });
    }
  }
});

describe('the privileged and unprivileged surfaces stay apart (uBlock Origin’s split)', () => {
  it('a content script reaches only the matcher data in the worker, and reports its page to the side panel', () => {
    const reachable = (Object.keys(registry) as MessageName[]).filter((name) => registry[name].privilege === 'contentScript');
    expect(reachable.sort()).toEqual(['matcherData', 'pageMentionsChanged']);
    expect(registry.pageMentionsChanged.to).toBe('panel');
  });

  it('every team message and every corpus read and write is extension pages’ only', () => {
    for (const name of namesTo('background').filter((n) => n !== 'matcherData')) expect(registry[name].privilege, name).toBe('extensionPage');
    expect(namesTo('background').filter((n) => n.startsWith('team'))).toHaveLength(6);
  });

  it('refuses a name of another destination, and a name of no destination', async () => {
    const worker = createDispatcher('background', stubHandlers('background'), self);
    for (const name of ['pageMentions', 'watchMentions', 'pageMentionsChanged', 'hasOwnProperty', '__proto__', 'dropTables']) {
      await expect(worker(name as NameTo<'background'>, undefined, SENDERS['the popup']), name).rejects.toThrow(/Unknown message/);
    }
  });
});

/** Source files under `dir` (no tests, no build output). */
function sources(dir: string, test = /\.(ts|tsx)$/): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && test.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** A file's code without its comments (which may name the APIs they explain). */
const code = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/[^\n]*/g, '$1');

describe('no message outside the registry', () => {
  it('only platform/messaging.ts sends or listens to runtime messages', () => {
    const raw = /\b(?:runtime|tabs)\.(?:sendMessage|onMessage|connect|onConnect)\b|defineExtensionMessaging|@webext-core\/messaging/;
    const offenders = ['lib', 'platform', 'entrypoints', 'components']
      .flatMap((dir) => sources(dir))
      .filter((file) => !/\.test\.tsx?$/.test(file) && file !== join('platform', 'messaging.ts'))
      .filter((file) => raw.test(code(file)));
    expect(offenders).toEqual([]);
    // ... and the transport is there (so this scan is looking at the right thing).
    expect(raw.test(code(join('platform', 'messaging.ts')))).toBe(true);
  });

  it('every name the end-to-end tests put on the wire is a registry name', () => {
    const sent = new Set<string>();
    // askContent(page, url, 'name'), sendFromExtensionPage(page, 'name'), call(page, 'name'), send('name'), ask('name'), { id: …, type: 'name' };
    // names are camelCase (an HTTP method, call(token, 'POST', …), is not one)
    const call = /\b(?:askContent\([^,]+,[^,]+,|sendFrom(?:Extension|Firefox)Page\([^,]+,|call\((?:[a-z.]+, )?|send\(|ask\()\s*'([a-z]\w*)'|\{ id: [^,]+, type: '([a-z]\w*)'/g;
    for (const file of sources('tests/e2e')) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(call)) sent.add((m[1] ?? m[2])!);
    }
    const unknown = [...sent].filter((name) => !Object.hasOwn(registry, name));
    expect(unknown).toEqual([]);
    expect(sent.size).toBeGreaterThan(10); // the scan finds the tests' messages
  });
});

describe('handler tables are exactly the registry’s (type-checked: `npm run typecheck`)', () => {
  it('a missing or an extra handler is a type error', () => {
    const all = stubHandlers('panel');
    const { pageMentionsChanged } = all;
    // @ts-expect-error a handler is missing
    expect(() => createDispatcher('panel', {}, self)).not.toThrow();
    // A table assembled from parts (as the worker's is), not a literal: no excess-property check helps here.
    const extra = { pageMentionsChanged, search: () => undefined };
    // @ts-expect-error an extra handler: the panel answers no 'search'
    expect(() => createDispatcher('panel', extra, self)).not.toThrow();
    expect(() => createDispatcher('panel', { pageMentionsChanged } satisfies Handlers<'panel'>, self)).not.toThrow();
  });
});
