/**
 * Turns the raw measures into the results table: targets with PASS/MISS, per-page scan ratios,
 * corpus figures. Prints it, and writes bench/PERFORMANCE.md (the README's "Performance" section).
 */
import { fmt, median, percentile, summary } from './stats.mjs';

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const ms = (x, d = 1) => (Number.isFinite(x) ? `${x.toFixed(d)} ms` : '—');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(x >= 100 ? 0 : 1)}×` : '—');
const ratio2 = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
const spreadRatio = (s, f = ratio) => (s && Number.isFinite(s.median) ? `${f(s.median)} (${f(s.min)}–${f(s.max)})` : '—');

/** Per-page summaries from the runs. */
export function summarizePages(pageRuns) {
  return pageRuns.map(({ page, ext, base, english = [] }) => {
    const scan = summary(ext.map((r) => r.scanMs));
    const cpu = ext.every((r) => r.scanCpuMs > 0) ? summary(ext.map((r) => r.scanCpuMs)) : null;
    const floor = summary(ext.map((r) => r.floorMs));
    const oursFloor = summary(ext.map((r) => r.scanMs / r.floorMs));
    const firstReads = ext.filter((r) => r.floorFirstMs > 0);
    const floorFirst = firstReads.length ? summary(firstReads.map((r) => r.floorFirstMs)) : null;
    const oursFirst = firstReads.length ? summary(firstReads.map((r) => r.scanMs / r.floorFirstMs)) : null;
    const marks = base.map((b) => b.markjs).filter(Boolean);
    // mark.js over every alias; a run stopped at the cap is extrapolated (aliases are marked one by one).
    const markFull = marks.map((m) => (m.done < m.total ? (m.ms * m.total) / m.done : m.ms));
    const capped = marks.some((m) => m.done < m.total);
    const n = Math.min(marks.length, ext.length);
    const markOurs = summary(Array.from({ length: n }, (_, i) => markFull[i] / ext[i].scanMs));
    // Every language's names / the English names only: the same page, the two loads back to back, run by run.
    const e = Math.min(english.length, ext.length);
    const namesOverEnglish = e ? summary(Array.from({ length: e }, (_, i) => ext[i].scanMs / english[i].scanMs)) : null;
    return {
      name: page.name,
      bytes: page.bytes,
      generated: page.generated,
      spa: !!page.spa,
      textChars: ext[0]?.textChars,
      highlights: median(ext.map((r) => r.highlights)),
      scanMs: scan,
      scanCpuMs: cpu,
      floorMs: floor,
      oursOverFloor: oursFloor,
      floorFirstMs: floorFirst,
      oursOverFloorFirst: oursFirst,
      markjsMs: marks.length ? summary(markFull) : null,
      markjsCapped: capped,
      markjsOverOurs: marks.length ? markOurs : null,
      englishScanMs: e ? summary(english.map((r) => r.scanMs)) : null,
      namesOverEnglish,
      longTasksOurs: Math.max(...ext.map((r) => r.longTasksOurs ?? 0)),
      longTasksOursMs: ext.flatMap((r) => r.longTasksOursMs ?? []),
      longTasksPageExt: median(ext.map((r) => r.longTasksPage)),
      longTasksPageBase: median(base.map((b) => b.longTasksPage)),
      updatesPerSecond: page.spa ? median(ext.map((r) => r.updatesPerSecond)) : undefined,
      topFunctions: ext[0]?.topTotal?.slice(0, 8),
    };
  });
}

export function evaluateTargets(r) {
  const t = [];
  const add = (name, value, shown, target, pass) => t.push({ name, value, shown, target, pass });
  const staticPages = (r.pages ?? []).filter((p) => !p.spa);
  if (staticPages.length) {
    const ratios = staticPages.map((p) => p.oursOverFloor.median);
    const m = median(ratios);
    add('Page scan / floor (median of pages)', m, ratio(m), '≤ 2×', m <= 2);
    const quiet = median(staticPages.filter((p) => p.highlights === 0).map((p) => p.oursOverFloor.median));
    if (Number.isFinite(quiet)) add('Page scan / floor, pages with no mention (median)', quiet, ratio(quiet), '≤ 1.5×', quiet <= 1.5);
    const first = median(staticPages.filter((p) => p.oursOverFloorFirst).map((p) => p.oursOverFloorFirst.median));
    if (Number.isFinite(first)) add('Page scan / the floor\'s first read, its code cold as a content script\'s (median of pages)', first, ratio(first), 'reported', true);
    const mk = staticPages.filter((p) => p.markjsOverOurs).map((p) => p.markjsOverOurs.median);
    const mm = median(mk);
    add('mark.js / scan (median of pages)', mm, ratio(mm), '≥ 50×', mm >= 50);
    const nr = median(staticPages.filter((p) => p.namesOverEnglish).map((p) => p.namesOverEnglish.median));
    if (Number.isFinite(nr)) add('Page scan with every language\'s names / English names only (median of pages)', nr, ratio2(nr), '≤ 1.2×', nr <= 1.2);
  }
  if (r.pages?.length) {
    const lt = r.pages.reduce((a, p) => a + p.longTasksOurs, 0);
    add('Long tasks caused by the extension (all pages)', lt, String(lt), '0', lt === 0);
  }
  if (r.hover) {
    const p95 = percentile(r.hover.warm, 0.95);
    add('Hover → card painted, p95, warm worker', p95, ms(p95), '≤ 16 ms', p95 <= 16);
    if (r.hover.fresh?.length) {
      const f95 = percentile(r.hover.fresh, 0.95);
      add('Hover → first card on a fresh page, p95', f95, ms(f95), '≤ 16 ms', f95 <= 16);
    }
  }
  if (r.hoverTeam?.warm.length) {
    const t95 = percentile(r.hoverTeam.warm, 0.95);
    add('Hover → card painted, p95, team server connected (local card first)', t95, ms(t95), '≤ 16 ms', t95 <= 16);
  }
  const c = r.corpora ?? {};
  if (c.bundled) add('Search p95, bundled corpus (in worker)', c.bundled.searchP95.median, ms(c.bundled.searchP95.median, 2), '≤ 2 ms', c.bundled.searchP95.median <= 2);
  if (c['10k']) add('Search p95, 10k documents (in worker)', c['10k'].searchP95.median, ms(c['10k'].searchP95.median, 2), '≤ 20 ms', c['10k'].searchP95.median <= 20);
  if (c.bundled) {
    const floor = c.bundled.coldFloorMs ? ` (a bare extension: ${ms(c.bundled.coldFloorMs.median)})` : '';
    add('Cold start → first answer, bundled', c.bundled.coldLookupMs.median, `${ms(c.bundled.coldLookupMs.median)}${floor}`, '≤ 30 ms', c.bundled.coldLookupMs.median <= 30);
  }
  if (c['10k']) add('Cold start → first answer, 10k documents', c['10k'].coldLookupMs.median, ms(c['10k'].coldLookupMs.median, 0), '≤ 300 ms', c['10k'].coldLookupMs.median <= 300);
  if (r.import) {
    const i = r.import;
    add(`Import ${i.documents} files: long tasks > 50 ms in the options page (besides the browser's file list)`, i.longTasks.count, `${i.longTasks.count}${i.longTasks.count ? ` (max ${i.longTasks.maxMs} ms)` : ''}`, '0', i.longTasks.count === 0);
  }
  const u = r.userCorpus;
  if (u) {
    add('Cold start → first card, 10k imported docs + 1k aliases', u.coldSavedCardMs.median, ms(u.coldSavedCardMs.median, 0), '≤ 300 ms', u.coldSavedCardMs.median <= 300);
    add('… the same, no card saved ahead (worker stopped right after the imports)', u.coldFirstCardMs.median, ms(u.coldFirstCardMs.median, 0), '≤ 100 ms', u.coldFirstCardMs.median <= 100);
    if (u.coldRestartCardMs?.median !== undefined) add('… the same after a browser restart', u.coldRestartCardMs.median, ms(u.coldRestartCardMs.median, 0), '≤ 300 ms', u.coldRestartCardMs.median <= 300);
    add('Search p95, 10k imported docs + 1k aliases (in worker)', u.searchP95.median, ms(u.searchP95.median, 2), '≤ 20 ms', u.searchP95.median <= 20);
    add('Cold start → first search answer, 10k imported docs (index saved by an earlier worker)', u.coldSearchMs.median, ms(u.coldSearchMs.median, 0), '≤ 300 ms', u.coldSearchMs.median <= 300);
    if (Number.isFinite(u.scanRatio)) add('Content script start+scan, 1k user aliases / bundled only (median of pages)', u.scanRatio, ratio(u.scanRatio), '≤ 1.1×', u.scanRatio <= 1.1);
  }
  if (r.marks) {
    const m = r.marks;
    add(`${m.names} user names marked on a page: extra main-thread time on scroll and resize; long tasks`, m.extraMs, `${ms(m.extraMs)} (${ms(m.markedMs)} marked / ${ms(m.twinMs)} twin page); ${m.longTasks}`, 'reported; no long task', m.longTasks === 0);
  }
  if (r.contentScript) {
    const g = r.contentScript.gzipBytes;
    add('Content script size (JS + CSS, gzip)', g, kb(g), '≤ 30 KB', g <= 30 * 1024);
  }
  return t;
}

