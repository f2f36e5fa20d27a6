/**
 * "Add this page to the corpus": what the injected extraction script (entrypoints/extract.ts)
 * returns from the page, and how the extension reads that answer back. The script runs
 * Readability (components/corpus/article.ts `extractPage`) on a clone of the page, so the page itself is never changed; its
 * answer comes from a tab whose text the page wrote, so the extension checks its shape and
 * limits before it becomes a draft (./parseFile.ts `draftFromArticle`) shown for confirmation.
 * Pure (the part that needs a DOM is components/corpus/article.ts).
 */
import * as v from 'valibot';
import { ENGLISH } from '../i18n/english';
import type { MessageKey, T } from '../i18n/keys';
import { MAX_FILE_BYTES } from './limits';
import { draftFromArticle, type ExtractedArticle } from './parseFile';
import type { DocumentDraft } from './types';

/**
 * Why a page gave no article, as a message key: the extraction script answers with one, the
 * extension words it in the reader's language (`extractionProblem`). No English at import: the
 * worker reads answers (platform/addPage.ts) without the message table.
 */
export const NO_ARTICLE = 'pageNoArticle' as const;
export const UNREADABLE_PAGE = 'pageUnreadable' as const;
export const TOO_LONG = 'pageTooLong' as const;
const REASONS = {
  [NO_ARTICLE]: [NO_ARTICLE],
  [UNREADABLE_PAGE]: [UNREADABLE_PAGE],
  [TOO_LONG]: [TOO_LONG, MAX_FILE_BYTES / (1024 * 1024)],
} as const satisfies Record<string, readonly [MessageKey, ...number[]]>;
type PageReason = keyof typeof REASONS;

/** The page's article, or why there is none (with the page's address and title, for the message). */
export type PageExtraction = { ok: true; article: ExtractedArticle } | { ok: false; url: string; title: string; reason: PageReason };

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const articleSchema = v.object({
  title: text(1000),
  byline: text(500),
  siteName: text(500),
  published: text(40),
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FILE_BYTES)),
  url: text(4000),
});
const extractionSchema = v.variant('ok', [
  v.object({ ok: v.literal(true), article: articleSchema }),
  v.object({ ok: v.literal(false), url: text(4000), title: text(1000), reason: v.picklist([NO_ARTICLE, UNREADABLE_PAGE, TOO_LONG]) }),
]);

/**
 * The script's answer as the extension receives it (`value`: whatever came back from the tab),
 * checked; anything else becomes a failure naming the tab. The URL kept is the page's own
 * address unless the article names an http(s) one (its canonical link).
 */
export function readExtraction(value: unknown, tab: { url?: string; title?: string }): PageExtraction {
  const parsed = v.safeParse(extractionSchema, value);
  const url = tab.url ?? '';
  const title = tab.title ?? '';
  if (!parsed.success) return { ok: false, url, title, reason: UNREADABLE_PAGE };
  const got = parsed.output;
  if (!got.ok) return got;
  const article = { ...got.article, url: /^https?:\/\//i.test(got.article.url) ? got.article.url : url };
  return { ok: true, article };
}

/** A failure for a tab the browser would not let the extension read (a store page, a browser page, no permission). */
export function unreadablePage(tab: { url?: string; title?: string }): PageExtraction {
  return { ok: false, url: tab.url ?? '', title: tab.title ?? '', reason: UNREADABLE_PAGE };
}

/** The draft shown for confirmation: labelled by the page's address. */
export function draftFromPage(article: ExtractedArticle): DocumentDraft {
  return draftFromArticle(article, article.url || ENGLISH('thisPage'));
}

/** The message for a page without an article, with the way forward, in the language of `t`. */
export function extractionProblem(failure: { url: string; title: string; reason: PageReason }, t: T = ENGLISH): string {
  const name = failure.title.trim() || failure.url || t('thisPage');
  const [key, ...subs]: readonly [MessageKey, ...number[]] = REASONS[failure.reason];
  return t('pageProblem', name, t(key, ...subs));
}
