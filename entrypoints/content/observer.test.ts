// @vitest-environment happy-dom
/**
 * The page observer on an SPA navigation (happy-dom has no Navigation API: the content script's
 * fallback, a URL check every second, as in Firefox). What the side panel and the underlines
 * follow is the page's mentions: after the new story is shown they must not be emptied again.
 * The real page: tests/e2e/hovercard-pages.e2e.test.ts ("…follows a pushState navigation").
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { observePage } from './observer';
import { createWorkQueue, type Job } from './schedule';
import type { Scope } from './scope';

/** A scope whose idle callbacks and timers run when the test says. */
function manualScope() {
  const idle: Array<() => void> = [];
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const scope = {
    signal: new AbortController().signal,
    alive: true,
    listen() {},
    frame: () => 0,
    idle: (fn: () => void) => idle.push(fn),
    timeout: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    onDispose() {},
    dispose() {},
  } as unknown as Scope;
  const runIdle = () => idle.splice(0).forEach((f) => f());
  const runTimers = () => timers.splice(0).forEach((t) => t.fn());
  return { scope, runIdle, runTimers };
}

/** The words of the page's mentions the fake scanner found, as the store would hold them. */
function fakePage(scope: Scope) {
  const queue = createWorkQueue(scope);
  let mentions: string[] = [];
  const seen: string[][] = [];
  const found = (el: Element): string[] => (el.textContent ?? '').match(/\b(Mosul|Daesh|Kirkuk)\b/g) ?? [];
  const scan =
    (root: Element): Job =>
    () => {
      mentions = [...mentions.filter((m) => !found(root).includes(m)), ...found(root)];
      seen.push([...mentions]);
      return true;
    };
  observePage(scope, {
    queue,
    isOwnUi: () => false,
    purgeDetached: () => undefined,
    rescan: scan,
    onNavigate: () => {
      queue.clear();
      mentions = [];
      seen.push([]);
      queue.push(scan(document.body));
    },
  });
  return { seen };
}

const paragraph = (tag: string, text: string) => Object.assign(document.createElement(tag), { textContent: text });

describe('observePage on an SPA navigation', () => {
  const start = location.href;
  beforeEach(() => {
    const app = Object.assign(document.createElement('div'), { id: 'app' });
    app.append(paragraph('p', 'Peshmerga forces held Kirkuk.'));
    document.body.replaceChildren(app);
  });
  afterEach(() => history.replaceState(null, '', start));

  it('resets the page once, before the new story is scanned: its mentions, once found, are not emptied again', async () => {
    const { scope, runIdle, runTimers } = manualScope();
    const { seen } = fakePage(scope);
    // The fixture's goToStory(): the URL first, then the new story's DOM.
    history.pushState({ story: 2 }, '', '?story=2');
    document.getElementById('app')!.replaceChildren(paragraph('h1', 'Families return to west Mosul'), ' ', paragraph('p', 'A year after Daesh was driven out'));
    await Promise.resolve(); // the MutationObserver's callback
    runIdle(); // the queued changes, before the URL check
    runIdle();
    runTimers(); // the URL check comes late (every second without the Navigation API)…
    runTimers(); // …and looks again 50 ms later
    runIdle();
    runIdle();
    const full = seen.findIndex((s) => s.includes('Mosul') && s.includes('Daesh'));
    expect(full).toBeGreaterThanOrEqual(0);
    expect(seen.slice(full).every((s) => s.includes('Mosul') && s.includes('Daesh'))).toBe(true);
    expect(seen.filter((s) => s.length === 0)).toHaveLength(1); // one reset, for the navigation
  });
});