/** Aggregates one corpus's runs. */
export function summarizeCorpus(raw) {
  const s = (k) => summary(raw[k]);
  return {
    shape: raw.shape,
    coldLookupMs: s('coldLookupMs'),
    coldFloorMs: raw.coldFloorMs ? s('coldFloorMs') : undefined,
    workerStartMs: s('workerStartMs'),
    workerMainMs: s('workerMainMs'),
    searchAnswerBytes: raw.searchAnswerBytes,
    searchAnswerSourcesBytes: raw.searchAnswerSourcesBytes,
    coldSearchMs: s('coldSearchMs'),
    indexBuildMs: s('indexBuildMs'),
    corpusLoadMs: raw.corpusLoadMs ? s('corpusLoadMs') : undefined,
    lookupDuringLoadMaxMs: raw.lookupDuringLoadMaxMs ? s('lookupDuringLoadMaxMs') : undefined,
    lookupDuringLoadCount: raw.lookupDuringLoadCount ? s('lookupDuringLoadCount') : undefined,
    heapCorpusBytes: s('heapCorpusBytes'),
    heapIndexBytes: s('heapIndexBytes'),
    searchP50: s('searchP50'),
    searchP95: s('searchP95'),
    ipcP50: s('ipcP50'),
    ipcP95: s('ipcP95'),
    lookupWarmMs: s('lookupWarmMs'),
    backgroundBytes: raw.backgroundBytes,
    corpusFilesBytes: raw.corpusFilesBytes,
  };
}

