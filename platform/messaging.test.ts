/**
 * The messengers log nothing: a content script's messages must not fill the page's console.
 * Under WXT's fake browser, whose runtime delivers a message to the listeners of the same context.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageMessenger } from './messaging';

afterEach(() => {
  pageMessenger.removeAllListeners();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('messengers', () => {
  it('send, answer and fail without a word on the console', async () => {
    const spies = (['log', 'debug', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => undefined));
    pageMessenger.onMessage('listEntities', () => ({ entities: [], totalSources: 0 }));
    pageMessenger.onMessage('lookupEntity', () => {
      throw new Error('No corpus entity "atlantis"');
    });
    await expect(pageMessenger.sendMessage('listEntities', undefined)).resolves.toEqual({ entities: [], totalSources: 0 });
    await expect(pageMessenger.sendMessage('lookupEntity', { id: 'atlantis' })).rejects.toThrow(/atlantis/);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
