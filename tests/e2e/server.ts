/**
 * A static file server on 127.0.0.1 for end-to-end tests and the demo: the project's own fixture
 * pages at /, and the real pages of ../shared/pages/ (publishers' content, read in place, never
 * copied into the project) at /real/ when that folder exists.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const REAL_PAGES_DIR = resolve(ROOT, '../shared/pages');
export const hasRealPages = () => existsSync(join(REAL_PAGES_DIR, 'PAGES.tsv'));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

export async function startServer(
  mounts: Record<string, string> = { '/': FIXTURES_DIR, '/real/': REAL_PAGES_DIR },
): Promise<StaticServer> {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end('not found');
    const base = mount[1];
    const file = normalize(join(base, path.slice(mount[0].length) || 'index.html'));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}
