import { describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../messages/protocol';
import { hit, passage, source, summary } from './fixtures';
import { PopupController, type PopupPorts } from './popupController';
import { SEARCH_DEBOUNCE_MS } from './searchController';
import type { Switches } from './siteSwitch';
import { flush, ManualClock } from './testPorts';

const a = source('a');
const result = (query: string): SearchResult => ({ query, entities: [summary('raqqa')], hits: [hit(passage(1, 'a', 'Raqqa'), a, 1)], sources: [a] });

function setup(over: Partial<PopupPorts> = {}) {
  const clock = new ManualClock();
  const handed: Array<(q: string) => void> = [];
  const settings: Array<(switches: Switches) => void> = [];
  const corpus: Array<() => void> = [];
  const ports: PopupPorts = {
    search: vi.fn<PopupPorts['search']>(async (p) => result(p.query)),
    facets: async () => ({ sources: [a], perspectives: [] }),
    entityTypes: async () => new Map(),
    schedule: clock.schedule,
    site: async () => 'news.example',
    switches: async () => ({ everywhere: true, site: true }),
    setSiteEnabled: vi.fn(async () => undefined),
    setEnabledEverywhere: vi.fn(async () => undefined),
    watchSwitches: (_site, cb) => (settings.push(cb), () => undefined),
    runsInTab: async () => false,
    cardShortcut: async () => 'Alt+Shift+C',
    watchHandedQuery: (cb) => (handed.push(cb), () => undefined),
    watchCorpus: (cb) => (corpus.push(cb), () => undefined),
    openReader: vi.fn(async () => undefined),
    openComparison: vi.fn(async () => true),
    addPage: vi.fn(async () => undefined),
    setAddressQuery: vi.fn(),
    close: vi.fn(),
    ...over,
  };
  return { popup: new PopupController(ports), ports, clock, handed, settings, corpus };
}

describe('PopupController', () => {
  it('a new corpus version asks the shown search and the filters’ lists again', async () => {
    let sources = [a];
    const { popup, clock, corpus } = setup({ facets: async () => ({ sources, perspectives: [] }), search: async (p) => ({ ...result(p.query), hits: sources.length ? result(p.query).hits : [] }) });
    popup.start({ query: 'Raqqa' });
    clock.advance(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(popup.search.get().result?.hits).toHaveLength(1);
    sources = []; // the user's document is deleted
    corpus[0]!();
    clock.advance(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(popup.search.get().result?.hits).toEqual([]);
    expect(popup.search.get().facets.sources).toEqual([]);
  });

  it('starts on the address’s query, knows the shortcut and the site, and takes handed queries', async () => {
    const { popup, clock, handed } = setup();
    popup.start({ query: 'Mosul' });
    await flush();
    expect(popup.get().shortcut).toBe('Alt+Shift+C');
    expect(popup.site.get()).toEqual({ site: 'news.example', enabled: true, everywhere: true });
    expect(popup.search.get().query).toBe('Mosul');
    handed[0]!('Kirkook');
    clock.advance(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(popup.search.get().result?.query).toBe('Kirkook');
  });

  it('Enter opens the first result in the reader and closes the toolbar popup; Esc clears first', async () => {
    const { popup, ports, clock } = setup();
    popup.start();
    await flush();
    expect(popup.keyDown('Escape')).toBe(false); // nothing to clear: let the popup close
    popup.search.setQuery('Raqqa');
    clock.advance(SEARCH_DEBOUNCE_MS);
    await flush();
    expect(popup.keyDown('ArrowDown')).toBe(true);
    expect(popup.keyDown('Enter')).toBe(true);
    await flush();
    expect(vi.mocked(ports.openReader).mock.calls.map(([hit]) => hit.passage.id)).toEqual([1]);
    expect(ports.close).toHaveBeenCalledOnce();
    expect(popup.keyDown('Escape')).toBe(true);
    expect(popup.search.get().query).toBe('');
    expect(popup.keyDown('a')).toBe(false);
  });

  it('in a tab, stays open and keeps the query in the address', async () => {
    const { popup, ports, handed } = setup({ runsInTab: async () => true });
    popup.start();
    handed[0]!('Mosul'); // handed over before the page knew it was in a tab
    await flush();
    expect(ports.setAddressQuery).toHaveBeenLastCalledWith('Mosul');
    popup.search.setQuery('Palmyra');
    expect(ports.setAddressQuery).toHaveBeenLastCalledWith('Palmyra');
    popup.compare(summary('palmyra'));
    await flush();
    expect(ports.openComparison).toHaveBeenCalledWith('palmyra');
    expect(ports.close).not.toHaveBeenCalled();
  });

  it('the site switch writes the setting and follows changes made elsewhere', async () => {
    const { popup, ports, settings } = setup();
    popup.start();
    await flush();
    popup.site.toggle(false);
    expect(popup.site.get().enabled).toBe(false);
    expect(ports.setSiteEnabled).toHaveBeenCalledWith('news.example', false);
    settings[0]!({ everywhere: true, site: true });
    expect(popup.site.get().enabled).toBe(true);
  });

  it('while Counterpoint is off everywhere, the site switch does nothing and the way back on writes the global setting', async () => {
    const { popup, ports, settings } = setup({ switches: async () => ({ everywhere: false, site: true }) });
    popup.start();
    await flush();
    expect(popup.site.get()).toEqual({ site: 'news.example', enabled: true, everywhere: false });
    popup.site.toggle(false);
    expect(ports.setSiteEnabled).not.toHaveBeenCalled();
    popup.site.turnOnEverywhere();
    expect(popup.site.get().everywhere).toBe(true);
    expect(ports.setEnabledEverywhere).toHaveBeenCalledWith(true);
    settings[0]!({ everywhere: false, site: false }); // switched off again in the options page
    expect(popup.site.get()).toEqual({ site: 'news.example', enabled: false, everywhere: false });
  });

  it('has no switch where the tab is not a web page', async () => {
    const { popup, ports } = setup({ site: async () => null });
    popup.start();
    await flush();
    popup.site.toggle(false);
    expect(popup.site.get().site).toBeNull();
    expect(ports.setSiteEnabled).not.toHaveBeenCalled();
  });

  it('"Add this page" reads the page through its port, then closes the toolbar popup (the options page takes over)', async () => {
    const { popup, ports } = setup();
    popup.start();
    popup.addPage();
    await flush();
    expect(ports.addPage).toHaveBeenCalledTimes(1);
    expect(ports.close).toHaveBeenCalledTimes(1);
  });
});