/**
 * Aggregates the import runs (bench/measure-import.mjs). Long tasks: the import's own (any long
 * task of the options page, except the one in which the browser built the file list, unless the
 * page's share of that one, after the change event, is itself > 50 ms); the file-list task
 * apart, with its floor (the same files in a bare <input type=file>).
 */
export function summarizeImport(runs) {
  const s = (f) => summary(runs.map(f));
  const own = runs.flatMap((r) => r.longTasks.flatMap((t) => (!t.fileList ? [t.ms] : t.afterChangeMs > 50 ? [t.afterChangeMs] : [])));
  const list = runs.flatMap((r) => r.longTasks.filter((t) => t.fileList));
  const singles = runs.flatMap((r) => r.singleMs);
  return {
    documents: runs[0].documents,
    readMs: s((r) => r.readMs),
    saveMs: s((r) => r.saveMs),
    totalMs: s((r) => r.totalMs),
    perDocumentMs: { median: percentile(singles, 0.5), p95: percentile(singles, 0.95), count: singles.length },
    storageMB: s((r) => r.storageBytes / 1048576),
    longTasks: { count: own.length, maxMs: Math.max(0, ...own), phases: runs.flatMap((r) => r.longTasks.filter((t) => !t.fileList).map((t) => t.phase)) },
    fileList: { beforeChangeMs: summary(list.map((t) => t.beforeChangeMs)), afterChangeMs: summary(list.map((t) => t.afterChangeMs)), floorMs: summary(runs.map((r) => Math.max(0, ...r.fileListFloorLongTasks))) },
  };
}

