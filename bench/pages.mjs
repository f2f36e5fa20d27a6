/**
 * The benchmark's page set: real saved pages from a folder, plus generated ones — long articles
 * with 1 MB and 5 MB of text made of real paragraphs, and an SPA-like page that makes about
 * 10,000 small DOM updates per second — served from 127.0.0.1 by a static server.
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, extname, join, normalize } from 'node:path';
import { htmlFiles, rng } from './text.mjs';

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A long article: headings, paragraphs and a few links, until the text reaches `chars`. */
export function longArticle(title, chars, pool, seed) {
  const random = rng(seed);
  const parts = [];
  let size = 0;
  let n = 0;
  while (size < chars) {
    if (n % 12 === 0) {
      const h = `Section ${n / 12 + 1}`;
      parts.push(`<h2>${h}</h2>`);
      size += h.length;
    }
    const p = pool[Math.floor(random() * pool.length)];
    const words = p.split(' ');
    // Every fifth paragraph carries a link around a few words, as article text does.
    if (n % 5 === 0 && words.length > 12) {
      const at = Math.floor(random() * (words.length - 4));
      parts.push(
        `<p>${esc(words.slice(0, at).join(' '))} <a href="#ref${n}">${esc(words.slice(at, at + 3).join(' '))}</a> ${esc(words.slice(at + 3).join(' '))}</p>`,
      );
    } else {
      parts.push(`<p>${esc(p)}</p>`);
    }
    size += p.length;
    n++;
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em}</style></head>
<body><article><h1>${esc(title)}</h1>
${parts.join('\n')}
</article></body></html>`;
}

/**
 * SPA-like: a feed of 60 items and a live ticker of 40 cells. Every 10 ms a tick makes 100 small
 * updates: 98 ticker cell texts and 2 feed items whose paragraph is replaced by another (which may
 * name corpus entities). `window.__spa` counts updates.
 */
export function spaPage(pool, seed) {
  const random = rng(seed);
  const paras = Array.from({ length: 400 }, () => pool[Math.floor(random() * pool.length)]);
  const feed = paras.slice(0, 60).map((p, i) => `<li id="f${i}"><p>${esc(p)}</p></li>`).join('\n');
  const cells = Array.from({ length: 40 }, (_, i) => `<span class="cell" id="c${i}">0</span>`).join(' ');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Live feed (SPA)</title>
<style>body{font:15px/1.4 sans-serif;max-width:50em;margin:1em auto}.cell{display:inline-block;width:5em}</style></head>
<body><header><h1>Live feed</h1><div id="ticker">${cells}</div></header>
<main><ul id="feed">${feed}</ul></main>
<script>
const PARAS = ${JSON.stringify(paras).replace(/</g, '\\u003c')};
const cells = [...document.querySelectorAll('.cell')];
const items = [...document.querySelectorAll('#feed li p')];
window.__spa = { updates: 0, ticks: 0, started: performance.now() };
let k = 0;
setInterval(() => {
  for (let i = 0; i < 98; i++) cells[(k + i) % cells.length].firstChild.data = String((k * 7 + i) % 100000);
  for (let i = 0; i < 2; i++) items[(k + i) % items.length].textContent = PARAS[(k * 3 + i) % PARAS.length];
  k++;
  window.__spa.updates += 100;
  window.__spa.ticks++;
}, 10);
</script></body></html>`;
}

/** Writes the generated pages to `dir`; returns their descriptors. */
export function generatePages(dir, pool) {
  mkdirSync(dir, { recursive: true });
  const pages = [
    { name: 'generated-1MB', file: 'generated-1MB.html', html: longArticle('Generated article, 1 MB of text', 1_000_000, pool, 101) },
    { name: 'generated-5MB', file: 'generated-5MB.html', html: longArticle('Generated article, 5 MB of text', 5_000_000, pool, 505) },
    { name: 'generated-SPA', file: 'generated-SPA.html', html: spaPage(pool, 7), spa: true },
    { name: 'generated-components', file: 'generated-components.html', html: componentsPage(pool, 303), shadowHosts: 'news-section' },
  ];
  for (const p of pages) writeFileSync(join(dir, p.file), p.html);
  return pages.map(({ name, file, spa, shadowHosts }) => ({ name, path: `/gen/${file}`, bytes: statSync(join(dir, file)).size, generated: true, spa: !!spa, shadowHosts }));
}

/**
 * A page built from web components: ~100 k characters of article text, each section rendered by a
 * <news-section> element into its own open shadow root (as news sites built on web components
 * do). Its floor reads those shadow trees too (`shadowHosts`, bench/measure-pages.mjs).
 */
function componentsPage(pool, seed) {
  const article = longArticle('Generated article in web components', 100_000, pool, seed);
  const sections = article.slice(article.indexOf('<h2>'), article.lastIndexOf('</article>')).split(/(?=<h2>)/);
  return `<!doctype html><html><head><meta charset="utf-8"><title>Generated article in web components</title>
<style>body{font:16px/1.5 Georgia,serif;max-width:44em;margin:2em auto;padding:0 1em}</style></head>
<body><h1>Generated article in web components</h1><main id="feed"></main>
<script>
const sections = ${JSON.stringify(sections).replace(/</g, '\\u003c')};
customElements.define('news-section', class extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = '<style>p{margin:0 0 1em}</style><section>' + this.dataset.html + '</section>';
  }
});
const feed = document.getElementById('feed');
for (const html of sections) {
  const el = document.createElement('news-section');
  el.dataset.html = html;
  feed.append(el);
}
</script></body></html>`;
}

/** The real pages of `dir` (every .html file), as served under /real/. */
export function realPages(dir) {
  return htmlFiles(dir).map((f) => ({
    name: basename(f).replace(/\.html?$/i, ''),
    path: `/real/${encodeURIComponent(basename(f))}`,
    bytes: statSync(f).size,
    generated: false,
  }));
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.htm': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css' };

/** A static server on 127.0.0.1 with `mounts` (URL prefix → folder). */
export async function startServer(mounts) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/blank.html') return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!doctype html><title>blank</title>');
    const mount = entries.find(([prefix]) => path.startsWith(prefix));
    if (!mount) return void res.writeHead(404).end('not found');
    const base = mount[1];
    const file = normalize(join(base, path.slice(mount[0].length)));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}
