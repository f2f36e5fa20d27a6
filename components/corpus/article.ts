/**
 * An article out of an HTML document, with @mozilla/readability (Firefox's Reader View: the
 * best-kept open extractor, and it gives title, byline, site name and published time), plus
 * what the page's <meta> tags and JSON-LD say when Readability finds nothing. Used by the
 * options page's import (.html files, parsed with DOMParser: readFiles.ts), through the
 * ArticleReader that lib/userCorpus/parseFile.ts takes. Here, not in lib/: it needs the DOM's
 * types, which lib/ is type-checked without.
 *
 * The Document is a parameter (never the global one; Readability rewrites the document it is
 * given, so pass one that is not the page's), and the result is plain data: the article's text
 * with paragraphs separated by blank lines, never its HTML.
 */
import { Readability } from '@mozilla/readability';
import { normalizeDate } from '../../lib/userCorpus/draft';
import { MAX_FILE_BYTES } from '../../lib/userCorpus/limits';
import { NO_ARTICLE, TOO_LONG, type PageExtraction } from '../../lib/userCorpus/pageExtract';
import type { ExtractedArticle } from '../../lib/userCorpus/parseFile';

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

/**
 * Readability's article from `doc` (which it modifies: pass a clone), or null when the document
 * has no article (too little text in readable blocks). `url`: where it came from.
 */
export function extractArticle(doc: Document, url = ''): ExtractedArticle | null {
  const meta = pageMeta(doc);
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability(doc, { serializer: (node) => node as Element, charThreshold: 200 }).parse();
  } catch {
    return null;
  }
  if (!parsed?.content) return null;
  const text = blockText(parsed.content);
  if (text.replace(/\s+/g, ' ').trim().length < 200) return null;
  return {
    title: (parsed.title || meta.title || '').trim(),
    byline: cleanByline(parsed.byline || meta.author || ''),
    siteName: (parsed.siteName || meta.siteName || '').trim(),
    published: normalizeDate(parsed.publishedTime || meta.published || ''),
    text,
    url: meta.canonical || url,
  };
}

/** The text of an element, one paragraph per block, blank lines between them. */
function blockText(root: Element): string {
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.parentElement?.closest(BLOCKS));
  const parts = (blocks.length ? blocks : [root]).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return parts.join('\n\n');
}

function cleanByline(s: string): string {
  return s.replace(/^\s*by\s+/i, '').replace(/\s+/g, ' ').trim();
}

interface PageMeta {
  title?: string;
  author?: string;
  siteName?: string;
  published?: string;
  canonical?: string;
}

/** <meta> tags (Open Graph, article:, Dublin Core, name=author) and JSON-LD NewsArticle fields. */
function pageMeta(doc: Document): PageMeta {
  const metaContent = (...names: string[]) => {
    for (const n of names) {
      const el = doc.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
      const c = el?.getAttribute('content')?.trim();
      if (c) return c;
    }
    return undefined;
  };
  const out: PageMeta = {
    title: metaContent('og:title', 'twitter:title', 'dc.title'),
    author: metaContent('author', 'article:author', 'dc.creator', 'byl'),
    siteName: metaContent('og:site_name', 'application-name'),
    published: metaContent('article:published_time', 'datePublished', 'dc.date', 'date', 'pubdate'),
    canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? undefined,
  };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    for (const item of flattenLd(data)) {
      out.title ??= str(item.headline);
      out.published ??= str(item.datePublished);
      out.author ??= names(item.author);
      out.siteName ??= names(item.publisher);
    }
  }
  if (out.canonical && !/^https?:/i.test(out.canonical)) delete out.canonical;
  return out;
}

type Ld = Record<string, unknown>;

function flattenLd(data: unknown): Ld[] {
  if (Array.isArray(data)) return data.flatMap(flattenLd);
  if (!data || typeof data !== 'object') return [];
  const d = data as Ld;
  return [d, ...(Array.isArray(d['@graph']) ? flattenLd(d['@graph']) : [])];
}

function str(x: unknown): string | undefined {
  return typeof x === 'string' && x.trim() ? x.trim() : undefined;
}

function names(x: unknown): string | undefined {
  if (typeof x === 'string') return str(x);
  const list = (Array.isArray(x) ? x : [x]).map((a) => (a && typeof a === 'object' ? str((a as Ld).name) : str(a))).filter(Boolean);
  return list.length ? list.join(', ') : undefined;
}

/** Runs in the page's tab (isolated world, entrypoints/extract.ts). `doc` must be a clone: Readability rewrites it. */
export function extractPage(doc: Document, url: string, title: string): PageExtraction {
  const article = extractArticle(doc, url);
  if (!article) return { ok: false, url, title, reason: NO_ARTICLE };
  if (article.text.length > MAX_FILE_BYTES) return { ok: false, url, title, reason: TOO_LONG };
  return { ok: true, article };
}
