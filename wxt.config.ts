import preact from '@preact/preset-vite';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { corpusPlugin } from './corpus/vitePlugin';
import { WORKER_BUNDLE, WORKER_SCRIPTS } from './platform/workerScripts';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports everywhere: a reader can follow every name to its file.
  imports: false,
  manifestVersion: 3,
  // COUNTERPOINT_OUT_DIR builds elsewhere than .output/ (tests then take COUNTERPOINT_EXTENSION_DIR
  // and COUNTERPOINT_FIREFOX_DIR), so two builds never overwrite each other.
  outDir: process.env.COUNTERPOINT_OUT_DIR || '.output',
  manifest: ({ browser }) => ({
    // Worded in public/_locales/<lang>/messages.json (the interface's messages, see platform/i18n.ts):
    // the browser shows them in its own language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Each justified in README.md (Permissions). No `tabs`: the side panel and popup learn a page's
    // address and title from its content script, or from activeTab when the user clicks.
    // scripting + activeTab: "Add this page" injects the extraction script (entrypoints/extract.ts)
    // into the tab the user clicked for, only then. contextMenus: the page and selection menus
    // (entrypoints/background/contextMenus.ts).
    permissions: ['storage', 'scripting', 'activeTab', 'contextMenus', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // The team server's one origin, asked for when the user connects to it in the options page
    // (platform/teamPermission.ts), never at install; given back on disconnect (README, Team server).
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    // The content script (entrypoints/content/index.ts), declared here because it is built as a
    // plain script (see `hooks` below).
    content_scripts: [{ matches: ['<all_urls>'], js: ['content.js'], all_frames: true, run_at: 'document_idle' }],
    // No action.default_title here: WXT writes the popup's <title> (entrypoints/popup/index.html)
    // into the manifest as the toolbar button's title, over anything set here. That is its one source.
    // The hover card is this page in a frame of the web page (entrypoints/card/, issue 9). Chromium
    // gives it a per-session random address (use_dynamic_url) so a page cannot load or probe it;
    // Firefox's addresses are already random per installation.
    web_accessible_resources: [
      { resources: ['card.html'], matches: ['<all_urls>'], ...(browser === 'firefox' ? {} : { use_dynamic_url: true }) },
    ],
    // Listed with their current keys in the options page (components/ShortcutList.tsx); handled in
    // entrypoints/background/commands.ts. Chrome has no built-in command for the side panel, so
    // there it is ours and calls sidePanel.open in the handler; Firefox has one for its sidebar.
    commands: {
      'open-card': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: '__MSG_cmdOpenCard__',
      },
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+O' },
        description: '__MSG_cmdToggleSite__',
      },
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_cmdSearch__',
      },
      [browser === 'firefox' ? '_execute_sidebar_action' : 'open-side-panel']: {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_cmdSidePanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'counterpoint@counterpoint.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  hooks: {
    // The content script is built without WXT's content-script wrapper, whose context posts the
    // extension's id to every page and frame and shuts the script down when the page dispatches an
    // event of a guessable name (issue 9): as an unlisted script, declared in the manifest above.
    'entrypoints:found': (_wxt, infos) => {
      for (const info of infos) if (info.name === 'content' && info.type === 'content-script') info.type = 'unlisted-script';
    },
    // The worker's Dexie stores and FlexSearch are scripts of their own, imported on first use in
    // Chrome's service worker (platform/workerScripts.ts); Firefox's background page has no
    // importScripts: there they are loaded before background.js.
    'build:manifestGenerated': (wxt, manifest) => {
      const background = manifest.background;
      if (wxt.config.browser === 'firefox' && background && 'scripts' in background) background.scripts?.unshift(...WORKER_SCRIPTS);
    },
    // Chrome's worker imports the four worker scripts as one file (platform/workerScripts.ts
    // WORKER_BUNDLE): each script imported at install is read again at every start, at a cost that
    // grows with its bytes and a little per file (bench/installed-bytes.mjs; ARCHITECTURE.md, The
    // worker's start). Firefox lists them in the manifest (above) and keeps them apart.
    'build:done': (wxt, output) => {
      if (wxt.config.browser === 'firefox') return;
      const at = (file: string) => resolve(wxt.config.outDir, file);
      writeFileSync(at(WORKER_BUNDLE), WORKER_SCRIPTS.map((file) => readFileSync(at(file), 'utf8').trimEnd()).join(';\n') + '\n');
      for (const file of WORKER_SCRIPTS) rmSync(at(file));
      // The build's summary, printed next, lists the output's files: the bundle, not the four removed.
      const listed = output as unknown as { steps: Array<{ chunks: Array<{ fileName: string }> }>; publicAssets: Array<{ type: 'asset'; fileName: string }> };
      for (const step of listed.steps) step.chunks = step.chunks.filter((c) => !(WORKER_SCRIPTS as readonly string[]).includes(c.fileName));
      listed.publicAssets.push({ type: 'asset', fileName: WORKER_BUNDLE });
    },
    // In the background's build, the search index reads FlexSearch from its script
    // (platform/workerSearchEngine.ts), the English translator its table (platform/workerEnglish.ts),
    // and the corpus store, the compiler and the text matcher are read from their script (platform/workerStore.ts); that script
    // reads FlexSearch and the table the same way. Every other build, the worker's other scripts
    // included, bundles the package, the table and the store.
    'vite:build:extendConfig': (entrypoints, config) => {
      const background = entrypoints.some((e) => e.type === 'background');
      if (!background && !entrypoints.some((e) => e.name === 'worker-store')) return;
      config.plugins = [...(config.plugins ?? []), deferredImports(background)];
    },
  },
  vite: () => ({
    plugins: [preact(), corpusPlugin(), polyfillAsModule()],
    // The benchmark (bench/) builds with COUNTERPOINT_BENCH=1 to expose a measuring hook in the
    // background; in every other build this is the constant false and the hook is removed.
    define: { 'import.meta.env.COUNTERPOINT_BENCH': JSON.stringify(process.env.COUNTERPOINT_BENCH === '1') },
  }),
});

