/**
 * What a hostile page obtains (issue 9), in Chromium with the built extension, on the project's
 * own fixture (tests/fixtures/hostile.html records what a page script sees). Each test plays one
 * attack and asserts on the page's loot: the extension's id, a way to stop it, a way to tell it is
 * installed where the user switched it off, privileged answers from a content-script context, the
 * user's own entity names. Plus: the extension makes no network request in a whole session.
 * (Attacks on the card itself — forging, reading, triggering it — are in hostile-card.e2e.test.ts.)
 */
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { highlightedTexts, hoverText, setSettings, waitCard, waitNoCard, waitScanned } from './content';
import { boxOf, NOBODY, probeInPage, READER_ENTITY, READER_NAME, readMarks, underlines } from './privateMarks';
import { FIXTURES_DIR, startServer, type StaticServer } from './server';

let ext: ExtensionBrowser;
let server: StaticServer;
let extPage: Page;
/** Requests the browser made that were neither to the fixture server nor inside the extension. */
const offsite: string[] = [];

beforeAll(async () => {
  // Service-worker requests are reported on the context only with this flag.
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  ext = await launchWithExtension();
  server = await startServer();
  ext.context.on('request', (r) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|chrome-extension:|data:|blob:|about:)/.test(r.url())) offsite.push(r.url());
  });
  extPage = await ext.context.newPage();
  await extPage.goto(`chrome-extension://${ext.extensionId}/options.html`);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const url = (path: string) => `${server.origin}/${path}`;
const NOTES_TITLE = 'Field notes from Tal Abyad';

async function openHostile(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url('hostile.html'), { waitUntil: 'load' });
  await waitScanned(extPage, url('hostile.html'));
  return page;
}

/** What the page's own scripts recorded. */
const seen = (page: Page) => page.evaluate(() => (window as unknown as { __seen: { messages: string[] } }).__seen);

/** Evaluates `expression` in the extension's content-script world of the page's top frame (through CDP). */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await ext.context.newCDPSession(page);
  const contexts: Array<{ id: number; origin: string; auxData?: { isDefault?: boolean; frameId?: string } }> = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const world = contexts.find((c) => c.origin.includes(ext.extensionId) && c.auxData?.frameId === frameTree.frame.id && !c.auxData?.isDefault);
  if (!world) throw new Error('no content-script world in the page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value;
}

