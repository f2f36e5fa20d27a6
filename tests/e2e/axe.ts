/**
 * axe-core in the end-to-end tests: its source is evaluated in the page under test (through the
 * DevTools protocol or WebDriver BiDi, so an extension page's CSP does not stop it; no
 * @axe-core/playwright, which needs Node 22), then `axe.run` checks the WCAG 2.2 A and AA rules.
 * Works with a Playwright page (Chromium) and a Puppeteer page (Firefox ESR): both have
 * `evaluate(string)` and `evaluate(fn, arg)`.
 */
import axe from 'axe-core';

/** The rule tags the tests hold the extension's pages to. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  /** One line per offending node: its selector and axe's summary of what is wrong. */
  nodes: string[];
}

interface EvaluatingPage {
  evaluate(script: string): Promise<unknown>;
}

/** Runs axe on the whole document (or the element `include` selects) and returns its violations. */
export async function axeViolations(page: EvaluatingPage, include?: string): Promise<AxeFinding[]> {
  await page.evaluate(`if (!window.axe) { ${axe.source}\n }`);
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_TAGS }, resultTypes: ['violations'] });
  const context = include ? JSON.stringify({ include: [include] }) : 'document';
  const json = await page.evaluate(`(async () => {
    const r = await window.axe.run(${context}, ${options});
    return JSON.stringify(r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' ').trim()),
    })));
  })()`);
  return JSON.parse(json as string) as AxeFinding[];
}

/** The violations as readable lines, for an assertion message. */
export function describeFindings(findings: readonly AxeFinding[]): string {
  return findings.map((f) => `${f.id} (${f.impact}): ${f.help}\n  ${f.nodes.slice(0, 5).join('\n  ')}`).join('\n');
}