function renderImport(i) {
  return [
    '',
    `### 7. Import: ${i.documents} documents through the options page`,
    '',
    `Real-text .md files (front matter, 3–8 paragraphs) chosen in the options page's file input (CDP DOM.setFileInputFiles, as a file picker: the browser makes the File objects), then its Save button; the documents are saved in parts committed in one transaction. Per document: single files saved one at a time in the same page (${i.perDocumentMs.count} saves). Long tasks: PerformanceObserver in the options page, from choosing the files to "Saved". The browser builds the 1,000 File objects in one task before the input's change event: shown apart, with the same files in a bare <input type=file> in a page without script (the floor).`,
    '',
    table(['', 'Result'], [
      ['Reading the files → drafts shown', `${fmt(i.readMs, 0)} ms`],
      ['Save → "Saved" (all in one transaction)', `${fmt(i.saveMs, 0)} ms`],
      ['Total (read + save)', `${fmt(i.totalMs, 0)} ms`],
      ['Per document (one file saved alone): median / p95', `${ms(i.perDocumentMs.median, 0)} / ${ms(i.perDocumentMs.p95, 0)}`],
      ['Storage used', `${fmt(i.storageMB, 1)} MB`],
      ['Long tasks of the import (count; max)', `${i.longTasks.count}; ${i.longTasks.count ? ms(i.longTasks.maxMs, 0) : '—'}`],
      ['The browser building the file list: before the change event / the page\'s handler after it', `${fmt(i.fileList.beforeChangeMs, 0)} / ${fmt(i.fileList.afterChangeMs, 0)} ms`],
      ['… the same files in a bare <input type=file> (floor)', `${fmt(i.fileList.floorMs, 0)} ms`],
    ]),
  ];
}

/** Aggregates the user-corpus measure (bench/measure-usercorpus.mjs). */
export function summarizeUserCorpus(raw) {
  const keys = ['coldFirstCardMs', 'coldSavedCardMs', 'coldRestartCardMs', 'coldSearchMs', 'corpusLoadMs', 'indexMs', 'lookupDuringLoadMaxMs', 'searchP50', 'searchP95', 'ipcP50', 'ipcP95'];
  return { ...raw, ...Object.fromEntries(keys.map((k) => [k, summary(raw[k])])) };
}

