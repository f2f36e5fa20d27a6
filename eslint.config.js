// ESLint 10 flat config: typescript-eslint's type-checked rules over the TypeScript, a lighter
// set over the Node scripts (.mjs), and the house rules of README "Layout" as lint rules, so that
// they fail `npm run lint` instead of living in reviewers' heads. tests/rules/houseRules.test.ts
// proves each house rule catches what it is meant to catch.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import js from '@eslint/js';
import globals from 'globals';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const TS = ['**/*.ts', '**/*.tsx'];
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'tests/**/*.ts'];

/** Corpus and page text are inserted as text, never as HTML (README: nothing inserted as HTML). */
const NO_HTML = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Insert text (textContent, Preact children), never HTML: corpus and page text are data.',
  },
  {
    selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe)$/]',
    message: 'Insert text (textContent, Preact children), never HTML: corpus and page text are data.',
  },
  {
    selector: 'CallExpression[callee.object.name="document"][callee.property.name=/^(write|writeln)$/]',
    message: 'Insert text (textContent, Preact children), never HTML: corpus and page text are data.',
  },
  {
    selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]',
    message: 'Insert text (Preact children), never HTML: corpus and page text are data.',
  },
  {
    selector: 'TSAsExpression > TSNeverKeyword.typeAnnotation',
    message: '`as never` switches type checking off; type the value (the message protocol types every boundary).',
  },
];

/** Wall-clock figures vary with the machine's load: they belong in `npm run bench`, not in a test. */
const TIME_WORDS = '/(^ms|Ms|MS|_ms)([A-Z_0-9]|$)|[tT]ime|[dD]uration|[sS]lice|[eE]lapsed|[lL]atency|^t[0-9]$|^now$/';
const NO_WALL_CLOCK = [
  ...['Identifier[name', 'Literal[value', 'TemplateElement[value.raw'].map((node) => ({
    selector: `CallExpression[callee.property.name=/^toBeLessThan/]:has(CallExpression[callee.name="expect"] ${node}=${TIME_WORDS}])`,
    message: 'No wall-clock assertions in tests (a busy machine fails them): measure time in `npm run bench`.',
  })),
];

const BROWSER_GLOBALS = ['browser', 'chrome'].map((name) => ({
  name,
  message: 'Only platform/ and entrypoints/ touch extension APIs.',
}));
const DOM_GLOBALS = ['document', 'window', 'navigator', 'location'].map((name) => ({
  name,
  message: 'lib/ is pure logic: take what you need as a parameter.',
}));
const EXTENSION_IMPORTS = [
  { group: ['wxt', 'wxt/**', '@wxt-dev/**', 'webextension-polyfill', '@webext-core/**'], message: 'Only platform/ and entrypoints/ touch extension APIs.' },
  { group: ['**/entrypoints/**', '@/entrypoints/**'], message: 'Entry points wire; nothing imports them.' },
];

/**
 * lib/ imports only lib/ (and npm packages): a relative import (or a root alias, `@/`, `~/`) that
 * resolves outside lib/ is an error, whatever it names — corpus/, eval/, tests/, platform/ — so
 * the build-time corpus/ and the server import the compiler from lib/, never the other way round.
 */
const LIB = resolve(import.meta.dirname, 'lib');
const housePlugin = {
  rules: {
    'lib-imports-lib': {
      meta: {
        type: 'problem',
        schema: [],
        messages: { outside: "lib/ imports only lib/ and packages: '{{source}}' is outside lib/ (move what it needs into lib/)." },
      },
      create(context) {
        const dir = dirname(context.filename);
        const check = (node) => {
          const source = node.source?.value;
          if (typeof source !== 'string') return;
          const alias = /^[@~]\//.test(source);
          if (!alias && !source.startsWith('.')) return; // a package
          const target = alias ? resolve(import.meta.dirname, source.slice(2)) : resolve(dir, source);
          // The interface's messages are data, the one source of every translation (lib/i18n types and reads them).
          if (/[\\/]public[\\/]_locales[\\/][^\\/]+[\\/]messages\.json$/.test(target)) return;
          const rel = relative(LIB, target);
          if (rel.startsWith('..') || isAbsolute(rel)) context.report({ node: node.source, messageId: 'outside', data: { source } });
        };
        return { ImportDeclaration: check, ImportExpression: check, ExportAllDeclaration: check, ExportNamedDeclaration: check };
      },
    },
  },
};

export default defineConfig(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'corpus/documents/**'] },

  // TypeScript: type-aware, against the root tsconfig (which also covers lib/, tests and configs).
  {
    files: TS,
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: props and dependency interfaces declare callbacks in method syntax (`onPin(): void`)
      // and pass them on unbound by design; none of them uses `this`.
      '@typescript-eslint/unbound-method': 'off',
      // Off: an async function without `await` is how an implementation of an async interface
      // (a CorpusSource, a fake in a test) turns a throw into a rejection.
      '@typescript-eslint/require-await': 'off',
      'no-restricted-syntax': ['error', ...NO_HTML],
    },
  },

  // End-to-end tests and their helpers read values out of browser contexts (page.evaluate, the
  // DevTools protocol), which are untyped by nature: the `any` rules would only add casts. The team
  // server's tests read HTTP responses' JSON, untyped the same way.
  {
    files: ['tests/e2e/**/*.ts', 'server/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // lib/: pure logic. No DOM, no extension, no UI, no entry points (lib/tsconfig.json checks the
  // types too).
  {
    files: ['lib/**/*.ts'],
    ignores: TESTS,
    plugins: { house: housePlugin },
    rules: {
      'house/lib-imports-lib': 'error',
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS, ...DOM_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...EXTENSION_IMPORTS,
            { group: ['preact', 'preact/**', '**/components/**', '@/components/**'], message: 'lib/ is pure logic: UI lives in components/.' },
            { group: ['**/platform/**', '@/platform/**'], message: 'lib/ is pure logic: the browser edge lives in platform/.' },
          ],
        },
      ],
    },
  },

  // server/: the team server, in Node. No extension APIs, no DOM globals (HTML is read through
  // linkedom's document, passed as a parameter).
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS, ...DOM_GLOBALS],
      'no-restricted-imports': ['error', { patterns: [...EXTENSION_IMPORTS, { group: ['**/platform/**', 'preact', 'preact/**'], message: 'The server runs in Node: no browser edge, no UI.' }] }],
    },
  },

  // components/: Preact UI. No extension APIs: pages hand components data and callbacks.
  {
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    ignores: TESTS,
    rules: {
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...EXTENSION_IMPORTS,
            { group: ['**/platform/**', '@/platform/**'], message: 'Components take data and callbacks; platform/ is for entry points.' },
          ],
        },
      ],
    },
  },

  // The content script runs in the web page's process: it uses the unprivileged clients of the
  // message registry only (lib/messages/registry.ts; the worker refuses the rest anyway).
  {
    files: ['entrypoints/content/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/platform/messaging'],
              importNames: ['workerClient', 'tabClient'],
              message: 'A content script is unprivileged: contentScriptClient and panelClient only.',
            },
          ],
        },
      ],
    },
  },

  // Tests: the same, plus no wall-clock assertions.
  {
    files: TESTS,
    rules: {
      'no-restricted-syntax': ['error', ...NO_HTML, ...NO_WALL_CLOCK],
    },
  },

  // Node scripts (bench/, scripts/) and this file: JavaScript, no type information. The browser's
  // globals too: bench/ and scripts/ pass functions to page.evaluate, which run in the page.
  {
    files: ['**/*.mjs', '**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
);
