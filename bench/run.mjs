/**
 * `npm run bench`: builds the extension with the bundled corpus and with generated corpora of
 * 1,000 and 10,000 documents, runs it in headless Chromium, prints the results table and writes
 * bench/results.json and bench/PERFORMANCE.md. See bench/README.md.
 *
 *   node bench/run.mjs [--pages DIR] [--runs N] [--no-build] [--only pages,hover,corpus,import,usercorpus,marks]
 *                      [--corpora bundled,1k,10k] [--mark-cap MS] [--out DIR] [--server-docs N]
 *
 * `--only server` (not in the default list: it files 100,000 documents into a throwaway PostgreSQL,
 * minutes of work) runs the team server's section, bench/measure-server.mjs, with --server-docs documents.
 *
 * --out DIR (or COUNTERPOINT_BENCH_OUT): builds, generated corpora and pages, results.json and
 * PERFORMANCE.md all go to DIR instead of .output/bench/, /tmp/counterpoint-bench/ and bench/, so
 * two people (or two checkouts) can benchmark at once without overwriting each other's builds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch, CHROMIUM } from './cdp.mjs';
import { generateCorpus } from './corpora.mjs';
import { closeExtension, launchExtension } from './extension.mjs';
import { matcherPatterns, measureCorpus } from './measure-corpus.mjs';
import { measureHover } from './measure-hover.mjs';
import { measureHoverWithTeam } from './measure-hoverteam.mjs';
import { updateReadme } from './readme.mjs';
import { measureImport } from './measure-import.mjs';
import { measureMarks } from './measure-marks.mjs';
import { measureUserCorpus } from './measure-usercorpus.mjs';
import { baselineRun, pageHeap, scanRun } from './measure-pages.mjs';
import { generatePages, realPages, startServer } from './pages.mjs';
import { evaluateTargets, renderMarkdown, summarizeCorpus, summarizeImport, summarizePages, summarizeUserCorpus } from './report.mjs';
import { summary } from './stats.mjs';
import { paragraphPool } from './text.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

const DEFAULT_PAGES = resolve(ROOT, '../shared/pages');

function parseArgs(argv) {
  const opts = { pages: DEFAULT_PAGES, runs: 3, build: true, only: ['pages', 'hover', 'corpus', 'import', 'usercorpus', 'marks'], corpora: ['bundled', '1k', '10k'], markCapMs: 2500, out: process.env.COUNTERPOINT_BENCH_OUT ? resolve(process.env.COUNTERPOINT_BENCH_OUT) : undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pages') opts.pages = resolve(argv[++i]);
    else if (a === '--runs') opts.runs = Math.max(1, Number(argv[++i]));
    else if (a === '--no-build') opts.build = false;
    else if (a === '--only') opts.only = argv[++i].split(',');
    else if (a === '--corpora') opts.corpora = argv[++i].split(',');
    else if (a === '--mark-cap') opts.markCapMs = Number(argv[++i]);
    else if (a === '--out') opts.out = resolve(argv[++i]);
    else if (a === '--server-docs') opts.serverDocs = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/** Total size of the files under `dir` (0 when there is no such folder). */
function folderBytes(dir) {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((n, e) => n + statSync(join(e.parentPath ?? e.path, e.name)).size, 0);
}

const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...a);

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`);
const WORK = opts.out ? join(opts.out, 'work') : join(os.tmpdir(), 'counterpoint-bench');
const OUT = opts.out ?? join(ROOT, '.output/bench');
/** Where results.json and PERFORMANCE.md go: bench/ by default, the --out folder otherwise. */
const REPORT_DIR = opts.out ?? join(ROOT, 'bench');
mkdirSync(WORK, { recursive: true });

// ── Inputs: real paragraphs, generated corpora and pages ──
const hasPages = existsSync(opts.pages);
const pool = paragraphPool({ pagesDir: hasPages ? opts.pages : undefined, documentsDir: join(ROOT, 'corpus/documents') });
log(`text pool: ${pool.length} real paragraphs${hasPages ? ` from ${opts.pages} and the bundled corpus` : ' from the bundled corpus (no page folder)'}`);

const VARIANTS = {
  bundled: { dir: join(OUT, 'bundled'), corpusDir: undefined },
  '1k': { dir: join(OUT, 'docs-1k'), corpusDir: join(WORK, 'corpus-1k'), count: 1000, seed: 1 },
  '10k': { dir: join(OUT, 'docs-10k'), corpusDir: join(WORK, 'corpus-10k'), count: 10000, seed: 10 },
  // The bundled corpus with the gazetteer's English names only (none of corpus/names/): what the
  // pages measure sets the scan against, for the cost of the region's languages (issue 20).
  englishNames: { dir: join(OUT, 'english-names'), corpusDir: undefined, flags: ['--english-names'] },
};
const needed = new Set(['bundled', ...(opts.only.includes('pages') ? ['englishNames'] : []), ...(opts.only.includes('corpus') ? opts.corpora : [])]);

// ── Builds (Chrome MV3, benchmark hook on) ──
const buildInfo = {};
for (const name of needed) {
  const v = VARIANTS[name];
  const ext = join(v.dir, 'chrome-mv3');
  if (opts.build || !existsSync(join(ext, 'manifest.json'))) {
    const t = Date.now();
    if (v.count) generateCorpus(v.corpusDir, v.count, pool, v.seed);
    const args = [join(ROOT, 'bench/build.mjs'), v.dir, ...(v.corpusDir ? [v.corpusDir] : []), ...(v.flags ?? [])];
    const r = spawnSync(process.execPath, ['--max-old-space-size=4096', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`build ${name} failed:\n${r.stderr}`);
    buildInfo[name] = { ms: Date.now() - t };
    log(`built ${name} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  buildInfo[name] = { ...buildInfo[name], extensionDir: ext, backgroundBytes: statSync(join(ext, 'background.js')).size, corpusFilesBytes: folderBytes(join(ext, 'corpus')) };
}