function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function renderMarkdown(r) {
  const out = [];
  const m = r.meta;
  out.push(`Measured ${m.date} on ${m.cpus} × ${m.cpuModel}, ${m.memGB} GB, load average ${m.loadavg.join(' / ')} at start; ${m.chromium}, Node ${m.node}. ${m.runs} runs per measure (median, with min–max in brackets); whole run ${(m.totalMs / 60000).toFixed(1)} min.`);
  out.push('');
  out.push('### Targets');
  out.push('');
  out.push(table(['Measure', 'Result', 'Target', ''], r.targets.map((t) => [t.name, t.shown, t.target, t.pass ? 'PASS' : '**MISS**'])));
  if (r.pages?.length) {
    out.push('');
    out.push('### 1–2. Page scan and long tasks');
    out.push('');
    out.push('Scan: main-thread time of the content script on a fresh load (script start, settings and matcher data, first scan, highlights), from CPU-profiler samples (wall-clock: a sample lasts as long as the thread waited for a core, so it grows with the machine\'s load). Scan, CPU: the same on the thread\'s own clock (each task\'s thread time × our share of its samples), what the load does not move. Floor: a TreeWalker reading every character of the same page\'s text nodes, same tab, the median of 5 reads in a row; first read: the first of those 5, its code run once (cold), as a content script\'s code is on a fresh page. mark.js 8: the same aliases on a fresh load without the extension (">": stopped at the time cap, the ratio extrapolated from the aliases done, one alias at a time). Long tasks: tasks > 50 ms of the page\'s main thread that the content script made long (ran in, and without its share the task would not be long); max over runs. All names / English: the scan with every language\'s names over the scan of a build whose gazetteer has the English names only (bench/build.mjs --english-names), the two loads back to back in each run.');
    out.push('');
    out.push(
      table(
        ['Page', 'Text', 'Mentions', 'Scan', 'Scan, CPU', 'Floor', 'Scan / floor', 'Floor, first read', 'Scan / first read', 'mark.js', 'mark.js / scan', 'All names / English', 'Long tasks'],
        r.pages.map((p) => [
          p.name + (p.spa ? ` (${p.updatesPerSecond} updates/s, per ${r.spaWindowMs / 1000} s)` : ''),
          `${(p.textChars / 1000).toFixed(0)} k`,
          String(p.highlights),
          fmt(p.scanMs, 1),
          p.scanCpuMs ? fmt(p.scanCpuMs, 1) : 'n/a',
          fmt(p.floorMs, 1),
          spreadRatio(p.oursOverFloor),
          p.floorFirstMs ? fmt(p.floorFirstMs, 1) : 'n/a',
          p.oursOverFloorFirst ? spreadRatio(p.oursOverFloorFirst) : 'n/a',
          p.markjsMs ? (p.markjsCapped ? '>' : '') + fmt(p.markjsMs, 0) : 'n/a',
          p.markjsOverOurs ? (p.markjsCapped ? '≈' : '') + spreadRatio(p.markjsOverOurs) : 'n/a',
          p.namesOverEnglish ? spreadRatio(p.namesOverEnglish, ratio2) : 'n/a',
          String(p.longTasksOurs),
        ]),
      ),
    );
  }
  if (r.hover) {
    const h = r.hover;
    out.push('');
    out.push('### 3. Hover → card painted');
    out.push('');
    out.push(`Page ${h.page}; from the pointer's rest to the first painted frame of the loaded card (its frame shown and its data rendered in it), minus the configured delay (${h.delayMs} ms).`);
    out.push('');
    out.push(
      table(['Worker', 'Hovers', 'p50', 'p95'], [
        ['warm', String(h.warm.length), ms(percentile(h.warm, 0.5)), ms(percentile(h.warm, 0.95))],
        ...(h.fresh?.length ? [['first card on a fresh page', String(h.fresh.length), ms(percentile(h.fresh, 0.5)), ms(percentile(h.fresh, 0.95))]] : []),
        ['just started (fresh page too)', String(h.cold.length), ms(percentile(h.cold, 0.5)), ms(percentile(h.cold, 0.95))],
        ...(r.hoverTeam?.warm.length ? [['warm, a team server connected (bench/measure-hoverteam.mjs)', String(r.hoverTeam.warm.length), ms(percentile(r.hoverTeam.warm, 0.5)), ms(percentile(r.hoverTeam.warm, 0.95))]] : []),
      ]),
    );
  }
  const names = Object.keys(r.corpora ?? {});
  if (names.length) {
    out.push('');
    out.push('### 4–5. Search, cold start, index, memory');
    out.push('');
    out.push('Search: the fixed 200 queries of bench/queries.json, timed inside the service worker (CorpusStore.search, each query the median of 3 passes after a warm-up pass; the targets apply to this) and as message round trips from an extension page. Cold start: the worker stopped (CDP ServiceWorker.stopAllWorkers), then one message from an extension page, send → answer. A card lookup needs one precomputed card file; the first search loads the corpus files and imports the index exported at build time, in slices, while a card lookup is sent every 50 ms (the slowest of those is shown). Heap: the worker\'s JS heap after GC.');
    out.push('');
    const c = r.corpora;
    const row = (label, f) => [label, ...names.map((n) => f(c[n]))];
    out.push(
      table(['', ...names.map((n) => `${n} (${c[n].shape.documents} docs, ${c[n].shape.passages} passages)`)], [
        row('background.js; corpus files (corpus/)', (x) => `${mb(x.backgroundBytes)}; ${x.corpusFilesBytes ? mb(x.corpusFilesBytes) : '—'}`),
        row('Search p50 / p95, in worker', (x) => `${fmt(x.searchP50, 2)} / ${fmt(x.searchP95, 2)} ms`),
        row('Search p50 / p95, message round trip (50 queries)', (x) => `${fmt(x.ipcP50, 1)} / ${fmt(x.ipcP95, 1)} ms`),
        row('Search answer size ("Mosul"; of which the sources list)', (x) => `${kb(x.searchAnswerBytes)} (${kb(x.searchAnswerSourcesBytes)})`),
        row('Cold start → first answer (card lookup)', (x) => `${fmt(x.coldLookupMs, 1)} ms`),
        row('… of which: worker start → background main() ran', (x) => `${fmt(x.workerMainMs, 1)} ms`),
        ...(names.some((n) => c[n].coldFloorMs) ? [row('… the same for a bare extension, whose worker only answers (bench/measure-coldfloor.mjs; the browser\'s floor)', (x) => (x.coldFloorMs ? `${fmt(x.coldFloorMs, 1)} ms` : '—'))] : []),
        row('Cold start → first search answer (loads the corpus and the index)', (x) => `${fmt(x.coldSearchMs, 0)} ms`),
        row('… of which: loading the corpus files', (x) => (x.corpusLoadMs?.median ? `${fmt(x.corpusLoadMs, 0)} ms` : '—')),
        row('… then: the index (imported, or built)', (x) => `${fmt(x.indexBuildMs, 0)} ms`),
        row('Card lookups during the first search (how many; slowest)', (x) => (x.lookupDuringLoadMaxMs ? `${fmt(x.lookupDuringLoadCount, 0)}; ${fmt(x.lookupDuringLoadMaxMs, 0)} ms` : '—')),
        row('Worker heap: after a cold card lookup', (x) => mb(x.heapCorpusBytes.median)),
        row('Worker heap: with the index', (x) => mb(x.heapIndexBytes.median)),
        row('Card lookup, warm, round trip', (x) => `${fmt(x.lookupWarmMs, 1)} ms`),
      ]),
    );
  }
  if (r.contentScript) {
    const cs = r.contentScript;
    out.push('');
    out.push('### 6. Content script');
    out.push('');
    out.push(`content.js ${kb(cs.jsBytes)} (${kb(cs.jsGzipBytes)} gzip) + content.css ${kb(cs.cssBytes)} (${kb(cs.cssGzipBytes)} gzip). JS heap on ${cs.heapPage}: ${cs.heapDelta ? `${fmt({ ...cs.heapDelta, median: cs.heapDelta.median / 1048576, min: cs.heapDelta.min / 1048576, max: cs.heapDelta.max / 1048576 }, 2)} MB` : '—'} (tab heap with the extension minus without, after GC).`);
  }
  if (r.import) out.push(...renderImport(r.import));
  if (r.userCorpus) {
    const u = r.userCorpus;
    out.push('');
    out.push('### 8. The user’s corpus at scale');
    out.push('');
    out.push(`Bundled build, the user store seeded through the options page’s messages: ${u.userEntities} user entities and ${u.userAliases} aliases (${(u.namesMs / 1000).toFixed(0)} s), then ${u.shape.userDocuments} real-text documents in batches of 500 (${(u.importMs / 1000).toFixed(0)} s); ${u.shape.documents} documents, ${u.shape.passages} passages in all. Cold start: the worker stopped, then one message. Content script: start + scan time (as in 1.) on ${u.scan?.length ?? 0} pages before and after the seeding.`);
    out.push('');
    out.push(
      table(['Measure', 'Result'], [
        ['Cold start → first card of an entity the imports touch (its card computed ahead and saved after the imports)', `${fmt(u.coldSavedCardMs, 0)} ms`],
        ['Cold start → first card, no card saved (from the entity’s passages alone)', `${fmt(u.coldFirstCardMs, 0)} ms`],
        ...(u.coldRestartCardMs?.median !== undefined ? [['Browser restarted, worker stopped → first card (storage.session empty, IndexedDB opened anew)', `${fmt(u.coldRestartCardMs, 0)} ms`]] : []),
        ['Computing the touched cards ahead after the last import (in the background)', `${(u.settleMs / 1000).toFixed(1)} s`],
        ['Cards include the user’s documents', u.cards.every((c) => c.user) ? 'yes' : `**no** (${u.cards.filter((c) => !c.user).map((c) => c.id).join(', ')})`],
        ['Cold start → first search answer; slowest card meanwhile', `${fmt(u.coldSearchMs, 0)} ms; ${fmt(u.lookupDuringLoadMaxMs, 0)} ms`],
        ['… of which: loading the bundled corpus and the user’s documents; then the index (how)', `${fmt(u.corpusLoadMs, 0)} ms; ${fmt(u.indexMs, 0)} ms (${[...new Set(u.indexHow ?? [])].join(', ') || '—'})`],
        ...(u.indexFirstEver?.save ? [['First search ever on this corpus (index built, then saved in the background): answer; saving it; its size; storage used', `${Number.isFinite(u.indexFirstEver.searchMs) ? u.indexFirstEver.searchMs.toFixed(0) : '—'} ms (corpus ${u.indexFirstEver.corpusMs?.toFixed(0)} ms, index ${u.indexFirstEver.how} in ${u.indexFirstEver.indexMs?.toFixed(0)} ms); ${((u.indexFirstEver.save?.ms ?? NaN) / 1000).toFixed(1)} s; ${((u.indexFirstEver.save?.chars ?? NaN) / 1e6).toFixed(1)} M chars in ${u.indexFirstEver.save?.chunks} chunks; ${(u.indexFirstEver.storageBytes / 1e6).toFixed(0)} MB`]] : []),
        ['Search p50 / p95, in worker', `${fmt(u.searchP50, 2)} / ${fmt(u.searchP95, 2)} ms`],
        ['Search p50 / p95, round trip (50 queries)', `${fmt(u.ipcP50, 1)} / ${fmt(u.ipcP95, 1)} ms`],
        ...(u.scan ?? []).map((s) => [`Content script start+scan, ${s.page}: with / without the aliases`, `${s.withMs.toFixed(1)} / ${s.withoutMs.toFixed(1)} ms (${ratio(s.ratio)})`]),
      ]),
    );
  }
  return out.join('\n');
}
