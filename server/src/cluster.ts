/**
 * A local PostgreSQL cluster from Debian's `postgresql` package (server/README.md says why not an
 * embedded one): initdb into a directory, started with pg_ctl on 127.0.0.1 only, no Unix socket.
 * initdb and postgres refuse to run as root, so as root (CI) every command runs as the `postgres`
 * user (`runuser`), which owns the directory. Used by `npm run server` (a kept directory), by the
 * tests and the bench (a temporary one, removed on stop), and for a streaming replica
 * (`startReplica`: pg_basebackup -R from a running primary).
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The superuser of a local cluster (trust on 127.0.0.1: a local, throwaway or developer cluster). */
const ADMIN_USER = 'postgres';

export interface Cluster {
  dir: string;
  port: number;
  /** Connection string of `user` (the admin by default) to database `postgres`. */
  url(user?: string): string;
  stop(): Promise<void>;
}

/** The directory of PostgreSQL's programs: $PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
function pgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const versions = ['17', '16', '15', '14', '13'];
  for (const v of versions) if (existsSync(`/usr/lib/postgresql/${v}/bin/initdb`)) return `/usr/lib/postgresql/${v}/bin`;
  throw new Error('PostgreSQL not found: install Debian\'s postgresql package (apt-get install -y postgresql) or set PG_BIN');
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
async function pg(program: string, args: string[]): Promise<string> {
  const bin = join(pgBin(), program);
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const { stdout } = await run(file, argv, { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** A directory the cluster's user owns. */
function ownedDir(dir?: string): string {
  const path = dir ?? mkdtempSync(join(tmpdir(), 'counterpoint-pg-'));
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
    chownSync(path, uid, gid);
  }
  return path;
}

/** A TCP port nobody listens on at this moment. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const urlFor = (port: number) => (user = ADMIN_USER) => `postgres://${user}@127.0.0.1:${port}/postgres`;

/**
 * shared_buffers: PostgreSQL's default, 128 MB, holds a tenth of a 100,000-document team (1.5 GB);
 * every search then read its passages' pages from the operating system's cache, one system call
 * each (a phrase search at 100,000 documents: 1.2–1.9 s with 128 MB, 60–80 ms with 1 GB once its
 * pages had been read, on a machine at load 9).
 * Memory is taken as pages are used, not at start.
 */
function settings(port: number): string {
  return `\n# counterpoint (server/src/cluster.ts)\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nmax_connections = 200\nshared_buffers = ${process.env.COUNTERPOINT_PG_SHARED_BUFFERS ?? '1GB'}\nfsync = ${process.env.COUNTERPOINT_PG_FSYNC ?? 'on'}\n`;
}

async function started(dir: string, port: number, temporary: boolean): Promise<Cluster> {
  const data = join(dir, 'data');
  await pg('pg_ctl', ['start', '-w', '-t', '60', '-D', data, '-l', join(dir, 'log'), '-o', `-p ${port}`]);
  return {
    dir,
    port,
    url: urlFor(port),
    async stop() {
      await pg('pg_ctl', ['stop', '-w', '-m', 'fast', '-D', data]).catch(() => undefined);
      if (temporary) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts the cluster in `dir` (made with initdb the first time), or in a new temporary directory
 * (removed by `stop`) when `dir` is not given. `port`: a free one when not given; a kept cluster
 * keeps the port it was made with. A kept cluster already running is used as it is (`stop` leaves it).
 */
export async function startCluster(options: { dir?: string; port?: number } = {}): Promise<Cluster> {
  const dir = ownedDir(options.dir);
  const port = options.port ?? (await freePort());
  const data = join(dir, 'data');
  const running = existsSync(join(data, 'postmaster.pid')) && (await pg('pg_ctl', ['status', '-D', data]).then(() => true, () => false));
  if (running) return { dir, port, url: urlFor(port), stop: async () => undefined };
  if (!existsSync(join(data, 'PG_VERSION'))) {
    await pg('initdb', ['-D', data, '-U', ADMIN_USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    appendFileSync(join(data, 'postgresql.conf'), settings(port));
  }
  return started(dir, port, !options.dir);
}

/** A streaming replica of `primary` in a new temporary directory (pg_basebackup -R: it follows the primary's WAL). */
export async function startReplica(primary: Cluster): Promise<Cluster> {
  const dir = ownedDir();
  const port = await freePort();
  const data = join(dir, 'data');
  await pg('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primary.port), '-U', ADMIN_USER, '-D', data, '-R', '-X', 'stream', '-c', 'fast']);
  appendFileSync(join(data, 'postgresql.auto.conf'), `port = ${port}\n`);
  return started(dir, port, true);
}
