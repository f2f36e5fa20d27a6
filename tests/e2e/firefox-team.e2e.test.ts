/**
 * A team corpus in Firefox ESR (issue 21; Chromium: team.e2e.test.ts): a team server on a
 * throwaway PostgreSQL cluster, a reader connecting through the options page as a user does —
 * the origin's permission asked in the Connect click. Firefox lets automation answer that prompt
 * (`extensions.webextOptionalPermissionPrompts` off: the request is granted as "Allow" would), so
 * here the click's own request is what grants it. The writer files a document; the reader's card
 * and popup search quote it with "Team · Desk Iraq"; the server stopped, the card shows the local
 * corpus and says the team is unreachable.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefoxWithExtension, openExtensionPage, sendFromFirefoxPage, until, type FirefoxWithExtension } from './firefox';
import { hoverCardFirefox } from './firefoxCard';
import { startServer, type StaticServer } from './server';
import { startTeamServer, type TeamServer } from './teamServer';

const FILED = 'Engineers of the Kestrel water brigade reopened the main pumping station in Raqqa on Sunday, residents said.';

let team: TeamServer;
let ff: FirefoxWithExtension;
let fixtures: StaticServer;
let options: Page;

beforeAll(async () => {
  team = await startTeamServer();
  fixtures = await startServer();
  ff = await launchFirefoxWithExtension(undefined, { 'extensions.webextOptionalPermissionPrompts': false });
  options = await openExtensionPage(ff, 'options.html');
}, 120_000);

afterAll(async () => {
  await ff?.close();
  await team?.close();
  await fixtures?.close();
});

/** What the options page's Team server section says (its status, or its error). */
const teamSays = () => options.evaluate(() => document.querySelector('.team-server [role=status], .team-server [role=alert]')?.textContent ?? '');

describe('Firefox: a team corpus on the reader’s cards', () => {
  it('connects from the options page, the permission asked in the click; a bad token is refused first', async () => {
    const connect = async (token: string) => {
      await options.bringToFront();
      await options.$eval('input[name=team-url]', (el) => ((el).value = ''));
      await options.type('input[name=team-url]', team.base);
      await options.$eval('input[name=team-token]', (el) => ((el).value = ''));
      await options.type('input[name=team-token]', token);
      await options.click('.team-form button[type=submit]');
    };
    await connect('cp_not_a_token');
    expect(await until(teamSays, (t) => t.includes('refused this token'), 15_000)).toContain('The server refused this token');
    await connect(team.tokens.readerA);
    expect(await until(teamSays, (t) => t.includes('Connected'), 15_000)).toContain(`Connected to Desk Iraq (reader) at ${team.base}`);
    const granted = await options.evaluate((origin: string) => (globalThis as any).browser.permissions.contains({ origins: [`${origin}/*`] }), team.base);
    expect(granted).toBe(true);
    // Never the token, to any page.
    expect(JSON.stringify((await sendFromFirefoxPage(options, 'teamStatus')).res)).not.toContain(team.tokens.readerA);
  });

  it('the writer files a document: the card and the popup search quote it, labelled', async () => {
    expect(await team.fileText(FILED)).toBe(201);
    const page = await ff.browser.newPage();
    await page.goto(`${fixtures.origin}/news.html`, { waitUntil: 'load' });
    await until(() => page.evaluate(() => (globalThis as any).CSS?.highlights?.get('counterpoint')?.size ?? 0), (n) => n >= 30);
    const card = await until(() => hoverCardFirefox(ff.browser, page, 'Raqqa', (t) => t.includes('Kestrel')), (t) => !!t?.includes('Kestrel'), 20_000);
    expect(card).toContain('Kestrel water brigade reopened the main pumping station');
    expect(card).toContain('Team · Desk Iraq');

    const popup = await openExtensionPage(ff, 'popup.html?layout=popup#q=Kestrel');
    const results = await until(() => popup.evaluate(() => document.querySelector('[role=listbox]')?.textContent ?? ''), (t) => t.includes('pumping station'), 15_000);
    expect(results).toContain('Team · Desk Iraq');
    await popup.close();

    // The server stops: the card is drawn from the local corpus and says so.
    await team.stop();
    const after = await until(() => hoverCardFirefox(ff.browser, page, 'Raqqa', (t) => /unreachable/.test(t)), (t) => !!t && /unreachable/.test(t), 20_000);
    expect(after).toContain('The team corpus (Desk Iraq) is unreachable');
    expect(after).not.toContain('Kestrel');
    await page.close();
  });
});
