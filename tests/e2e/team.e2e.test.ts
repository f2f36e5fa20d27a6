/**
 * A desk shares one corpus (issue 21), end to end: a team server on a throwaway PostgreSQL
 * cluster, two readers each in their own Chromium with the built extension, connected through
 * the options page (URL, token, Connect: the permission for that one origin asked in the click).
 * The writer files a document; reader A's card and search quote it with "Team · Desk Iraq", the
 * team hit opens in the reader and the side panel's comparison has the team's column;
 * reader B, of another team, sees nothing of it; a writer's browser files a page "Add this page"
 * handed over, from the options page, and files chosen in the import form, and A's card quotes
 * them; the server stopped mid-session
 * leaves A's card and search drawn from the local corpus, saying the team corpus is unreachable.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, sendFromExtensionPage, type ExtensionBrowser } from './chromium';
import { hoverText, waitCard, waitScanned } from './content';
import { readCard } from './shadow';
import { startServer, type StaticServer } from './server';
import { startTeamServer, type TeamServer } from './teamServer';

const FILED = 'Engineers of the Kestrel water brigade reopened the main pumping station in Raqqa on Sunday, residents said.';
const WORD = 'Kestrel';
const HERON = 'The Heron school in Raqqa reopened its doors to four hundred pupils, teachers said.';
const PAGE = 'The Osprey relief convoy reached Raqqa at dawn with flour and medicine, aid workers said.';

interface Reader {
  ext: ExtensionBrowser;
  options: Page;
}

let team: TeamServer;
let base: string;
let tokens: TeamServer['tokens'];
let fixtures: StaticServer;
const readers: Partial<Record<'a' | 'b', Reader>> = {};

beforeAll(async () => {
  team = await startTeamServer();
  ({ base, tokens } = team);
  fixtures = await startServer();
}, 120_000);

afterAll(async () => {
  for (const r of Object.values(readers)) await r?.ext.close();
  await team?.close();
  await fixtures?.close();
});

/** A reader's own browser, its options page open. */
async function browserFor(): Promise<Reader> {
  const ext = await launchWithExtension();
  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await allowSite(ext, `${base}/*`);
  return { ext, options };
}

/** Fills the options page's Team server section and clicks Connect, as a user does; waits until the section says `expected`. */
async function connect(r: Reader, token: string, expected: string): Promise<void> {
  const section = r.options.getByRole('region', { name: 'Team server' });
  await section.getByLabel('Server address').fill(base);
  await section.getByLabel('Token').fill(token);
  await section.getByRole('button', { name: 'Connect' }).click();
  const said = section.getByRole('status').or(section.getByRole('alert'));
  await expect.poll(async () => (await said.textContent({ timeout: 1000 }).catch(() => '')) ?? '', { timeout: 15_000 }).toContain(expected);
}

/**
 * The user's "Allow" for the server's origin. Chromium's permission prompt is browser UI that no
 * automation can answer, so the test grants the site as a user does on chrome://extensions (site
 * access), through that page's own API; the options page's request in the click then resolves at
 * once, as it does for an origin already allowed. The worker still refuses to connect without it
 * (entrypoints/background/team.test.ts).
 */
async function allowSite(ext: ExtensionBrowser, pattern: string): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(([id, host]) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, host), [ext.extensionId, pattern] as const);
  await page.close();
}

/** Opens the fixture page in the reader's browser and hovers Raqqa; returns the card's text once `until` holds. */
async function raqqaCard(r: Reader, until: (text: string) => boolean, waitMs = 15_000): Promise<{ text: string; sources: string[] }> {
  const page = await r.ext.context.newPage();
  const url = `${fixtures.origin}/news.html`;
  await page.goto(url, { waitUntil: 'load' });
  await waitScanned(r.options, url);
  await hoverText(page, 'Raqqa');
  let card = await waitCard(page, 10_000);
  const deadline = Date.now() + waitMs;
  while (!until(card.text) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    card = (await readCard(page)) ?? card;
  }
  await page.close();
  return { text: card.text, sources: card.sources };
}

