import { describe, expect, it, vi } from 'vitest';
import type { Comparison, PageMentions } from '../messages/protocol';
import { comparison, summary } from './fixtures';
import { PanelController, RETRY_MS, type PanelPorts, type TabInfo } from './panelController';
import { flush, ManualClock } from './testPorts';

const web: TabInfo = { id: 7, windowId: 1, url: 'https://news.example/raqqa', title: 'Raqqa news' };
const mentions = (count: number): PageMentions => ({ url: web.url!, entities: [{ id: 'raqqa', count }] });

function setup(over: Partial<PanelPorts> = {}) {
  const clock = new ManualClock();
  const listeners = {
    mentions: [] as Array<Parameters<PanelPorts['watchMentions']>[0]>,
    activated: [] as Array<(windowId: number) => void>,
    updated: [] as Array<(tabId: number, change: { status?: string; url?: string }) => void>,
    handed: [] as Array<(entityId: string) => void>,
    corpus: [] as Array<() => void>,
  };
  const ports: PanelPorts = {
    targetTab: vi.fn(async () => web),
    followsActiveTab: true,
    siteEnabled: async () => true,
    setSiteEnabled: vi.fn(async () => undefined),
    followMentions: vi.fn(async () => mentions(3)),
    revealMention: vi.fn(async () => true),
    listEntities: async () => [summary('raqqa', { name: 'Raqqa' })],
    compare: vi.fn(async (id: string): Promise<Comparison> => comparison(summary(id), [])),
    setAddressEntity: vi.fn(),
    windowId: async () => 1,
    watchMentions: (cb) => (listeners.mentions.push(cb), () => undefined),
    watchTabActivated: (cb) => (listeners.activated.push(cb), () => undefined),
    watchTabUpdated: (cb) => (listeners.updated.push(cb), () => undefined),
    watchSettings: () => () => undefined,
    watchCorpus: (cb) => (listeners.corpus.push(cb), () => undefined),
    watchHandedEntity: (cb) => (listeners.handed.push(cb), () => undefined),
    schedule: clock.schedule,
    ...over,
  };
  return { panel: new PanelController(ports), ports, listeners, clock };
}

