/**
 * Drafts: a document as read from a file, a paste or a page, with its metadata pre-filled and
 * editable before saving; then the stored SourceDocument. Pure.
 */
import type { SourceDocument, SourceMeta } from '../corpus/types';
import { writtenDate } from '../i18n/dates';
import { ENGLISH } from '../i18n/english';
import type { MessageKey, T } from '../i18n/keys';
import { parseFrontMatter } from './frontMatter';
import { ImportError } from './limits';
import { markdownToText } from './markdown';
import type { DocumentDraft, DraftMeta } from './types';

const emptyMeta = (): DraftMeta => ({ title: '', author: '', outlet: '', date: '', dateApproximate: false, perspective: '', url: '' });

/** The text of a .txt file: a first short line followed by a blank line is taken as its title. */
export function draftFromText(text: string, fileName: string): DocumentDraft {
  const meta = emptyMeta();
  let body = text.trim();
  const m = /^([^\n]{1,200})\n\s*\n/.exec(body);
  if (m && !/[.!?:;,]$/.test(m[1]!.trim())) {
    meta.title = m[1]!.trim();
    body = body.slice(m[0].length).trim();
  }
  if (!meta.title) meta.title = titleFromFileName(fileName);
  return checkBody({ fileName, meta, body });
}

/** A Markdown file: front matter (title, author, outlet/source/publisher/site, date, approximate, perspective, url) and its text. */
export function draftFromMarkdown(text: string, fileName: string): DocumentDraft {
  const { fields, body: md } = parseFrontMatter(text, fileName);
  const { text: body, heading } = markdownToText(md);
  const str = (...keys: string[]) => {
    for (const k of keys) {
      const v = fields[k];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (Array.isArray(v) && v.length) return v.join(', ');
    }
    return '';
  };
  const meta: DraftMeta = {
    title: str('title') || heading || titleFromFileName(fileName),
    author: str('author', 'authors', 'byline'),
    outlet: str('outlet', 'source', 'publisher', 'site', 'site_name', 'publication'),
    date: normalizeDate(str('date', 'published', 'published_time', 'created')),
    dateApproximate: fields.approximate === true || fields.date_approximate === true || fields.dateapproximate === true,
    perspective: str('perspective', 'viewpoint'),
    url: str('url', 'link', 'source_url', 'canonical'),
  };
  return checkBody({ fileName, meta, body });
}

function checkBody(draft: DocumentDraft): DocumentDraft {
  if (!draft.body.trim()) throw new ImportError(draft.fileName, 'importOnlyMeta');
  return draft;
}

export function titleFromFileName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const words = base.replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled document';
}

/** "2016-10-17T09:00:00Z" → "2016-10-17"; "17 October 2016" → "2016-10-17"; unreadable → "". */
export function normalizeDate(s: string): string {
  const t = s.trim();
  if (!t) return '';
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(t);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  const parsed = Date.parse(t);
  if (Number.isNaN(parsed)) return '';
  return new Date(parsed).toISOString().slice(0, 10);
}

/** "2016-10" → "October 2016" (stored in English; pages write it in their language, lib/i18n/dates.ts); approximate → "about October 2016"; "" → "date unknown". */
export function dateLabel(date: string, approximate: boolean): string {
  const label = writtenDate(date, 'en-GB');
  if (!label) return 'date unknown';
  return approximate ? `about ${label}` : label;
}

/** What is wrong with a draft's metadata, per field, as message keys (empty: it can be saved). */
export function draftProblemKeys(meta: DraftMeta): Partial<Record<keyof DraftMeta, MessageKey>> {
  const out: Partial<Record<keyof DraftMeta, MessageKey>> = {};
  if (!meta.title.trim()) out.title = 'problemTitle';
  if (meta.date.trim() && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(meta.date.trim())) out.date = 'problemDate';
  if (meta.url.trim() && !/^https?:\/\/\S+$/i.test(meta.url.trim())) out.url = 'problemLink';
  return out;
}

/** What is wrong with a draft's metadata, per field, in the language of `t` (empty: it can be saved). */
export function draftProblems(meta: DraftMeta, t: T = ENGLISH): Partial<Record<keyof DraftMeta, string>> {
  return Object.fromEntries(Object.entries(draftProblemKeys(meta)).map(([field, key]) => [field, t(key)]));
}

/** The perspective shown when the user gave none: the outlet, else the author, else `last` ("Your documents"; a team's name on its server). */
function defaultPerspective(meta: DraftMeta, last: string): string {
  return meta.perspective.trim() || meta.outlet.trim() || meta.author.trim() || last;
}

/**
 * The stored document of a draft; `id` unique among documents; `filedBy`: the perspective of a
 * draft with no perspective, outlet or author. Throws ImportError when the draft cannot be saved.
 */
export function finishDraft(draft: DocumentDraft, id: string, filedBy = 'Your documents'): SourceDocument {
  const problem = Object.values(draftProblemKeys(draft.meta))[0];
  if (problem) throw new ImportError(draft.fileName, problem);
  const body = draft.body.trim();
  if (!body) throw new ImportError(draft.fileName, 'importNoText');
  const m = draft.meta;
  const date = m.date.trim();
  const meta: SourceMeta = {
    id,
    title: m.title.trim(),
    date,
    dateApproximate: m.dateApproximate,
    dateLabel: dateLabel(date, m.dateApproximate),
    perspective: defaultPerspective(m, filedBy),
    origin: 'user',
    ...(m.author.trim() ? { author: m.author.trim() } : {}),
    ...(m.outlet.trim() ? { outlet: m.outlet.trim() } : {}),
    ...(m.url.trim() ? { url: m.url.trim() } : {}),
  };
  return { meta, body };
}

/** A stored document's metadata back as an editable draft's. */
export function metaToDraft(meta: SourceMeta): DraftMeta {
  return {
    title: meta.title,
    author: meta.author ?? '',
    outlet: meta.outlet ?? '',
    date: meta.date,
    dateApproximate: meta.dateApproximate,
    perspective: meta.perspective,
    url: meta.url ?? '',
  };
}

/** A new document id: "user-" and a hash of its text and the time, unique among `taken`. */
export function newDocumentId(body: string, salt: string, taken: ReadonlySet<string>): string {
  let h = 2166136261;
  const s = salt + '\u0000' + body.slice(0, 4000) + body.length;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  let id = `user-${(h >>> 0).toString(36)}`;
  for (let n = 2; taken.has(id); n++) id = `user-${(h >>> 0).toString(36)}-${n}`;
  return id;
}
