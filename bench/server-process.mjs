/**
 * The team server in a process of its own, for bench/measure-server.mjs `--server-process`: the
 * bench's clients then no longer share its event loop (as the extension's worker, in the browser,
 * does not). Run by vite-node with the counterpoint_app connection string as its argument; prints
 * one JSON line, { base }, listens on 127.0.0.1, and when its standard input closes prints its
 * event loop's delay and CPU time since it started listening ({ eventLoopDelay, cpuMs }) and stops.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createPools } from '../server/src/db.ts';
import { buildApp } from '../server/src/app.ts';

const [url, poolSize] = process.argv.slice(2).filter((a) => a !== '--');
const pools = createPools(url, undefined, Number(poolSize ?? 20));
const app = await buildApp(pools, { rateLimit: 1e9 });
const base = await app.listen({ host: '127.0.0.1', port: 0 });
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const cpu = process.cpuUsage();
process.stdout.write(`${JSON.stringify({ base })}\n`);
process.stdin.resume();
process.stdin.on('end', async () => {
  loop.disable();
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${JSON.stringify({ eventLoopDelay: { p50: loop.percentile(50) / 1e6, p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 }, cpuMs: (used.user + used.system) / 1000 })}\n`);
  await app.close();
  await pools.end();
  process.exit(0);
});
