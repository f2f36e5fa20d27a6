/**
 * The team server's benchmark (issue 21), on loopback only: a throwaway PostgreSQL cluster
 * (server/src/cluster.ts), the server listening on 127.0.0.1, one team.
 *
 *   npx vite-node bench/measure-server.mjs -- [--docs 100000] [--batch 250] [--uploads 2] [--seconds 60]
 *                                             [--readers 50] [--writers 5] [--out FILE] [--keep DIR] [--server-process]
 *
 * 1. Bulk import: `--docs` generated documents (real paragraphs, bench/text.mjs; 3–8 each) filed
 *    through POST /v1/documents in batches of `--batch` drafts, `--uploads` requests at a time (as a
 *    bulk importer keeps the server busy: one batch is compiled while the last is written) →
 *    documents/s, passages stored.
 * 2. Idle: 200 searches (bench/queries.json) and cards of every gazetteer entity that has
 *    documents, one at a time → p50/p95, server-side (Fastify's reply time) and round trip.
 * 3. Load: `--readers` readers (card or search, at random) and `--writers` writers (one document
 *    per request) at once for `--seconds` → errors and p95s, against the idle ones; what the
 *    server's PostgreSQL connections were doing (pg_stat_activity every 200 ms: how many, on
 *    average, active, idle in a transaction, waiting on a lock) and the Node event loop's delay.
 * `--keep DIR`: the cluster lives in DIR and is kept after the run; a later run with the same DIR
 *    whose team already holds `--docs` documents skips step 1 (`import` is then null in the output:
 *    such a run measures idle and load only, and the load's writers have added their documents).
 * `--server-process`: the server runs in a process of its own (bench/server-process.mjs), not in
 *    this one beside its clients; `load.serverProcess` has its event loop's delay and CPU time. The
 *    server-side times are then the server's alone; `eventLoopDelay` and `cpuMsPerRequest` the clients'.
 * Run by vite-node (it imports the server's TypeScript); bench/run.mjs runs it with `--only server`.
 */
import { writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCluster } from '../server/src/cluster.ts';
import { migrate } from '../server/src/migrate.ts';
import { createPools } from '../server/src/db.ts';
import { createToken } from '../server/src/tokens.ts';
import { buildApp } from '../server/src/app.ts';
import { gazetteer } from '../corpus/gazetteer.ts';
import { paragraphPool, rng } from './text.mjs';
import { percentile } from './stats.mjs';

/** p50, p95 and the count of a list of milliseconds. */
const dist = (v) => ({ p50: percentile(v, 0.5), p95: percentile(v, 0.95), max: percentile(v, 1), n: v.length });

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2).filter((a) => a !== '--');
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const DOCS = Number(opt('docs', 100000));
const BATCH = Number(opt('batch', 250));
const UPLOADS = Number(opt('uploads', 2));
const SECONDS = Number(opt('seconds', 60));
const READERS = Number(opt('readers', 50));
const WRITERS = Number(opt('writers', 5));
const OUT = opt('out', undefined);
const SERVER_PROCESS = args.includes('--server-process');
const KEEP = opt('keep', undefined);
const log = (...a) => console.error('[server bench]', ...a);

const pool = paragraphPool({ pagesDir: undefined, documentsDir: join(ROOT, 'corpus/documents') });
const random = rng(21);
const pick = (list) => list[Math.floor(random() * list.length)];
const PERSPECTIVES = ['Iraqi government', 'Kurdish administration', 'US officials via US press', 'Humanitarian agency', 'Local journalist in Mosul', 'Syrian government media'];
function draft(i) {
  const n = 3 + Math.floor(random() * 6);
  const body = Array.from({ length: n }, () => pick(pool)).join('\n\n');
  const year = 2011 + Math.floor(random() * 9);
  return {
    fileName: `gen-${i}.txt`,
    meta: { title: `Generated ${i}`, author: '', outlet: 'Bench Wire', date: `${year}-0${1 + Math.floor(random() * 9)}`, dateApproximate: false, perspective: pick(PERSPECTIVES), url: '' },
    body,
  };
}

