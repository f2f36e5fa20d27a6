// @vitest-environment happy-dom
/**
 * The page's frame clock: what paintTimer relies on from it. A task queued behind the current
 * frame runs later, not at once, once, in order.
 */
import { describe, expect, it } from 'vitest';
import { frameClock } from './frameClock';

describe('frameClock', () => {
  it('runs after-frame callbacks in a later task, each once, in order', async () => {
    const clock = frameClock();
    const log: string[] = [];
    clock.afterFrame(() => log.push('a'));
    clock.afterFrame(() => log.push('b'));
    log.push('sync');
    await new Promise((r) => setTimeout(r, 20));
    clock.afterFrame(() => log.push('c'));
    await new Promise((r) => setTimeout(r, 20));
    expect(log).toEqual(['sync', 'a', 'b', 'c']);
  });

  it('cancels a requested frame', async () => {
    const clock = frameClock();
    let ran = false;
    clock.cancelFrame(clock.frame(() => (ran = true)));
    await new Promise((r) => setTimeout(r, 50));
    expect(ran).toBe(false);
  });
});
