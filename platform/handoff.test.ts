/**
 * The hand-off channel under WXT's fake browser (storage.session and storage.onChanged): a value
 * left before the page starts is taken once and cleared; a value handed to a page already watching
 * reaches it; the same entity handed twice arrives twice; the other target's values, malformed
 * values and values after `stop` are ignored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handOff, watchHandOff } from './handoff';

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => fakeBrowser.reset());

describe('hand-off', () => {
  it('delivers a value left before the page started, once, and clears it', async () => {
    await handOff('sidepanel', { entityId: 'mosul' });
    const got: string[] = [];
    const stop = watchHandOff('sidepanel', (p) => got.push(p.entityId));
    await settle();
    expect(got).toEqual(['mosul']);
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    stop();
    const again: string[] = [];
    watchHandOff('sidepanel', (p) => again.push(p.entityId));
    await settle();
    expect(again).toEqual([]);
  });

  it('delivers values handed to a page already open, the same one twice too', async () => {
    const got: string[] = [];
    watchHandOff('sidepanel', (p) => got.push(p.entityId));
    await settle();
    await handOff('sidepanel', { entityId: 'raqqa' });
    await handOff('sidepanel', { entityId: 'raqqa' });
    await handOff('sidepanel', { entityId: 'palmyra' });
    await settle();
    expect(got).toEqual(['raqqa', 'raqqa', 'palmyra']);
  });

  it('keeps targets apart and ignores malformed values', async () => {
    const panel: string[] = [];
    const popup: string[] = [];
    watchHandOff('sidepanel', (p) => panel.push(p.entityId));
    watchHandOff('popup', (p) => popup.push(p.query));
    await handOff('popup', { query: 'Kirkook' });
    await fakeBrowser.storage.session.set({ 'counterpoint:handoff:sidepanel': { id: 'x', payload: { entityId: 42 } } });
    await fakeBrowser.storage.session.set({ 'counterpoint:handoff:sidepanel': 'mosul' });
    await settle();
    expect(popup).toEqual(['Kirkook']);
    expect(panel).toEqual([]);
  });

  it('stops when asked, leaving the value for the next page', async () => {
    const got: string[] = [];
    const stop = watchHandOff('popup', (p) => got.push(p.query));
    stop();
    await handOff('popup', { query: 'Mosul' });
    await settle();
    expect(got).toEqual([]);
    watchHandOff('popup', (p) => got.push(`next: ${p.query}`));
    await settle();
    expect(got).toEqual(['next: Mosul']);
  });
});
