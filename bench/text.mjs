/**
 * Real paragraphs for the generated corpora and pages: the <p> paragraphs of a folder of saved
 * web pages (tags stripped, entities decoded), plus the bundled corpus's own paragraphs. Without
 * a page folder, the bundled corpus alone supplies the text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', mdash: '—', ndash: '–', hellip: '…', eacute: 'é', egrave: 'è', aacute: 'á', iacute: 'í', oacute: 'ó', uacute: 'ú', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä' };

export function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp < 0x110000 ? String.fromCodePoint(cp) : ' ';
    }
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Text paragraphs of an HTML page: contents of <p> elements, 120–3000 characters, mostly letters. */
export function paragraphsOfHtml(html) {
  const out = [];
  const cleaned = html.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ');
  for (const m of cleaned.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    const text = decodeEntities(m[1].replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    if (text.length < 120 || text.length > 3000) continue;
    const letters = text.match(/\p{L}/gu)?.length ?? 0;
    if (letters / text.length < 0.6) continue;
    if (/[{}<>]|function\s*\(|var\s+\w+\s*=/.test(text)) continue;
    out.push(text);
  }
  return out;
}

/** Body paragraphs of the document files in `dir` (after the `---` JSON header). */
export function paragraphsOfDocuments(dir) {
  const out = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const src = readFileSync(join(dir, f), 'utf8').replace(/\r\n/g, '\n');
    const close = src.indexOf('\n---\n', 4);
    const body = close >= 0 ? src.slice(close + 5) : src;
    for (const para of body.split(/\n+/)) if (para.trim().length >= 80) out.push(para.trim());
  }
  return out;
}

export function htmlFiles(dir) {
  if (!dir || !existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.html?$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Distinct real paragraphs: the page folder's (when given and present) and the bundled corpus's. */
export function paragraphPool({ pagesDir, documentsDir }) {
  const seen = new Set();
  const pool = [];
  const add = (p) => {
    if (!seen.has(p)) {
      seen.add(p);
      pool.push(p);
    }
  };
  for (const file of htmlFiles(pagesDir)) for (const p of paragraphsOfHtml(readFileSync(file, 'utf8'))) add(p);
  for (const p of paragraphsOfDocuments(documentsDir)) add(p);
  return pool;
}

/** Deterministic PRNG (mulberry32): the same seed gives the same corpora and pages on every run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