/**
 * webextension-polyfill as an ES module with one default export. Published as CommonJS (UMD), it was
 * bundled behind the bundler's interop helper, which copies every own property of the module's
 * export onto a namespace object. Where the browser has a native `browser` (Chromium now, Firefox),
 * the polyfill exports that very object, and reading each property's descriptor instantiated every
 * extension API the context has, the toolbar action's icon code among them: the largest part of the
 * worker's start before its main() ran (`node bench/profile.mjs worker`). The UMD wrapper takes
 * its CommonJS branch on the local `module` given here; nothing else of the file changes.
 */
function polyfillAsModule(): Plugin {
  return {
    name: 'counterpoint:polyfill-as-module',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/webextension-polyfill/dist/browser-polyfill.js')) return undefined;
      return { code: `const module = { exports: {} };\nconst exports = module.exports;\n${code}\nexport default module.exports;\n`, map: null };
    },
  };
}

/**
 * Resolves each deferred import (the specifier, in the one module that imports it) to the worker's
 * loader (see the hook above); with `store`, every import of the corpus store's modules, the compiler and the matcher too.
 */
function deferredImports(store: boolean): Plugin {
  const at = (path: string) => resolve(import.meta.dirname, path);
  const deferred = [
    { importer: at('lib/search/searchIndex.ts'), id: 'flexsearch', loader: at('platform/workerSearchEngine.ts') },
    { importer: at('lib/i18n/english.ts'), id: '../../public/_locales/en/messages.json', loader: at('platform/workerEnglish.ts') },
  ];
  const storeModules = store ? [at('lib/corpus/store.ts'), at('lib/corpus/liveStore.ts'), at('lib/corpus/compile.ts'), at('lib/card/cardRows.ts'), at('lib/text/matcher.ts'), at('lib/text/packedAutomaton.ts')] : [];
  const storeLoader = at('platform/workerStore.ts');
  return {
    name: 'counterpoint:deferred-imports',
    enforce: 'pre',
    resolveId(id, importer) {
      if (!importer) return undefined;
      const from = resolve(importer);
      if (id.startsWith('.') && storeModules.includes(resolve(dirname(from), `${id}.ts`))) return storeLoader;
      return deferred.find((d) => d.id === id && d.importer === from)?.loader;
    },
  };
}