const loadBefore = os.loadavg()[0];
const cluster = await startCluster(KEEP ? { dir: resolve(KEEP) } : {});
const pools = createPools(cluster.url('counterpoint_app'), undefined, Number(opt('pool', 20)));
let app;
let child;
let childLines;
try {
  await migrate(cluster.url());
  const { token } = await createToken(cluster.url(), 'bench-desk', 'writer');
  let base;
  if (SERVER_PROCESS) {
    child = spawn('npx', ['vite-node', join(ROOT, 'bench/server-process.mjs'), '--', cluster.url('counterpoint_app'), opt('pool', '20')], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    childLines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    base = JSON.parse((await childLines.next()).value).base;
  } else {
    app = await buildApp(pools, { rateLimit: 1e9 });
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  }
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  async function call(method, path, body) {
    const t0 = performance.now();
    const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    const roundTrip = performance.now() - t0;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 200)}`);
    return { json: JSON.parse(text), roundTrip, server: Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1]) };
  }

  const admin = (await import('pg')).default;
  const c = new admin.Client(cluster.url());
  await c.connect();
  const stored = Number((await c.query('SELECT count(*) FROM documents')).rows[0].count);
  const reuse = KEEP !== undefined && stored >= DOCS;
  if (reuse) log(`reusing ${KEEP}: ${stored} documents already filed, no import`);

  // 1. Bulk import.
  const t0 = performance.now();
  let next = reuse ? DOCS : 0;
  const uploader = async () => {
    while (next < DOCS) {
      const i = next;
      next += BATCH;
      const drafts = Array.from({ length: Math.min(BATCH, DOCS - i) }, (_, k) => draft(i + k));
      await call('POST', '/v1/documents', { drafts });
      if ((i / BATCH) % 40 === 0) log(`imported ${i + drafts.length} / ${DOCS} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  };
  await Promise.all(Array.from({ length: UPLOADS }, uploader));
  const importSeconds = (performance.now() - t0) / 1000;
  const passages = Number((await c.query('SELECT count(*) FROM passages')).rows[0].count);
  const withDocs = (await c.query('SELECT entity_id, count(*)::int AS n FROM document_entities GROUP BY entity_id ORDER BY n DESC')).rows;
  if (!reuse) await c.query('VACUUM ANALYZE');
  const dbBytes = Number((await c.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
  await c.end();
  if (!reuse) log(`import: ${DOCS} documents, ${passages} passages in ${importSeconds.toFixed(0)} s`);

  // 2. Idle.
  const queries = JSON.parse(readFileSync(join(ROOT, 'bench/queries.json'), 'utf8')).queries.map((q) => q.q);
  const entityIds = withDocs.map((r) => r.entity_id).filter((id) => gazetteer.some((e) => e.id === id));
  const idle = { search: { server: [], roundTrip: [] }, card: { server: [], roundTrip: [] } };
  // This process's CPU time per request (the server's and its clients'): what a request costs, which the
  // machine's load does not change as much as it changes the times waited.
  const cpuMs = (since) => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1000;
  };
  const idleCpu = process.cpuUsage();
  for (const q of queries) {
    const r = await call('POST', '/v1/search', { query: q });
    idle.search.server.push(r.server);
    idle.search.roundTrip.push(r.roundTrip);
  }
  for (const id of entityIds) {
    const r = await call('GET', `/v1/entities/${id}/card`);
    idle.card.server.push(r.server);
    idle.card.roundTrip.push(r.roundTrip);
  }
  const idleCpuMs = cpuMs(idleCpu) / (idle.search.server.length + idle.card.server.length);
  log(`idle: search p95 ${dist(idle.search.server).p95.toFixed(1)} ms, card p95 ${dist(idle.card.server).p95.toFixed(1)} ms (server-side)`);

  // 3. Load.
  const load = { search: { server: [], roundTrip: [] }, card: { server: [], roundTrip: [] }, write: { server: [], roundTrip: [] }, errors: [] };
  const until = performance.now() + SECONDS * 1000;
  let n = DOCS + stored + 1;
  const reader = async () => {
    while (performance.now() < until) {
      const search = random() < 0.5;
      try {
        const r = search ? await call('POST', '/v1/search', { query: pick(queries) }) : await call('GET', `/v1/entities/${pick(entityIds)}/card`);
        const into = search ? load.search : load.card;
        into.server.push(r.server);
        into.roundTrip.push(r.roundTrip);
      } catch (e) {
        load.errors.push(String(e).slice(0, 200));
      }
    }
  };
  const writer = async () => {
    while (performance.now() < until) {
      try {
        const r = await call('POST', '/v1/documents', { drafts: [draft(n++)] });
        load.write.server.push(r.server);
        load.write.roundTrip.push(r.roundTrip);
      } catch (e) {
        load.errors.push(String(e).slice(0, 200));
      }
    }
  };
  // What the server's connections are doing (sampled every 200 ms as the owner: active, idle in a
  // transaction while Node computes, waiting on a lock…) and how late the Node event loop runs.
  const watch = new admin.Client(cluster.url());
  await watch.connect();
  const states = new Map();
  let samples = 0;
  const sampler = (async () => {
    while (performance.now() < until) {
      const { rows } = await watch.query("SELECT state, coalesce(wait_event_type || ':' || wait_event, '') AS wait FROM pg_stat_activity WHERE usename = 'counterpoint_app' AND pid <> pg_backend_pid()");
      samples++;
      for (const r of rows) states.set(`${r.state}${r.wait ? ` (${r.wait})` : ''}`, (states.get(`${r.state}${r.wait ? ` (${r.wait})` : ''}`) ?? 0) + 1);
      await new Promise((ok) => setTimeout(ok, 200));
    }
  })();
  const loadCpu = process.cpuUsage();
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  await Promise.all([...Array.from({ length: READERS }, reader), ...Array.from({ length: WRITERS }, writer), sampler]);
  loop.disable();
  const loadCpuMs = cpuMs(loadCpu) / (load.search.server.length + load.card.server.length + load.write.server.length);
  await watch.end();
  /** Connections in each state, on average over the samples. */
  const connections = Object.fromEntries([...states].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, Number((n / samples).toFixed(2))]));
  const eventLoopDelay = { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 };
  let serverProcess;
  if (child) {
    child.stdin.end();
    serverProcess = JSON.parse((await childLines.next()).value);
    child = undefined;
  }
  const sum = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { server: dist(v.server), roundTrip: dist(v.roundTrip) }]));
  const result = {
    machine: { cpus: os.cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: os.loadavg()[0] },
    documents: reuse ? stored : DOCS,
    passages,
    dbBytes,
    import: reuse ? null : { seconds: importSeconds, docsPerSecond: DOCS / importSeconds, batch: BATCH, uploads: UPLOADS },
    idle: { ...sum(idle), cpuMsPerRequest: idleCpuMs },
    load: { seconds: SECONDS, readers: READERS, writers: WRITERS, errors: load.errors.length, firstErrors: load.errors.slice(0, 3), ...sum({ search: load.search, card: load.card, write: load.write }), connections, eventLoopDelay, cpuMsPerRequest: loadCpuMs, ...(serverProcess ? { serverProcess } : {}) },
  };
  log(`load: ${load.errors.length} errors; search p95 ${result.load.search.server.p95.toFixed(1)} ms, card p95 ${result.load.card.server.p95.toFixed(1)} ms (server-side)`);
  const json = JSON.stringify(result, null, 1);
  if (OUT) writeFileSync(OUT, json + '\n');
  console.log(json);
} finally {
  child?.stdin.end();
  await app?.close();
  await pools.end();
  await cluster.stop();
}
