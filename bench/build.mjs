/**
 * Builds the Chrome MV3 extension for the benchmark, with WXT's JS API (same wxt.config.ts as
 * `npm run build`, plus an output folder of its own):
 *
 *   node bench/build.mjs <outDir> [corpusDir] [--no-minify] [--english-names]
 *
 * COUNTERPOINT_BENCH=1 exposes the background's measuring hook (see wxt.config.ts); the content
 * script is unaffected. corpusDir (a folder of document files) replaces corpus/documents/.
 * --english-names (COUNTERPOINT_NAMES=en, corpus/vitePlugin.ts): the gazetteer's English names
 * only, none of the region's languages (corpus/names/): the page-scan baseline of bench/run.mjs.
 * One build per process: the corpus plugin reads its folder from the environment.
 */
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const noMinify = args.includes('--no-minify');
if (args.includes('--english-names')) process.env.COUNTERPOINT_NAMES = 'en';
else delete process.env.COUNTERPOINT_NAMES;
const [outDir, corpusDir] = args.filter((a) => !a.startsWith('--'));
if (!outDir) throw new Error('usage: node bench/build.mjs <outDir> [corpusDir] [--no-minify] [--english-names]');
process.env.COUNTERPOINT_BENCH = '1';
if (corpusDir) process.env.COUNTERPOINT_CORPUS_DIR = resolve(corpusDir);
else delete process.env.COUNTERPOINT_CORPUS_DIR;

const { build } = await import('wxt');
await build({
  browser: 'chrome',
  manifestVersion: 3,
  outDir: resolve(outDir),
  logger: quietLogger(),
  // --no-minify: readable function names in CPU profiles (bench/run.mjs --profile).
  ...(noMinify ? { vite: () => ({ build: { minify: false } }) } : {}),
});

/** WXT's logger prints every file of the bundle; the benchmark only wants warnings and errors. */
function quietLogger() {
  const noop = () => {};
  return {
    debug: noop, log: noop, info: noop, success: noop, box: noop,
    warn: (...a) => console.warn(...a),
    error: (...a) => console.error(...a),
    fail: (...a) => console.error(...a),
    level: 3,
  };
}
