/**
 * Helpers for end-to-end tests of the content script in Chromium: talking to a tab's content
 * script as the side panel does, waiting for its scan, hovering a word, waiting for the card,
 * and the page's DOM as a page script would serialise it.
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { findCardHost, readCard, textRect, type CardSnapshot } from './shadow';
import { underlinedTexts } from './seen';

export interface ScanReport {
  url: string;
  entities: Array<{ id: string; count: number }>;
  complete?: boolean;
  scanMs?: number;
  maxSliceMs?: number;
}

/**
 * The id of the tab whose page's URL starts with `url`, asked from an extension page. The
 * extension has no `tabs` permission, so tabs' URLs are hidden from it: each tab's content script
 * is asked for its page's address instead (as the side panel does).
 */
export async function tabIdOf(extPage: Page, url: string): Promise<number | undefined> {
  return extPage.evaluate(async (url) => {
    const chrome = (globalThis as any).chrome;
    const tabs: Array<{ id: number }> = await chrome.tabs.query({});
    for (const tab of tabs) {
      const message = { id: Math.floor(Math.random() * 1e6), type: 'pageMentions', timestamp: Date.now() };
      const answer = await chrome.tabs.sendMessage(tab.id, message, { frameId: 0 }).catch(() => undefined);
      if (typeof answer?.res?.url === 'string' && answer.res.url.startsWith(url)) return tab.id;
    }
    return undefined;
  }, url);
}

/**
 * Sends a message to the top frame of the tab whose URL starts with `url` (one the registry sends
 * to a tab, lib/messages/registry.ts), from an extension page (in @webext-core/messaging's wire
 * format, as the side panel would).
 */
export async function askContent(extPage: Page, url: string, type: string, data?: unknown): Promise<{ res?: any; err?: any }> {
  const tabId = await tabIdOf(extPage, url);
  if (tabId === undefined) return { err: { message: `no tab at ${url}` } };
  return extPage.evaluate(
    async ([tabId, type, data]) => {
      const chrome = (globalThis as any).chrome;
      const message = { id: Math.floor(Math.random() * 1e6), type, data, timestamp: Date.now() };
      try {
        return (await chrome.tabs.sendMessage(tabId, message, { frameId: 0 })) ?? { err: { message: 'No response' } };
      } catch (e) {
        return { err: { message: String(e) } };
      }
    },
    [tabId, type, data] as const,
  );
}

/** Waits until the page's first scan is complete and returns the content script's report. */
export async function waitScanned(extPage: Page, url: string, timeout = 20_000): Promise<ScanReport> {
  const until = Date.now() + timeout;
  let last: { res?: any; err?: any } = {};
  while (Date.now() < until) {
    last = await askContent(extPage, url, 'pageMentions');
    if (last.res?.complete) return last.res as ScanReport;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`scan of ${url} not complete: ${JSON.stringify(last)}`);
}

/** Moves the pointer onto the `nth` occurrence of `text`; returns where. */
export async function hoverText(page: Page, text: string, nth = 0): Promise<{ x: number; y: number }> {
  const r = await textRect(page, text, nth);
  if (!r) throw new Error(`"${text}" #${nth} not found on the page`);
  await page.mouse.move(r.x, r.y, { steps: 2 });
  return r;
}

/** Waits for an open, loaded card. */
export async function waitCard(page: Page, timeout = 5_000): Promise<CardSnapshot> {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const card = await readCard(page);
    if (card && !card.busy) return card;
    await page.waitForTimeout(50);
  }
  throw new Error('no card opened');
}

/** Waits until no card is shown (its host stays, hidden, for the next card). */
export async function waitNoCard(page: Page, timeout = 3_000): Promise<void> {
  const until = Date.now() + timeout;
  while ((await readCard(page)) !== null) {
    if (Date.now() > until) throw new Error('the card is still open');
    await page.waitForTimeout(50);
  }
}

/** document.documentElement.outerHTML, without the card's host element (of a page; a frame has none here). */
export async function pageHtml(page: Page | Frame): Promise<string> {
  const serialize = () => document.documentElement.outerHTML;
  if (!('context' in page)) return page.evaluate(serialize);
  const cdp = await page.context().newCDPSession(page);
  try {
    const host = await findCardHost(cdp);
    if (!host) return await page.evaluate(serialize);
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: host.hostObjectId,
      returnByValue: true,
      functionDeclaration: `function () {
        const i = [...document.documentElement.children].indexOf(this);
        const clone = document.documentElement.cloneNode(true);
        clone.children[i].remove();
        return clone.outerHTML;
      }`,
    });
    return result.value as string;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** Texts of the ranges in the extension's underline highlight, in document order of scanning. */
export function highlightedTexts(page: Page | Frame): Promise<string[]> {
  return page.evaluate(underlinedTexts);
}

/** The card is entirely inside the viewport. */
export async function expectInViewport(page: Page, card: CardSnapshot): Promise<void> {
  const { width, height } = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  expect(card.rect.left).toBeGreaterThanOrEqual(0);
  expect(card.rect.top).toBeGreaterThanOrEqual(0);
  expect(card.rect.right).toBeLessThanOrEqual(width);
  expect(card.rect.bottom).toBeLessThanOrEqual(height);
}

/** Writes the user's settings as the options page does (storage.local, WXT item key). */
export async function setSettings(extPage: Page, settings: Record<string, unknown>): Promise<void> {
  await extPage.evaluate(
    (s) => (globalThis as any).chrome.storage.local.set({ 'counterpoint:settings': { underlines: true, hoverDelayMs: 250, disabledSites: [], ...s } }),
    settings,
  );
}
