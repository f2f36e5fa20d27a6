/**
 * One imported file → drafts to review, or a corpus bundle, or an ImportError naming the file
 * and the reason. Decides by the file's extension: .txt, .md/.markdown, .html/.htm (needs an
 * article reader over a DOM, given by the caller: components/corpus/article.ts; lib never
 * touches the DOM), .json (a corpus bundle).
 * Pure.
 */
import { readBundle, type Bundle } from './bundle';
import { draftFromMarkdown, draftFromText, normalizeDate, titleFromFileName } from './draft';
import { decodeText, ImportError } from './limits';
import { ENGLISH } from '../i18n/english';
import type { T } from '../i18n/keys';
import type { DocumentDraft } from './types';

export type ParsedFile = { kind: 'draft'; draft: DocumentDraft } | { kind: 'bundle'; bundle: Bundle; fileName: string };

/** An article out of an HTML document (title, byline… and its text, never its HTML). */
export interface ExtractedArticle {
  title: string;
  byline: string;
  siteName: string;
  /** ISO date as far as known, or "". */
  published: string;
  /** Paragraphs separated by blank lines. */
  text: string;
  url: string;
}

/**
 * The article in an HTML file, or null when it has none (Readability over DOMParser in a page,
 * over linkedom in tests).
 */
export type ArticleReader = (html: string) => ExtractedArticle | null;

export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json'];

export function parseImportFile(file: { name: string; bytes: Uint8Array }, readArticle?: ArticleReader): ParsedFile {
  const name = file.name;
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
  if (!ACCEPTED_EXTENSIONS.includes(ext)) {
    throw ext ? new ImportError(name, 'importWrongType', ext) : new ImportError(name, 'importNoExtension');
  }
  const text = decodeText(file.bytes, name);
  if (ext === '.json') return { kind: 'bundle', bundle: readBundle(text, name), fileName: name };
  if (ext === '.txt') return { kind: 'draft', draft: draftFromText(text, name) };
  if (ext === '.md' || ext === '.markdown') return { kind: 'draft', draft: draftFromMarkdown(text, name) };
  if (!readArticle) throw new ImportError(name, 'importNoHtml');
  return { kind: 'draft', draft: draftFromHtml(text, name, readArticle) };
}

function draftFromHtml(html: string, fileName: string, readArticle: ArticleReader): DocumentDraft {
  const article = readArticle(html);
  if (!article) throw new ImportError(fileName, 'importNoArticle');
  return draftFromArticle(article, fileName);
}

/** A draft from an extracted article (an .html file or the page being read). */
export function draftFromArticle(a: ExtractedArticle, fileName: string): DocumentDraft {
  return {
    fileName,
    meta: {
      title: a.title || titleFromFileName(fileName),
      author: a.byline,
      outlet: a.siteName,
      date: normalizeDate(a.published),
      dateApproximate: false,
      perspective: '',
      url: a.url,
    },
    body: a.text,
  };
}

/** The name of a pasted text's draft (said in the page's language: pastedText). */
const PASTED_TEXT = 'Pasted text';

/** A draft's name for the user: its file, or "Pasted text" / "This page" in the language of `t`. */
export function draftName(fileName: string, t: T = ENGLISH): string {
  if (fileName === PASTED_TEXT) return t('pastedText');
  return fileName === ENGLISH('thisPage') ? t('thisPage') : fileName;
}

/** Pasted text: like a .txt file; without a title line it is titled "Pasted text" in the language of `t`. */
export function draftFromPaste(text: string, t: T = ENGLISH): DocumentDraft {
  if (!text.trim()) throw new ImportError({ key: 'pastedText' }, 'importEmpty');
  const draft = draftFromText(text.replace(/\r\n?/g, '\n'), PASTED_TEXT);
  if (draft.meta.title === titleFromFileName(PASTED_TEXT)) draft.meta.title = t('pastedText');
  return draft;
}
