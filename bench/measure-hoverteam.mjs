/**
 * Measure 3b (issue 21): hover → card painted with a team server connected. A team server on a
 * throwaway PostgreSQL cluster (bench/team-server.mjs, in a vite-node child) with a few documents
 * filed that name the page's places; the extension is connected to it with a reader's token, the
 * way the options page does (the origin allowed as on chrome://extensions, the permission asked
 * with a gesture, then teamConnect).
 * The card frame draws the local card at once and adds the team's part when it arrives, so the
 * hover figure is the same as measure 3's (the loaded card painted); what the team adds comes after.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { closePage, openPage } from './cdp.mjs';
import { send } from './extension.mjs';
import { measureHover } from './measure-hover.mjs';

/** Starts the team server child; resolves with { base, token, stop() }. */
function startTeam(root) {
  const child = spawn('npx', ['vite-node', join(root, 'bench/team-server.mjs')], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const { base, token } = JSON.parse(line);
      const stop = () => new Promise((done) => (child.once('exit', done), child.stdin.end()));
      resolve({ base, token, stop });
    });
    child.once('exit', (code) => reject(new Error(`team server exited (${code})`)));
  });
}

/** The user's "Allow" for `pattern`, as on chrome://extensions (the site-access setting). */
async function allowSite(ext, pattern) {
  const page = await openPage(ext.browser.cdp, 'chrome://extensions/');
  try {
    // (As a user's click: chrome://extensions's API takes it only with a user gesture.)
    const expression = `chrome.developerPrivate.addHostPermission(${JSON.stringify(ext.id)}, ${JSON.stringify(pattern)})`;
    const r = await page.send('Runtime.evaluate', { expression, awaitPromise: true, userGesture: true });
    if (r.exceptionDetails) throw new Error(`allowing ${pattern}: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
  } finally {
    await closePage(ext.browser.cdp, page);
  }
}

export async function measureHoverWithTeam(ext, root, origin, pageInfo, { warm = 20, log = () => {} } = {}) {
  const team = await startTeam(root);
  try {
    await allowSite(ext, `${team.base}/*`);
    // The options page's request in the Connect click, which the site allowed above lets through at once.
    const asked = await ext.page.send('Runtime.evaluate', { expression: `chrome.permissions.request({ origins: [${JSON.stringify(`${team.base}/*`)}] })`, awaitPromise: true, userGesture: true, returnByValue: true });
    if (asked.result?.value !== true) throw new Error(`permission for ${team.base}: ${JSON.stringify(asked.result ?? asked.exceptionDetails)}`);
    const connected = await send(ext, 'teamConnect', { url: team.base, token: team.token }, { keepResult: true });
    if (connected.res?.state !== 'connected') throw new Error(`teamConnect: ${JSON.stringify(connected.res ?? connected.err)}`);
    const h = await measureHover(ext, origin, pageInfo, { warm, cold: 0, log });
    log(`  hover with a team server: ${h.warm.length} warm`);
    return { page: pageInfo.name, delayMs: h.delayMs, warm: h.warm };
  } finally {
    await team.stop();
  }
}
