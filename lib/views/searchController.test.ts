import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../messages/protocol';
import type { Params } from '../messages/registry';
import { hit, passage, source } from './fixtures';
import { SEARCH_DEBOUNCE_MS, SearchController, type SearchPorts } from './searchController';
import { deferred, flush, ManualClock, type Deferred } from './testPorts';

const a = source('a', { perspective: 'Critic' });
const b = source('b', { perspective: 'Officials' });
const hits = [
  hit(passage(1, 'a', 'Raqqa fell', { entityIds: ['raqqa'] }), a, 3),
  hit(passage(2, 'b', 'Raqqa again', { entityIds: ['raqqa'] }), b, 2),
  hit(passage(3, 'a', 'Mosul too', { start: 5000, entityIds: ['mosul'] }), a, 1),
];
const answer = (query: string, over: Partial<SearchResult> = {}): SearchResult => ({ query, entities: [], hits, sources: [a, b], ...over });

function setup() {
  const clock = new ManualClock();
  const requests: Array<{ params: Params<'search'>; reply: Deferred<SearchResult> }> = [];
  const ports: SearchPorts = {
    search: (params) => {
      const reply = deferred<SearchResult>();
      requests.push({ params, reply });
      return reply.promise;
    },
    facets: vi.fn(async () => ({ sources: [a, b], perspectives: ['Critic', 'Officials'] })),
    entityTypes: async () => new Map([['raqqa', 'place' as const]]),
    schedule: clock.schedule,
  };
  const search = new SearchController(ports);
  return { clock, requests, ports, search };
}

describe('SearchController', () => {
  it('asks once, after the debounce, for the last query typed', async () => {
    const { clock, requests, search } = setup();
    search.setQuery('R');
    search.setQuery('Ra');
    search.setQuery('Raqqa');
    clock.advance(SEARCH_DEBOUNCE_MS - 1);
    expect(requests).toHaveLength(0);
    clock.advance(1);
    expect(requests.map((r) => r.params.query)).toEqual(['Raqqa']);
    requests[0]!.reply.resolve(answer('Raqqa'));
    await flush();
    expect(search.view().flat.map((h) => h.passage.id)).toEqual([1, 3, 2]); // grouped by document, reading order
    expect(search.view().status).toBe('3 passages in 2 sources');
  });

  it('shows only the newest answer when answers arrive out of order', async () => {
    const { clock, requests, search } = setup();
    search.setQuery('Mosul');
    clock.advance(SEARCH_DEBOUNCE_MS);
    search.setQuery('Raqqa');
    clock.advance(SEARCH_DEBOUNCE_MS);
    requests[1]!.reply.resolve(answer('Raqqa'));
    await flush();
    requests[0]!.reply.resolve(answer('Mosul', { hits: [] }));
    await flush();
    expect(search.get().result?.query).toBe('Raqqa');
  });

  it('says what failed, and clears everything when the box is emptied', async () => {
    const { clock, requests, search } = setup();
    search.setQuery('Raqqa');
    clock.advance(SEARCH_DEBOUNCE_MS);
    requests[0]!.reply.reject(new Error('The corpus is not loaded'));
    await flush();
    expect(search.view().status).toBe('The corpus is not loaded');
    search.setQuery('  ');
    expect(search.get()).toMatchObject({ result: null, error: null });
    expect(search.view().status).toBe('');
    expect(clock.pending).toBe(0);
  });

  it('narrows the shown hits at once when a filter is chosen, then asks with it', async () => {
    const { clock, requests, search } = setup();
    search.setQuery('Raqqa');
    clock.advance(SEARCH_DEBOUNCE_MS);
    requests[0]!.reply.resolve(answer('Raqqa'));
    await flush();
    search.setFilters({ docIds: ['b'], perspectives: [], entityTypes: [] });
    expect(search.view().flat.map((h) => h.source.id)).toEqual(['b']);
    expect(search.view().filterCount).toBe(1);
    clock.advance(SEARCH_DEBOUNCE_MS);
    expect(requests[1]!.params).toMatchObject({ query: 'Raqqa', docIds: ['b'] });
  });

  it('moves the active result with the arrows, opens it with Enter, clears with Esc', async () => {
    const { clock, requests, search } = setup();
    expect(search.move('ArrowDown')).toBe(false); // nothing to move over
    expect(search.escape()).toBe(false); // nothing to clear: the popup may close
    search.setQuery('Raqqa');
    clock.advance(SEARCH_DEBOUNCE_MS);
    requests[0]!.reply.resolve(answer('Raqqa'));
    await flush();
    expect(search.chosen()?.passage.id).toBe(1); // Enter with nothing active opens the first
    search.move('ArrowDown');
    search.move('ArrowDown');
    expect(search.view().active?.passage.id).toBe(3);
    search.move('ArrowUp');
    search.move('ArrowUp');
    expect(search.view().active).toBeUndefined(); // back in the box
    search.move('ArrowDown');
    expect(search.escape()).toBe(true);
    expect(search.get()).toMatchObject({ query: '', activeKey: null, result: null });
  });

  it('asks for the filters’ lists once at start, and again after an answer if that failed', async () => {
    const { clock, requests, ports, search } = setup();
    vi.mocked(ports.facets).mockRejectedValueOnce(new Error('asleep'));
    search.start();
    await flush();
    expect(search.view().sources).toEqual([]);
    search.setQuery('Raqqa');
    clock.advance(SEARCH_DEBOUNCE_MS);
    requests[0]!.reply.resolve(answer('Raqqa'));
    await flush();
    expect(ports.facets).toHaveBeenCalledTimes(2);
    expect(search.view().perspectives.map((p) => p.label)).toEqual(['Critic', 'Officials']);
  });
});
