/**
 * The registry's transport under WXT's fake browser, whose runtime delivers a message to the
 * listeners of the same context with an empty sender: `answer` checks the sender on the real path
 * (an empty sender is nobody: refused), a destination answers only its own names, and the
 * messengers log nothing (a content script's messages must not fill the page's console).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageName } from '../lib/messages/registry';
import { stubHandlers } from '../tests/unit/stubHandlers';
import { answer, contentScriptClient, tabClient, workerClient } from './messaging';

const stops: Array<() => void> = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('the registry’s transport', () => {
  it('checks the sender before any handler runs, and says so without a word on the console', async () => {
    const spies = (['log', 'debug', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(() => undefined));
    const ran: MessageName[] = [];
    stops.push(answer('background', stubHandlers('background', {}, ran)));
    await expect(workerClient.listEntities()).rejects.toThrow(/"listEntities" refused: only extension pages may send it/);
    await expect(workerClient.lookupEntity({ id: 'raqqa' })).rejects.toThrow(/refused/);
    await expect(contentScriptClient.matcherData()).rejects.toThrow(/"matcherData" refused: only our content scripts and pages may send it/);
    expect(ran).toEqual([]);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('answers only the names of its destination', async () => {
    const ran: MessageName[] = [];
    stops.push(answer('tab', stubHandlers('tab', {}, ran)));
    // A content script does not answer what the worker answers (here nobody does).
    await expect(workerClient.facets()).rejects.toThrow(/No response/);
    expect(ran).toEqual([]);
  });

  it('generates one client method per registry name of its surface', () => {
    expect(Object.keys(contentScriptClient)).toEqual(['matcherData']);
    expect(Object.keys(tabClient(1)).sort()).toEqual(['openCardAtSelection', 'pageMentions', 'revealMention', 'watchMentions']);
    expect(Object.keys(workerClient)).toContain('teamConnect');
    expect(Object.keys(workerClient)).not.toContain('pageMentions');
  });
});
