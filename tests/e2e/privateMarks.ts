/**
 * The reader's own names' marks as the browser's tools see them, never through a hook in the
 * extension: the underlines inside the closed shadow root of the element the extension put under
 * <html>, read through the Chrome DevTools Protocol (`DOM.describeNode` with `pierce`) in
 * Chromium and WebDriver BiDi (`includeShadowTree: "all"`) in Firefox. And the page that names
 * the reader's entity (tests/fixtures/private-names.html), what its own scripts observe.
 */
import type { Page } from 'playwright-core';
import type { Browser, Page as FirefoxPage } from 'puppeteer-core';
import { bidi, contextOf, hostsUnderHtml, type SerializedNode } from './firefox';

export interface MarkRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The reader's entity the tests add, and a name of the same shape that is no one's. */
export const READER_NAME = 'Qarmaz Brigade';
export const NOBODY = 'Qarmaz Bridges';
export const READER_ENTITY = { name: READER_NAME, type: 'group', kind: '', description: 'A unit the reader follows.', aliases: [] };

/** What the fixture page's scripts observe of the extension around the name (its `__probe()`). */
export type PageProbe = Record<string, unknown>;
export const probeInPage = () => (window as unknown as { __probe(): PageProbe }).__probe();

const MARK_RECT = 'function () { const r = this.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; }';

/** Chromium: the visible underlines in the layer of every host of ours under <html>. */
export async function readMarks(page: Page): Promise<MarkRect[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: '[...document.documentElement.children].filter((e) => e.localName === "div")' });
    if (!result.objectId) return [];
    const { result: props } = await cdp.send('Runtime.getProperties', { objectId: result.objectId, ownProperties: true });
    await cdp.send('DOM.getDocument', { depth: 0 });
    const out: MarkRect[] = [];
    for (const p of props) {
      if (!/^\d+$/.test(p.name) || !p.value?.objectId) continue;
      const { node } = await cdp.send('DOM.describeNode', { objectId: p.value.objectId, depth: -1, pierce: true });
      const layer = node.shadowRoots?.[0]?.children?.find((c) => c.nodeName === 'DIV');
      for (const span of layer?.children ?? []) {
        const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: span.backendNodeId });
        const { result: rect } = await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, returnByValue: true, functionDeclaration: MARK_RECT });
        const r = rect.value as MarkRect;
        if (r.width > 0) out.push(r);
      }
    }
    return out;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

const node = (n: SerializedNode): SerializedNode => n.value ?? n;

/** Firefox: the same, through BiDi's serialisation of closed shadow trees. */
export async function readMarksFirefox(browser: Browser, page: FirefoxPage): Promise<MarkRect[]> {
  const connection = bidi(browser);
  const context = contextOf(page);
  const out: MarkRect[] = [];
  for (const host of await hostsUnderHtml(browser, page, 4)) {
    const shadow = node(host).shadowRoot;
    const layer = shadow ? node(shadow).children?.map(node).find((c) => c.localName === 'div') : undefined;
    for (const span of layer?.children ?? []) {
      const { result: rect } = await connection.send('script.callFunction', {
        functionDeclaration: '(el) => JSON.stringify(el.getBoundingClientRect())',
        arguments: [{ sharedId: (span as { sharedId?: string }).sharedId }],
        target: { context },
        awaitPromise: false,
      });
      const r = JSON.parse(rect.result?.value ?? 'null') as MarkRect | null;
      if (r && r.width > 0) out.push({ left: r.left, top: r.top, width: r.width, height: r.height });
    }
  }
  return out;
}

/** The box of the `id` element's text, from the page. */
export const boxOf = (id: string) => {
  const r = document.getElementById(id)!.getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
};

/** Is one of `marks` an underline of `box`: as wide, in the lower part of its line? */
export function underlines(marks: MarkRect[], box: { left: number; top: number; right: number; bottom: number }): boolean {
  return marks.some((m) => Math.abs(m.left - box.left) <= 2 && Math.abs(m.left + m.width - box.right) <= 2 && m.top > (box.top + box.bottom) / 2 && m.top < box.bottom + 2);
}