describe('a team corpus shared by two readers and a writer', () => {
  it('connects each reader from the options page, and refuses a bad token with a clear error', async () => {
    const a = (readers.a = await browserFor());
    await connect(a, tokens.readerA, `Connected to Desk Iraq (reader) at ${base}`);
    const b = (readers.b = await browserFor());
    await connect(b, 'cp_not_a_token', 'The server refused this token');
    await connect(b, tokens.readerB, 'Connected to Desk Syria (reader)');
    // What the options page can learn of the connection: never the token.
    const { res } = await sendFromExtensionPage(a.options, 'teamStatus');
    expect(res).toEqual({ state: 'connected', url: base, team: 'Desk Iraq', role: 'reader' });
    expect(JSON.stringify(res)).not.toContain(tokens.readerA);
    const stored = await a.options.evaluate(() => (globalThis as any).chrome.storage.local.get(null));
    expect(JSON.stringify(stored)).not.toContain(tokens.readerA);
  });

  it('the writer files a document; reader A’s card and search quote it with its team label', async () => {
    expect(await team.fileText(FILED)).toBe(201);

    const card = await raqqaCard(readers.a!, (t) => t.includes(WORD));
    expect(card.text).toContain('Kestrel water brigade reopened the main pumping station');
    expect(card.text).toContain('Team · Desk Iraq');
    expect(card.text).not.toMatch(/unreachable/i);

    const popup = await readers.a!.ext.context.newPage();
    await popup.goto(`chrome-extension://${readers.a!.ext.extensionId}/popup.html#q=${WORD}`);
    const results = popup.getByRole('listbox');
    await expect.poll(async () => (await results.textContent().catch(() => '')) ?? '', { timeout: 15_000 }).toContain('pumping station');
    expect(await results.textContent()).toContain('Team · Desk Iraq');
    // The team hit opens in the reader, from the team server, labelled.
    const [reader] = await Promise.all([readers.a!.ext.context.waitForEvent('page'), results.getByText('pumping station').first().click()]);
    expect(reader.url()).toContain('team=1');
    await reader.locator('.source-origin').filter({ hasText: 'Team · Desk Iraq' }).waitFor({ timeout: 15_000 });
    expect(await reader.locator('main').innerText()).toContain('Kestrel water brigade reopened the main pumping station');
    await reader.close();
    await popup.close().catch(() => undefined);

    // The side panel's comparison on Raqqa: the team's source is a column of its own, labelled.
    const panel = await readers.a!.ext.context.newPage();
    await panel.goto(`chrome-extension://${readers.a!.ext.extensionId}/sidepanel.html#entity=raqqa`);
    const column = panel.locator('article.column').filter({ hasText: 'Kestrel water brigade' });
    await column.waitFor({ timeout: 15_000 });
    expect(await column.innerText()).toContain('Team · Desk Iraq');
    expect(await panel.locator('article.column').count()).toBeGreaterThan(1); // the local sources too
    await panel.close();
  });

  it('reader B, of another team, sees nothing of it', async () => {
    const { res } = await sendFromExtensionPage(readers.b!.options, 'search', { query: WORD });
    expect(res.team).toEqual({ name: 'Desk Syria' }); // the team answered…
    expect(JSON.stringify([res.hits, res.sources, res.entities])).not.toContain(WORD); // …with nothing of Desk Iraq's
    // (Nothing would show the team's answer arriving: the card is watched for a few seconds.)
    const card = await raqqaCard(readers.b!, () => false, 3000);
    expect(card.text).not.toContain(WORD);
    expect(card.text).not.toContain('Desk Iraq');

    // Disconnecting forgets the token: nothing more is asked of the server. (The origin's
    // permission is given back where the browser allows it: Chromium counts every origin the
    // content script's <all_urls> covers as required and refuses to remove it.)
    const b = readers.b!.options;
    await b.getByRole('button', { name: 'Disconnect' }).click();
    await b.getByRole('button', { name: 'Connect' }).waitFor();
    expect((await sendFromExtensionPage(b, 'teamStatus')).res).toEqual({ state: 'off' });
    expect((await sendFromExtensionPage(b, 'teamLookup', { id: 'raqqa' })).res).toEqual({ state: 'off' });
  });

  it('a writer files a page handed over by "Add this page" to the team, from the options page', async () => {
    // Reader B's browser, disconnected above, connects again with Desk Iraq's writer token.
    const w = readers.b!;
    await connect(w, tokens.writer, 'Connected to Desk Iraq (writer)');
    const article = { title: 'Osprey convoy reaches Raqqa', byline: '', siteName: 'The Northern Ledger', published: '2017-10-20', url: `${fixtures.origin}/news.html`, text: PAGE };
    // The hand-off "Add this page" makes (platform/handoff.ts; see addpage.e2e.test.ts for why a test cannot click it).
    await w.options.evaluate((payload) => (globalThis as any).chrome.storage.session.set({ 'counterpoint:handoff:addpage': { id: `t${Date.now()}`, payload } }), { ok: true, article });
    // (The open options page takes it, as it does when the popup hands a page over.)
    const section = w.options.getByRole('region', { name: 'Team server' });
    await section.getByRole('button', { name: 'File “Osprey convoy reaches Raqqa” to Desk Iraq' }).click({ timeout: 15_000 });
    await section.getByText('Filed to Desk Iraq').waitFor({ timeout: 30_000 });

    const card = await raqqaCard(readers.a!, (t) => t.includes('Osprey'));
    expect(card.text).toContain('The Osprey relief convoy reached Raqqa');
  });

  it('a writer files the files chosen in the import form to the team; the local corpus is left as it was', async () => {
    const w = readers.b!; // connected with Desk Iraq's writer token above
    const dir = mkdtempSync(join(tmpdir(), 'counterpoint-team-'));
    const files = [HERON, 'The Egret bakery in Raqqa opened again after the water came back, its owner said.'].map((text, i) => {
      const path = join(dir, `desk-${i + 1}.md`);
      writeFileSync(path, `---\ntitle: Desk note ${i + 1}\nperspective: Desk reporter\n---\n\n${text}\n`);
      return path;
    });
    const before = (await sendFromExtensionPage(w.options, 'listUserCorpus')).res.documents.length;
    // The page handed over above is still a draft of the form: discarded first.
    await w.options.getByRole('button', { name: 'Discard' }).click();
    await w.options.setInputFiles('#import-files', files);
    const form = w.options.getByRole('form', { name: 'Documents to save' });
    await form.getByRole('button', { name: 'File 2 documents to Desk Iraq' }).click();
    await form.getByRole('status').filter({ hasText: 'Filed 2 documents to Desk Iraq' }).waitFor({ timeout: 30_000 });
    // Filed once: the button says so by being disabled until the list changes.
    expect(await form.getByRole('button', { name: 'File 2 documents to Desk Iraq' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Discard' }).click();
    expect((await sendFromExtensionPage(w.options, 'listUserCorpus')).res.documents.length).toBe(before);
    rmSync(dir, { recursive: true, force: true });

    const card = await raqqaCard(readers.a!, (t) => t.includes('Heron'));
    expect(card.text).toContain('The Heron school in Raqqa reopened');
    expect(card.text).toContain('Team · Desk Iraq');
  });

  it('with the server stopped, reader A’s card still shows the local corpus and says the team is unreachable', async () => {
    await team.stop();
    const card = await raqqaCard(readers.a!, (t) => /unreachable/i.test(t));
    expect(card.text).toContain('The team corpus (Desk Iraq) is unreachable');
    expect(card.text).not.toContain(WORD);
    expect(card.sources.length).toBeGreaterThan(0);

    // Search too: the local hits, and the same note.
    const popup = await readers.a!.ext.context.newPage();
    await popup.goto(`chrome-extension://${readers.a!.ext.extensionId}/popup.html#q=Raqqa`);
    await popup.getByText('The team corpus (Desk Iraq) is unreachable').waitFor({ timeout: 15_000 });
    const results = (await popup.getByRole('listbox').textContent()) ?? '';
    expect(results).toContain('Raqqa');
    expect(results).not.toContain('Team · Desk Iraq');
    await popup.close();
  });
});