describe('a hostile page', () => {
  it('is never posted the extension’s id, nor any message of ours', async () => {
    const page = await openHostile();
    await hoverText(page, 'Raqqa');
    await waitCard(page);
    const { messages } = await seen(page);
    expect(messages.filter((m) => m.includes(ext.extensionId) || /wxt|counterpoint/i.test(m))).toEqual([]);
    await page.close();
  });

  it('cannot stop the content script with a forged lifecycle event or navigation', async () => {
    const page = await openHostile();
    const before = await highlightedTexts(page);
    expect(before).toContain('Raqqa');
    await page.evaluate((id) => {
      for (const name of [`${id}:content:wxt:content-script-started`, 'wxt:content-script-started', 'wxt:locationchange']) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
        window.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
        window.postMessage({ type: name, contentScriptName: 'content', messageId: 'forged' }, '*');
      }
      (window as unknown as { navigation?: EventTarget }).navigation?.dispatchEvent(new Event('navigate'));
    }, ext.extensionId);
    await page.waitForTimeout(600);
    expect(await highlightedTexts(page)).toEqual(before);
    await hoverText(page, 'Mosul');
    expect((await waitCard(page)).name).toBe('Mosul');
    await page.close();
  });

  it('gets no privileged answer from a content-script context', async () => {
    const page = await openHostile();
    const answers = (await inContentScript(
      page,
      `(async () => {
        const ask = (type, data) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }).catch((e) => ({ err: { message: String(e) } }));
        return {
          lookupEntity: await ask('lookupEntity', { id: 'raqqa' }),
          getDocument: await ask('getDocument', { docId: '001_a3ed7a2f4efbeee5' }),
          search: await ask('search', { query: 'Raqqa' }),
          compare: await ask('compare', { entityId: 'raqqa' }),
          listEntities: await ask('listEntities'),
          facets: await ask('facets'),
          findEntities: await ask('findEntities', { text: 'Raqqa' }),
          matcherData: await ask('matcherData'),
        };
      })()`,
    )) as Record<string, { res?: unknown; err?: { message: string } }>;
    for (const name of ['lookupEntity', 'getDocument', 'search', 'compare', 'listEntities', 'facets', 'findEntities']) {
      expect(answers[name]?.res, name).toBeUndefined();
      expect(answers[name]?.err?.message, name).toMatch(/only extension pages may send it/);
    }
    // What content scripts may ask still works from there.
    expect((answers.matcherData?.res as { patterns: unknown[] }).patterns.length).toBeGreaterThan(100);
    await page.close();
  });

  it('cannot learn the name of an entity the user added in the options page, while hovering it opens a card quoting the user’s document', async () => {
    // As a user does it: import a Markdown file, accept the place or group it proposes, then give
    // that group another name in the entity panel.
    await extPage.getByRole('heading', { name: /Your documents/ }).waitFor();
    await extPage.setInputFiles('#import-files', join(FIXTURES_DIR, 'import', 'field-notes.md'));
    await expect.poll(() => extPage.getByRole('group', { name: 'field-notes.md' }).getByLabel('Title').inputValue()).toBe(NOTES_TITLE);
    await extPage.getByRole('button', { name: 'Save document' }).click();
    await extPage.getByRole('status').filter({ hasText: `Saved “${NOTES_TITLE}”` }).waitFor();
    await extPage.getByRole('button', { name: `Find new places and groups in “${NOTES_TITLE}”` }).first().click();
    await extPage.getByRole('button', { name: 'Accept Hamza Division as a new group' }).click();
    await extPage.getByRole('status').filter({ hasText: 'Added Hamza Division.' }).waitFor();
    const aliasForm = extPage.getByRole('form', { name: 'Add another name to a place or group' });
    await aliasForm.getByLabel('Place or group').selectOption({ label: 'Hamza Division' });
    await aliasForm.getByLabel('Name').fill('Firqat al-Hamza');
    await aliasForm.getByRole('button', { name: 'Add name' }).click();
    await extPage.getByRole('status').filter({ hasText: '“Firqat al-Hamza” added.' }).waitFor();

    const page = await openHostile();
    // The content script knows the user's names: hovering either opens the user's entity's card,
    // quoting the imported document.
    for (const name of ['Hamza Division', 'Firqat al-Hamza']) {
      await hoverText(page, name);
      const card = await waitCard(page);
      expect(card.name).toBe('Hamza Division');
      expect(card.text).toContain(NOTES_TITLE);
      await page.mouse.move(5, 5);
      await waitNoCard(page);
    }
    // …but the page learns nothing of them: not from the highlights of the page's own text (also
    // after the hovers), nor by writing candidate names and reading which ones get highlighted.
    expect(await highlightedTexts(page)).toContain('Raqqa');
    const everyHighlight = await page.evaluate(() =>
      [...CSS.highlights.values()].flatMap((h) =>
        [...h].map((r) => {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          return range.toString();
        }),
      ),
    );
    expect(everyHighlight.filter((t) => /hamza/i.test(t))).toEqual([]);
    const candidates = ['Hamza Division', 'Firqat al-Hamza', 'Raqqa', 'Mosul', 'Tadmur', 'Springfield', 'Atlantis', 'Zarqa', 'Hamza'];
    const found = (await page.evaluate((names) => (window as any).__enumerate(names), candidates)) as string[];
    expect(found.sort()).toEqual(['Mosul', 'Raqqa', 'Tadmur']);
    // The user's cards are cached in storage.session for the worker's restarts: an extension page
    // reads the document's title there, a content-script world (what a compromised page process
    // could run) is refused the whole area.
    const inSession = () => extPage.evaluate(async () => JSON.stringify(await (globalThis as any).chrome.storage.session.get(null)));
    await expect.poll(inSession, { timeout: 15_000 }).toContain(NOTES_TITLE);
    const fromContent = (await inContentScript(page, `chrome.storage.session.get(null).then((v) => JSON.stringify(v), (e) => 'refused: ' + e.message)`)) as string;
    expect(fromContent).toMatch(/^refused: /);
    expect(fromContent).not.toContain(NOTES_TITLE);
    await page.close();
  });

  it('cannot tell from the marks of the reader’s own names whether a name it wrote is theirs', async () => {
    // The reader's group is underlined where the page cannot read it (privateMarks.ts). The page
    // writes the reader's name, then a name of the same shape that is no one's, and records all
    // it can observe: highlights, the name's computed style, hit-testing over it, the elements
    // under <html> (restyled to measure what they hold), layout, animations, mutations.
    const { err } = await sendFromExtensionPage(extPage, 'addEntity', READER_ENTITY);
    expect(err).toBeUndefined();
    const probes = [];
    for (const name of [READER_NAME, NOBODY]) {
      const page = await ext.context.newPage();
      const at = url(`private-names.html?name=${encodeURIComponent(name)}`);
      await page.goto(at, { waitUntil: 'load' });
      await waitScanned(extPage, at);
      // The reader's name is marked indeed (read from the closed root, as DevTools would); the other is not.
      const marked = () => readMarks(page).then(async (m) => underlines(m, await page.evaluate(boxOf, 'name')));
      if (name === READER_NAME) await expect.poll(marked, { timeout: 10_000 }).toBe(true);
      else await page.waitForTimeout(1000);
      expect(await marked()).toBe(name === READER_NAME);
      probes.push(await page.evaluate(probeInPage));
      await page.close();
    }
    expect(probes[1]).toEqual(probes[0]);
    // (What it sees in both: its own text under the pointer, the bundled name's highlight, our host.)
    expect(probes[0]!.hits).not.toContain('div');
    expect(probes[0]!.highlights).toEqual(['counterpoint: Raqqa']);
    expect(probes[0]!.extra).toEqual([expect.objectContaining({ tag: 'div', shadow: null, children: 0, text: '' })]);
  });

  it.each([
    // A private name that extends a bundled one: the bundled "Raqqa" is highlighted inside it all the same.
    { why: 'a longer name of theirs over a bundled one', mine: 'Raqqa Crossing Guard', nobody: 'Raqqa Crossing Gates', news: '', highlights: ['counterpoint: Raqqa | Raqqa'] },
    // Only an ambiguous bundled name ("Jordan") on the page: the reader's own name does not open the gate that would underline it.
    { why: 'their name opening the gate for an ambiguous one', mine: READER_NAME, nobody: NOBODY, news: 'Jordan watched the crossing from the south.', highlights: [] },
  ])('cannot tell from the highlights whether a name it wrote is theirs: $why', async ({ mine, nobody, news, highlights }) => {
    for (const entity of [READER_ENTITY, { ...READER_ENTITY, name: 'Raqqa Crossing Guard' }]) await sendFromExtensionPage(extPage, 'addEntity', entity);
    const probes = [];
    for (const name of [mine, nobody]) {
      const page = await ext.context.newPage();
      const at = url(`private-names.html?name=${encodeURIComponent(name)}${news ? `&news=${encodeURIComponent(news)}` : ''}`);
      await page.goto(at, { waitUntil: 'load' });
      await waitScanned(extPage, at);
      // The reader's own name is found and marked (read from the closed root, as DevTools would).
      const marked = () => readMarks(page).then(async (m) => underlines(m, await page.evaluate(boxOf, 'name')));
      if (name === mine) await expect.poll(marked, { timeout: 10_000 }).toBe(true);
      else await page.waitForTimeout(1000);
      probes.push(await page.evaluate(probeInPage));
      await page.close();
    }
    expect(probes[1]).toEqual(probes[0]);
    expect(probes[0]!.highlights).toEqual(highlights);
  });

  it('cannot tell the extension is installed on a site the user switched off', async () => {
    await setSettings(extPage, { disabledSites: ['127.0.0.1'] });
    try {
      const page = await ext.context.newPage();
      await page.goto(url('hostile.html'), { waitUntil: 'load' });
      await page.waitForTimeout(800);
      const probe = await page.evaluate(() => {
        const p = document.getElementById('news')!;
        return {
          highlights: CSS.highlights.size,
          sheets: document.adoptedStyleSheets.length,
          underline: getComputedStyle(p, '::highlight(counterpoint)').textDecorationLine,
          background: getComputedStyle(p, '::highlight(counterpoint-active)').backgroundColor,
          elements: document.querySelectorAll('body > :not(h1, p, script)').length + document.querySelectorAll('html > :not(head, body)').length,
          frames: window.length,
        };
      });
      expect(probe).toEqual({ highlights: 0, sheets: 0, underline: 'none', background: 'rgba(0, 0, 0, 0)', elements: 0, frames: 0 });
      expect((await seen(page)).messages).toEqual([]);
      await page.close();
    } finally {
      await setSettings(extPage, {});
    }
  });

  it('sees the extension make no network request in a whole session: cards, search, side panel, reader', async () => {
    const page = await openHostile();
    // The recorder sees a request that leaves the machine's fixture server (aborted by the route).
    await page.evaluate(() => fetch('http://localhost:9/probe').catch(() => undefined));
    await expect.poll(() => offsite.includes('http://localhost:9/probe')).toBe(true);
    offsite.length = 0;
    await hoverText(page, 'Raqqa');
    await waitCard(page);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html#q=Raqqa`);
    await popup.waitForSelector('[role="option"]', { timeout: 10_000 });
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/sidepanel.html#entity=isis`);
    await panel.waitForTimeout(1500);
    const reader = await ext.context.newPage();
    await reader.goto(`chrome-extension://${ext.extensionId}/reader.html#doc=001_a3ed7a2f4efbeee5`);
    await reader.waitForTimeout(800);
    expect(offsite).toEqual([]);
    for (const p of [page, popup, panel, reader]) await p.close();
  });
});
