/**
 * An upload's drafts, read as the options page reads them: pasted text (lib/userCorpus/parseFile.ts
 * `draftFromPaste`), files by their extension (`parseImportFile`: .txt, .md, .html through the
 * options page's article reader over linkedom's DOM), or drafts already reviewed. A corpus bundle
 * (.json) is refused here: a team's corpus is filed document by document.
 */
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../components/corpus/article';
import { ImportError } from '../../lib/userCorpus/limits';
import { draftFromPaste, parseImportFile, type ArticleReader } from '../../lib/userCorpus/parseFile';
import type { DocumentDraft } from '../../lib/userCorpus/types';
import type { AddDocumentsBody } from './schemas';

const readArticle: ArticleReader = (html) => extractArticle(parseHTML(html).document);

export function draftsOf(body: AddDocumentsBody): DocumentDraft[] {
  if (body.drafts) return body.drafts;
  if (body.text !== undefined) return [draftFromPaste(body.text)];
  return (body.files ?? []).map((f) => {
    const parsed = parseImportFile({ name: f.name, bytes: Buffer.from(f.base64, 'base64') }, readArticle);
    if (parsed.kind !== 'draft') throw new ImportError(f.name, 'importTeamBundle');
    return parsed.draft;
  });
}