const results = {
  meta: {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    node: process.versions.node,
    chromium: execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim().replace(/\s+built on.*$/, ''),
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? '?',
    memGB: Math.round(os.totalmem() / 2 ** 30),
    loadavg: os.loadavg().map((x) => x.toFixed(1)),
    runs: opts.runs,
    pagesDir: hasPages ? opts.pages : null,
  },
  spaWindowMs: 2000,
};

// ── 6. Content script size ──
{
  // The content script is a plain script at the extension's root (wxt.config.ts); its underline
  // styles are inside it (an adopted sheet), so there is no separate CSS file any more.
  const dir = buildInfo.bundled.extensionDir;
  const js = readFileSync(join(dir, 'content.js'));
  const css = existsSync(join(dir, 'content.css')) ? readFileSync(join(dir, 'content.css')) : Buffer.alloc(0);
  const gz = (b) => (b.length ? gzipSync(b, { level: 9 }).length : 0);
  results.contentScript = { jsBytes: js.length, jsGzipBytes: gz(js), cssBytes: css.length, cssGzipBytes: gz(css) };
  results.contentScript.gzipBytes = results.contentScript.jsGzipBytes + results.contentScript.cssGzipBytes;
}

// ── Pages: scan, floor, mark.js, long tasks; hover; heap ──
const genDir = join(WORK, 'pages');
const pages = [...(hasPages ? realPages(opts.pages) : []), ...generatePages(genDir, pool)];
const server = await startServer({ '/real/': opts.pages, '/gen/': genDir });
if (opts.only.includes('pages')) {
  const ext = await launchExtension(buildInfo.bundled.extensionDir);
  const extEnglish = await launchExtension(buildInfo.englishNames.extensionDir);
  const base = await launch({});
  try {
    const aliases = await matcherPatterns(ext);
    const englishAliases = await matcherPatterns(extEnglish);
    log(`pages: ${pages.length} (${aliases.length} aliases for mark.js; ${englishAliases.length} with English names only), ${opts.runs} runs`);
    const runs = pages.map((page) => ({ page, ext: [], english: [], base: [] }));
    for (let r = 0; r < opts.runs; r++) {
      for (const entry of runs) {
        // Interleaved: with and without the extension back to back, so both see the same machine load.
        const scanAll = async () => entry.ext.push(await scanRun(ext, server.origin, entry.page, { spaWindowMs: results.spaWindowMs }));
        // The same load with the English names only (issue 20's target): one more scan per page,
        // no mark.js, none on the SPA page (its window is not a scan); which build goes first alternates.
        const scanEnglish = async () => entry.page.spa || entry.english.push(await scanRun(extEnglish, server.origin, entry.page));
        if (r % 2) await scanEnglish().then(scanAll);
        else await scanAll().then(scanEnglish);
        entry.base.push(await baselineRun(base, server.origin, entry.page, aliases, { markCapMs: opts.markCapMs }));
      }
      log(`  pages run ${r + 1}/${opts.runs} done`);
    }
    results.pages = summarizePages(runs);
    const lean = (scans) => scans.map(({ topSelf, topTotal, ...x }) => x);
    results.pageRuns = runs.map(({ page, ext, english, base }) => ({ page: page.name, ext: lean(ext), english: lean(english), base }));

    // Content-script heap on a typical page: tab heap with the extension minus without.
    const typical = pages.find((p) => p.name.includes('dev4510b')) ?? pages.find((p) => !p.spa);
    const deltas = [];
    for (let r = 0; r < opts.runs; r++) {
      const withExt = await pageHeap(ext.browser.cdp, server.origin, typical);
      const without = await pageHeap(base.cdp, server.origin, typical);
      deltas.push(withExt - without);
    }
    results.contentScript.heapPage = typical.name;
    results.contentScript.heapDelta = summary(deltas);
    log(`content-script heap on ${typical.name}: ${(summary(deltas).median / 1048576).toFixed(2)} MB`);
  } finally {
    await base.close();
    await closeExtension(extEnglish);
    await closeExtension(ext);
  }
}
// ── Hover: in a browser of its own, as the import and user-corpus measures (the pages' 90 loads,
// their tabs' teardown and the baseline browser otherwise still run beside the first hovers) ──
if (opts.only.includes('hover')) {
  const ext = await launchExtension(buildInfo.bundled.extensionDir);
  try {
    const hoverPage = pages.find((p) => p.name.includes('dev4510b')) ?? pages.find((p) => !p.spa && !p.name.includes('5MB'));
    const h = await measureHover(ext, server.origin, hoverPage, { warm: 20, cold: Math.max(5, opts.runs), log });
    results.hover = { page: hoverPage.name, ...h };
    // The same hovers with a team server connected (issue 21): the local card first, the team's part after.
    results.hoverTeam = await measureHoverWithTeam(ext, ROOT, server.origin, hoverPage, { warm: 20, log }).catch((e) => (log(`  hover with a team server: skipped (${e.message})`), undefined));
  } finally {
    await closeExtension(ext);
  }
}
// ── The user's corpus at scale: 10,000 imported documents, 1,000 aliases (issue 10) ──
if (opts.only.includes('usercorpus')) {
  log('user corpus: seeding 10,000 documents and 1,000 aliases through the options page\'s messages');
  const scanPages = pages.filter((p) => !p.spa && !p.shadowHosts && !p.name.includes('5MB')).slice(-4);
  // (COUNTERPOINT_BENCH_USER_DOCS: another size, e.g. 100000 for a researcher's archive, or less for a quick run.)
  const documents = Number(process.env.COUNTERPOINT_BENCH_USER_DOCS ?? 10000);
  const raw = await measureUserCorpus(buildInfo.bundled.extensionDir, { pool, pages: scanPages, origin: server.origin, runs: opts.runs, documents, log });
  results.userCorpus = summarizeUserCorpus(raw);
}
// ── The reader's own names marked (issue 18): 50 user names on a page, scroll and resize ──
if (opts.only.includes('marks')) {
  results.marks = await measureMarks(buildInfo.bundled.extensionDir, { pool, dir: genDir, origin: server.origin, prefix: '/gen/', runs: opts.runs, log });
}
await server.close();

