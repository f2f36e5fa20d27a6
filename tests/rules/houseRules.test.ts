/**
 * The house rules (README "Layout", ARCHITECTURE) as tests, so that they stay true: each lint rule
 * of eslint.config.js is shown to catch what it is meant to catch, and to let through what it is
 * not; file sizes are counted. Lint runs through ESLint's Node API on code snippets given the
 * path they would have (the files need not exist); type-aware rules are switched off here, the
 * house rules do not need types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [{ files: ['**/*.ts', '**/*.tsx'], ...tseslint.configs.disableTypeChecked }],
});

/** The rules that hold the house rules (other rules, e.g. unused variables, are not the point here). */
const HOUSE_RULES = new Set(['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax', 'house/lib-imports-lib']);

/** The house-rule errors ESLint reports for `code` at `filePath`, as "rule: message"; parse errors too. */
async function errors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages
    .filter((m) => m.severity === 2 && (m.ruleId === null || HOUSE_RULES.has(m.ruleId)))
    .map((m) => `${m.ruleId}: ${m.message}`);
}

// ESLint loads its config and parsers on the first file: done once here, not inside the first test's time limit (a busy machine took over 5 s).
beforeAll(() => errors('lib/text/warm-up.ts', 'export const x = 1;\n'), 60_000);

describe('lib/ is pure logic', () => {
  it('refuses the extension API', async () => {
    const got = await errors('lib/text/x.ts', "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n");
    expect(got).toEqual([expect.stringMatching(/^no-restricted-imports: .*wxt\/browser.*extension APIs/)]);
    expect(await errors('lib/text/x.ts', "import browser from 'webextension-polyfill';\nexport const b = browser;\n")).toHaveLength(1);
    expect(await errors('lib/text/x.ts', 'export const id = chrome.runtime.id;\n')).toEqual([expect.stringMatching(/^no-restricted-globals: .*chrome/)]);
  });

  it('refuses the DOM', async () => {
    for (const name of ['document', 'window', 'navigator', 'location', 'browser']) {
      expect(await errors('lib/card/x.ts', `export const x = ${name};\n`)).toEqual([expect.stringMatching(new RegExp(`^no-restricted-globals: .*'${name}'`))]);
    }
  });

  it('refuses platform/, components/ and entry points', async () => {
    for (const from of ['../../platform/messaging', '../../components/Card', '../../entrypoints/content/page']) {
      // (Named by the rule that explains why, and outside lib/ too.)
      expect(await errors('lib/views/x.ts', `import { x } from '${from}';\nexport const y = x;\n`)).toEqual([expect.stringMatching(/^no-restricted-imports/), expect.stringMatching(/^house\/lib-imports-lib/)]);
    }
  });

  it('imports nothing outside lib/ (the build-time corpus/ included: the compiler is in lib/)', async () => {
    for (const from of ['../../corpus/compile', '../../eval/gazetteer', '../../tests/fixtures/x', '@/corpus/gazetteer']) {
      expect(await errors('lib/userCorpus/x.ts', `import { x } from '${from}';\nexport const y = x;\n`)).toEqual([expect.stringMatching(/^house\/lib-imports-lib: .*outside lib\//)]);
    }
    expect(await errors('lib/corpus/x.ts', "export const load = () => import('../../corpus/load');\n")).toEqual([expect.stringMatching(/^house\/lib-imports-lib/)]);
    expect(await errors('lib/corpus/x.ts', "export { gazetteer } from '../../corpus/gazetteer';\n")).toEqual([expect.stringMatching(/^house\/lib-imports-lib/)]);
    expect(await errors('lib/userCorpus/x.ts', "import { createCompiler } from '../corpus/compile';\nimport * as v from 'valibot';\nexport const y = [createCompiler, v];\n")).toEqual([]);
  });

  it('accepts pure code, and lets its tests and platform/ use the browser', async () => {
    expect(await errors('lib/text/x.ts', "import { normalizeAlias } from './normalize';\nexport const f = (s: string) => normalizeAlias(s).folded;\n")).toEqual([]);
    expect(await errors('lib/text/x.test.ts', 'export const t = document.title;\n')).toEqual([]);
    expect(await errors('platform/x.ts', "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;\n")).toEqual([]);
  });
});

describe('the content script is unprivileged', () => {
  it('may not import the privileged clients of the message registry', async () => {
    for (const name of ['workerClient', 'tabClient']) {
      expect(await errors('entrypoints/content/x.ts', `import { ${name} } from '../../platform/messaging';\nexport const c = ${name};\n`)).toEqual([
        expect.stringMatching(/^no-restricted-imports: .*unprivileged/),
      ]);
    }
    expect(await errors('entrypoints/content/x.ts', "import { contentScriptClient, panelClient, answer } from '../../platform/messaging';\nexport const c = [contentScriptClient, panelClient, answer];\n")).toEqual([]);
  });
});

describe('components/ are UI without extension APIs', () => {
  it('refuses platform/ and the extension API', async () => {
    expect(await errors('components/X.tsx', "import { workerClient } from '../platform/messaging';\nexport const m = workerClient;\n")).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*platform/),
    ]);
    expect(await errors('components/X.tsx', "import { browser } from 'wxt/browser';\nexport const b = browser;\n")).toHaveLength(1);
    expect(await errors('components/X.tsx', 'export const id = () => browser.runtime.id;\n')).toEqual([expect.stringMatching(/^no-restricted-globals/)]);
  });

  it('may use lib/ and the DOM', async () => {
    expect(await errors('components/X.tsx', "import { dateText } from '../lib/views/sourceLabel';\nexport const d = dateText;\nexport const w = () => document.body;\n")).toEqual([]);
  });
});

