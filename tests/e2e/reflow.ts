/**
 * Reflow checks for the end-to-end tests (WCAG 1.4.10): whether a page scrolls sideways, and which
 * visible elements stick out of the viewport or cut their own content off. Works with Playwright
 * and Puppeteer pages (both evaluate a string).
 */
export interface ReflowReport {
  scrollWidth: number;
  clientWidth: number;
  /** Elements reaching past the viewport's left or right edge, or clipping their text sideways. */
  cut: string[];
}

interface EvaluatingPage {
  evaluate(script: string): Promise<unknown>;
}

export async function reflowReport(page: EvaluatingPage): Promise<ReflowReport> {
  const json = await page.evaluate(`(() => {
    const root = document.scrollingElement || document.documentElement;
    const width = root.clientWidth;
    const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
    const cut = [];
    for (const e of document.body.querySelectorAll('*')) {
      if (e.closest('.visually-hidden, [hidden], details:not([open]) > :not(summary)')) continue;
      const style = getComputedStyle(e);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) cut.push(name(e) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + ']');
      else if (/(hidden|clip|auto|scroll)/.test(style.overflowX) && e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'INPUT' && e.tagName !== 'SELECT' && e.tagName !== 'TEXTAREA')
        cut.push(name(e) + ' clips ' + e.scrollWidth + ' > ' + e.clientWidth);
    }
    return JSON.stringify({ scrollWidth: root.scrollWidth, clientWidth: width, cut });
  })()`);
  return JSON.parse(json as string) as ReflowReport;
}
