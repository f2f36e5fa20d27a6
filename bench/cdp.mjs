/**
 * A minimal Chrome DevTools Protocol client over --remote-debugging-pipe, with no dependency.
 *
 * Why not playwright-core here: Playwright auto-attaches to every new target with
 * `waitForDebuggerOnStart`, so each service-worker start and page load waits for a round trip
 * to Node before running a line of script, and its request routing adds another per request.
 * A benchmark of cold starts and page scans must not include the driver's own pauses: this
 * client attaches only where asked, and network isolation is done by the browser itself
 * (--host-resolver-rules: every host but 127.0.0.1 fails to resolve).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class CDP {
  #nextId = 1;
  #pending = new Map();
  #listeners = new Map();
  #out;

  constructor(input, output) {
    this.#out = input;
    let buffer = '';
    output.setEncoding('utf8');
    output.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        this.#dispatch(JSON.parse(raw));
      }
    });
  }

  #dispatch(msg) {
    if (msg.id !== undefined) {
      const p = this.#pending.get(msg.id);
      if (!p) return;
      this.#pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}${msg.error.data ? ` (${msg.error.data})` : ''}`));
      else p.resolve(msg.result);
      return;
    }
    for (const key of [msg.method, `${msg.sessionId ?? ''}|${msg.method}`]) {
      for (const fn of this.#listeners.get(key) ?? []) fn(msg.params, msg.sessionId);
    }
  }

  send(method, params = {}, sessionId) {
    const id = this.#nextId++;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, method });
      this.#out.write(JSON.stringify(message) + '\0');
    });
  }

  /** Listens to `method` (from any session, or from one when `sessionId` is given). Returns an unsubscribe. */
  on(method, fn, sessionId) {
    const key = sessionId ? `${sessionId}|${method}` : method;
    if (!this.#listeners.has(key)) this.#listeners.set(key, new Set());
    this.#listeners.get(key).add(fn);
    return () => this.#listeners.get(key).delete(fn);
  }

  once(method, predicate = () => true, sessionId, timeoutMs = 30000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => (off(), reject(new Error(`timeout waiting for ${method}`))), timeoutMs);
      const off = this.on(
        method,
        (params, sid) => {
          if (!predicate(params, sid)) return;
          clearTimeout(timer);
          off();
          resolve(params);
        },
        sessionId,
      );
    });
  }

  session(sessionId) {
    return new Session(this, sessionId);
  }

  rejectAll(error) {
    for (const p of this.#pending.values()) p.reject(error);
    this.#pending.clear();
  }
}

export class Session {
  constructor(cdp, id) {
    this.cdp = cdp;
    this.id = id;
  }
  send(method, params) {
    return this.cdp.send(method, params, this.id);
  }
  on(method, fn) {
    return this.cdp.on(method, fn, this.id);
  }
  once(method, predicate, timeoutMs) {
    return this.cdp.once(method, predicate, this.id, timeoutMs);
  }
  /** Evaluates an expression (or a function's source called with JSON args) and returns its value. */
  async evaluate(fnOrExpr, ...args) {
    const expression =
      typeof fnOrExpr === 'function' ? `(${fnOrExpr.toString()})(...${JSON.stringify(args)})` : fnOrExpr;
    const r = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error(`evaluate: ${d.exception?.description ?? d.text}`);
    }
    return r.result.value;
  }
}

/**
 * Starts headless Chromium, with the unpacked extension at `extensionDir` when given.
 * Returns the browser-level client and a `close()`.
 */
/** `profile`: a user-data folder to use (and keep on close: a browser restart), else a fresh one removed on close. */
export async function launch({ extensionDir, extraArgs = [], profile: kept } = {}) {
  const profile = kept ?? mkdtempSync(join(tmpdir(), 'counterpoint-bench-'));
  const args = [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-default-apps',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    // Real pages' scripts call home: only 127.0.0.1 resolves, everything else fails at once.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    // Background tabs are not throttled (the benchmark uses one tab at a time anyway).
    '--disable-background-timer-throttling',
    '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    '--window-size=1280,800',
    ...(extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : ['--disable-extensions']),
    ...extraArgs,
    'about:blank',
  ];
  const proc = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const cdp = new CDP(proc.stdio[3], proc.stdio[4]);
  const exited = new Promise((ok) => proc.once('exit', ok));
  exited.then(() => cdp.rejectAll(new Error(`Chromium exited. stderr tail:\n${stderr}`)));
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return {
    cdp,
    proc,
    async close() {
      try {
        await Promise.race([cdp.send('Browser.close'), new Promise((ok) => setTimeout(ok, 3000))]);
      } catch {
        // already gone
      }
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await Promise.race([exited, new Promise((ok) => setTimeout(ok, 3000))]);
      if (kept) return;
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
      } catch {
        // a crash-reporter file still being written: the OS cleans /tmp eventually
      }
    },
  };
}

/** Waits for a target matching `predicate` (already there or yet to come). */
export async function waitForTarget(cdp, predicate, timeoutMs = 20000) {
  const waiting = cdp.once('Target.targetCreated', (p) => predicate(p.targetInfo), undefined, timeoutMs);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const found = targetInfos.find(predicate);
  if (found) {
    waiting.catch(() => undefined);
    return found;
  }
  return (await waiting).targetInfo;
}

export async function attach(cdp, targetId) {
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  return cdp.session(sessionId);
}

/** Opens a tab on `url` and attaches to it; resolves after the load event. */
export async function openPage(cdp, url = 'about:blank') {
  const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank' });
  const page = await attach(cdp, targetId);
  page.targetId = targetId;
  await page.send('Page.enable');
  await page.send('Runtime.enable');
  if (url !== 'about:blank') await navigate(page, url);
  return page;
}

export async function navigate(page, url, timeoutMs = 60000) {
  const loaded = page.once('Page.loadEventFired', undefined, timeoutMs);
  const r = await page.send('Page.navigate', { url });
  if (r.errorText) throw new Error(`navigate ${url}: ${r.errorText}`);
  await loaded;
}

export async function closePage(cdp, page) {
  await cdp.send('Target.closeTarget', { targetId: page.targetId }).catch(() => undefined);
}

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