describe('text is inserted as text, never as HTML', () => {
  it.each([
    ['an innerHTML assignment', 'entrypoints/content/x.ts', 'export function f(el: Element, s: string) {\n  el.innerHTML = s;\n}\n'],
    ['an outerHTML assignment', 'platform/x.ts', 'export function f(el: Element, s: string) {\n  el.outerHTML = `<b>${s}</b>`;\n}\n'],
    ['insertAdjacentHTML', 'components/x.ts', "export function f(el: Element, s: string) {\n  el.insertAdjacentHTML('beforeend', s);\n}\n"],
    ['dangerouslySetInnerHTML', 'components/X.tsx', 'export const X = ({ s }: { s: string }) => <div dangerouslySetInnerHTML={{ __html: s }} />;\n'],
    ['document.write, in a test too', 'tests/e2e/x.test.ts', "document.write('<p>x</p>');\n"],
  ])('%s is an error', async (_what, file, code) => {
    expect(await errors(file, code)).toEqual([expect.stringMatching(/^no-restricted-syntax: .*never HTML/)]);
  });

  it('textContent is fine', async () => {
    expect(await errors('entrypoints/content/x.ts', 'export function f(el: Element, s: string) {\n  el.textContent = s;\n}\n')).toEqual([]);
  });
});

describe('types stay on', () => {
  it('`as never` is an error everywhere', async () => {
    for (const file of ['entrypoints/background/x.ts', 'lib/search/x.ts', 'tests/e2e/x.test.ts']) {
      expect(await errors(file, 'declare const f: (x: string) => void;\nf(1 as never);\n')).toEqual([expect.stringMatching(/^no-restricted-syntax: `as never`/)]);
    }
  });
});

describe('no wall-clock assertions in tests', () => {
  it.each([
    'expect(ms).toBeLessThan(1000);',
    'expect(report.maxSliceMs).toBeLessThan(50);',
    'expect(elapsed).toBeLessThanOrEqual(16);',
    'expect(t1 - t0).toBeLessThan(100);',
    'expect(Math.max(...slices)).toBeLessThan(50);',
    "expect(timings['scanMs']).toBeLessThan(50);",
    'expect(hoverLatency, "hover").not.toBeLessThan(5);',
    'expect(durationOf(run)).toBeLessThan(5);',
    'expect(performance.now() - start).toBeLessThan(5);',
  ])('%s is an error', async (line) => {
    const got = await errors('tests/e2e/x.e2e.test.ts', `import { expect } from 'vitest';\ndeclare const ms: number, report: { maxSliceMs: number }, elapsed: number, t1: number, t0: number, slices: number[], timings: Record<string, number>, hoverLatency: number;\ndeclare function durationOf(x: unknown): number;\ndeclare const run: unknown, start: number;\n${line}\n`);
    expect(got).toEqual([expect.stringMatching(/^no-restricted-syntax: No wall-clock assertions/)]);
  });

  it('sizes and counts are fine, and so is timing outside tests', async () => {
    const code = "import { expect } from 'vitest';\ndeclare const items: string[], terms: string[], rect: { bottom: number };\nexpect(items.length).toBeLessThan(3);\nexpect(terms).toHaveLength(2);\nexpect(rect.bottom).toBeLessThanOrEqual(600);\n";
    expect(await errors('lib/text/x.test.ts', code)).toEqual([]);
    expect(await errors('bench/x.mjs', "import { expect } from 'vitest';\nconst ms = 3;\nexpect(ms).toBeLessThan(1000);\n")).toEqual([]);
  });
});

describe('one source for each thing', () => {
  it('the toolbar button’s title is the popup’s <title> (WXT overrides a title set in wxt.config.ts)', () => {
    expect(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8')).not.toMatch(/^[^/]*default_title/m);
    expect(readFileSync(join(ROOT, 'entrypoints/popup/index.html'), 'utf8')).toMatch(/<title>Counterpoint\b[^<]*<\/title>/);
  });
});

/* ---------- sizes ---------- */

const PRODUCT_DIRS = ['entrypoints', 'components', 'lib', 'platform', 'corpus'];
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

function productFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|css|html)$/.test(d.name))
    .map((d) => relative(ROOT, join(d.parentPath, d.name)))
    .filter((path) => !isTest(path) && !path.startsWith('corpus/documents/'));
}

const lines = (path: string) => readFileSync(join(ROOT, path), 'utf8').split('\n').length - 1;

// Over the limits today, and being rewritten by other engineers right now (issue 8: the pages'
// App.tsx files split, the style sheets with the accessibility and card-frame work). The lead
// empties this list once their work is merged; the tests below then hold every file to the limit.
const BEING_REWRITTEN = new Set<string>([]);

describe('file sizes', () => {
  const files = PRODUCT_DIRS.flatMap(productFiles);

  it('finds the product files', () => {
    expect(files).toContain('lib/text/matcher.ts');
    expect(files).toContain('entrypoints/content/index.ts');
    expect(files.some(isTest)).toBe(false);
  });

  it('no product file is over 300 lines', () => {
    const over = files.filter((f) => !BEING_REWRITTEN.has(f) && lines(f) > 300).map((f) => `${f}: ${lines(f)} lines`);
    expect(over).toEqual([]);
  });

  it('entry files only wire: at most 80 lines', () => {
    const entries = files.filter((f) => /^entrypoints\/[^/]+\/(index\.ts|main\.tsx|App\.tsx)$/.test(f));
    expect(entries.length).toBeGreaterThanOrEqual(10);
    const over = entries.filter((f) => !BEING_REWRITTEN.has(f) && lines(f) > 80).map((f) => `${f}: ${lines(f)} lines`);
    expect(over).toEqual([]);
  });

});