describe('PanelController', () => {
  it('a new corpus version asks the entity list and the shown comparison again', async () => {
    let names = ['Raqqa'];
    const { panel, ports, listeners } = setup({ listEntities: async () => names.map((name) => summary(name.toLowerCase(), { name })) });
    panel.start('raqqa');
    await flush();
    expect(panel.get().entities.map((e) => e.name)).toEqual(['Raqqa']);
    names = ['Raqqa', 'Hamza Division']; // a name added in the options page
    listeners.corpus[0]!();
    await flush();
    expect(panel.get().entities.map((e) => e.name)).toEqual(['Raqqa', 'Hamza Division']);
    expect(ports.compare).toHaveBeenCalledTimes(2);
    expect(panel.get().comparison?.entity.id).toBe('raqqa');
  });

  it('reads the tab’s mentions at start and shows the entity from the address', async () => {
    const { panel, ports } = setup();
    panel.start('mosul');
    await flush();
    expect(panel.get().page).toEqual({ status: 'ready', mentions: mentions(3) });
    expect(panel.get().tab?.title).toBe('Raqqa news');
    expect(panel.get().comparison?.entity.id).toBe('mosul');
    expect(ports.setAddressEntity).toHaveBeenCalledWith('mosul');
  });

  it('shows an entity handed over while open, and follows the page’s own reports only from its tab’s top frame', async () => {
    const { panel, listeners } = setup();
    panel.start();
    await flush();
    listeners.handed[0]!('palmyra');
    await flush();
    expect(panel.get().focusId).toBe('palmyra');
    listeners.mentions[0]!(99, 0, mentions(50));
    listeners.mentions[0]!(7, 2, mentions(40));
    expect(panel.get().page).toEqual({ status: 'ready', mentions: mentions(3) });
    listeners.mentions[0]!(7, 0, mentions(4));
    expect(panel.get().page).toEqual({ status: 'ready', mentions: mentions(4) });
  });

  it('asks once more when the content script is not there yet, then says it cannot read the page', async () => {
    const followMentions = vi.fn<PanelPorts['followMentions']>().mockRejectedValue(new Error('no receiver'));
    const { panel, clock } = setup({ followMentions });
    panel.start();
    await flush();
    expect(panel.get().page.status).toBe('loading');
    clock.advance(RETRY_MS);
    await flush();
    expect(followMentions).toHaveBeenCalledTimes(2);
    expect(panel.get().page.status).toBe('unavailable');
  });

  it('without the tabs permission, learns the tab’s address and title from its content script', async () => {
    const unknown: TabInfo = { id: 7, windowId: 1 };
    const report: PageMentions = { url: 'https://news.example/raqqa', title: 'Raqqa, a week on', entities: [{ id: 'raqqa', count: 2 }] };
    const on = setup({ targetTab: async () => unknown, followMentions: vi.fn(async () => report) });
    on.panel.start();
    await flush();
    expect(on.panel.get().page).toEqual({ status: 'ready', mentions: report });
    expect(on.panel.get().tab).toMatchObject({ url: report.url, title: 'Raqqa, a week on' });

    const off = setup({ targetTab: async () => unknown, followMentions: vi.fn(async () => report), siteEnabled: async () => false });
    off.panel.start();
    await flush();
    expect(off.panel.get().page).toEqual({ status: 'off', site: 'news.example' });

    const none = setup({ targetTab: async () => unknown, followMentions: vi.fn<PanelPorts['followMentions']>().mockRejectedValue(new Error('no receiver')) });
    none.panel.start();
    await flush();
    none.clock.advance(RETRY_MS);
    await flush();
    expect(none.panel.get().page.status).toBe('not-web');
  });

  it('knows pages that are not on the web and sites where Counterpoint is off', async () => {
    const notWeb = setup({ targetTab: async () => ({ id: 3, url: 'chrome://extensions' }) });
    notWeb.panel.start();
    await flush();
    expect(notWeb.panel.get().page.status).toBe('not-web');
    const off = setup({ siteEnabled: async () => false });
    off.panel.start();
    await flush();
    expect(off.panel.get().page).toEqual({ status: 'off', site: 'news.example' });
    off.panel.turnSiteOn('news.example');
    expect(off.ports.setSiteEnabled).toHaveBeenCalledWith('news.example', true);
  });

  it('follows the active tab of its own window only, and a tab that finishes loading', async () => {
    const { panel, ports, listeners } = setup();
    panel.start();
    await flush();
    listeners.activated[0]!(2);
    listeners.activated[0]!(1);
    listeners.updated[0]!(7, { status: 'complete' });
    listeners.updated[0]!(8, { status: 'complete' });
    await flush();
    expect(ports.targetTab).toHaveBeenCalledTimes(3);
  });

  it('a picked row reveals its mention on the page, says when none is visible, and asks for focus', async () => {
    const { panel, ports } = setup({ revealMention: vi.fn(async () => false) });
    panel.start();
    await flush();
    panel.pickRow({ id: 'raqqa', name: 'Raqqa' });
    await flush();
    expect(ports.revealMention).toHaveBeenCalledWith(7, 'raqqa');
    expect(panel.get()).toMatchObject({ focusId: 'raqqa', revealMiss: 'Raqqa', picks: 1 });
    expect(panel.get().comparison?.entity.id).toBe('raqqa');
  });

  it('shows the comparison asked for last, and the error when there is none', async () => {
    let fail = false;
    const { panel } = setup({
      compare: async (id) => {
        if (fail) throw new Error(`No comparison for ${id}`);
        return comparison(summary(id), []);
      },
    });
    panel.start();
    panel.pick('raqqa');
    panel.pick('mosul');
    await flush();
    expect(panel.get().comparison?.entity.id).toBe('mosul');
    fail = true;
    panel.pick('nowhere');
    await flush();
    expect(panel.get()).toMatchObject({ comparison: null, compareError: 'No comparison for nowhere' });
  });
});