// ── Corpora: search, cold start, index, heap ──
if (opts.only.includes('corpus')) {
  results.corpora = {};
  for (const name of opts.corpora) {
    log(`corpus ${name}`);
    const raw = await measureCorpus(buildInfo[name].extensionDir, { runs: opts.runs, floor: name === 'bundled', log });
    raw.backgroundBytes = buildInfo[name].backgroundBytes;
    raw.corpusFilesBytes = buildInfo[name].corpusFilesBytes;
    results.corpora[name] = summarizeCorpus(raw);
    results.corpora[name].searchTimesFirstRun = raw.searchTimes;
  }
}

// ── Import: 1,000 documents through the options page (bench/measure-import.mjs) ──
if (opts.only.includes('import')) {
  const runs = [];
  for (let r = 0; r < opts.runs; r++) {
    runs.push(await measureImport(buildInfo.bundled.extensionDir, { count: 1000, pool, workDir: join(WORK, 'import'), log }));
  }
  results.import = summarizeImport(runs);
  results.importRuns = runs;
}

// ── Team server (issue 21): PostgreSQL on loopback, opt-in (bench/measure-server.mjs) ──
if (opts.only.includes('server')) {
  const file = join(WORK, 'server.json');
  const args = ['vite-node', 'bench/measure-server.mjs', '--', '--docs', String(opts.serverDocs ?? 100000), '--out', file];
  const run = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status === 0) results.server = JSON.parse(readFileSync(file, 'utf8'));
  else log(`server: failed (exit ${run.status})`);
}

results.meta.totalMs = Date.now() - started;
results.builds = buildInfo;
results.targets = evaluateTargets(results);
const md = renderMarkdown(results);
writeFileSync(join(REPORT_DIR, 'results.json'), JSON.stringify(results, null, 1) + '\n');
// PERFORMANCE.md (the README's section) only from a complete run on the default page set.
const complete = ['pages', 'hover', 'corpus', 'import', 'usercorpus', 'marks'].every((m) => opts.only.includes(m)) && ['bundled', '1k', '10k'].every((c) => opts.corpora.includes(c)) && hasPages && opts.pages === DEFAULT_PAGES;
if (complete) {
  writeFileSync(
    join(REPORT_DIR, 'PERFORMANCE.md'),
    `## Performance\n\nLatest \`npm run bench\` (see bench/README.md for what each figure measures and how to reproduce it).\n\n${md}\n`,
  );
  updateReadme(); // README's targets table is this file's (bench/readme.mjs)
}
console.log('\n' + md + '\n');
const shown = (f) => relative(ROOT, join(REPORT_DIR, f)) || f;
log(`wrote ${shown('results.json')}${complete ? ` and ${shown('PERFORMANCE.md')}` : ` (partial run: ${shown('PERFORMANCE.md')} left as it was)`}`);
