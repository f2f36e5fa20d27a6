/**
 * The measures `npm run eval` prints and gates on, for one judged corpus, from the cards the
 * reader gets (EntityCard, as lookupEntity answers) and the judgments (eval/judgments.ts):
 *
 *   precision   shown passages that are honest / all shown: judged about the entity (grade 2), or
 *               judged a passing mention (grade 1) and labelled "in passing" on the card
 *   top-1       entities whose first shown passage (excerpts about it, then viewpoints, then those
 *               in passing: the card's order) is about them / entities with a grade-2 passage
 *   coverage    entities whose card shows a passage / entities some passage of the corpus names
 *               (a card is never empty while the corpus names the entity)
 *   recall@3    per entity with grade-2 passages: grade-2 passages shown (at most 3) / min(3, how
 *               many there are); the mean over those entities
 *   viewpoints  entities that show ≥ 2 viewpoints from ≥ 2 voices / entities where ≥ 2 voices
 *               have a passage judged about them (who speaks in the judged sentence: its attributed
 *               speaker, else the source's author or outlet — an organisation's own statements
 *               reported by two outlets are one voice)
 *   speakers    judged sentences attributed to the right speaker (the author's own words: nobody)
 *   clips       shown passages cut inside a word where the card clips them (must be 0)
 *   boilerplate shown passages that are boilerplate (subscription, copyright, credit lines) (must be 0)
 */
import { EXCERPT_CHARS, VIEWPOINT_CHARS, entityRanges } from '../lib/card/cardText';
import type { Passage, SourceMeta } from '../lib/corpus/types';
import type { EntityCard, Excerpt } from '../lib/messages/protocol';
import { clipAround } from '../lib/text/emphasis';
import type { Judgments } from './judgments';

export const THRESHOLDS = { precision: 0.9, top1: 0.9, coverage: 1, recall3: 0.8, viewpoints: 1, speakers: 0.9, clips: 0, boilerplate: 0 };

export type Report = Record<keyof typeof THRESHOLDS, number> & { problems: string[]; shown: number; cards: number };

/** What a judged corpus gives the measures: its cards, its passages, its sources. */
export interface Judged {
  card(entityId: string): Promise<EntityCard>;
  passages: readonly Passage[];
  sources: ReadonlyMap<string, SourceMeta>;
  /** Every entity some passage names. */
  named: readonly string[];
}

const BOILERPLATE = /\b(?:subscribe|newsletter|all rights reserved|copyright|click here|sign up|follow us|read more|photo(?:graph)?:|getty images|advertisement|cookies?)\b|©/i;
const WORD = /[\p{L}\p{N}]/u;

/** Whether the card's clip of this passage cuts a word (the text around each cut is a letter on both sides). */
function clipsMidWord(e: Excerpt, entityId: string, max: number): boolean {
  const text = e.passage.text;
  const clip = clipAround(text, entityRanges(e.passage, entityId), max, 70);
  const inner = clip.text.replace(/^…/, '').replace(/…$/, '');
  const at = text.indexOf(inner);
  if (at < 0) return true;
  const end = at + inner.length;
  return (at > 0 && WORD.test(text[at - 1]!) && WORD.test(text[at]!)) || (end < text.length && WORD.test(text[end - 1]!) && WORD.test(text[end]!));
}

/** Who speaks in a judged sentence: its attributed speaker (gated by `speakers`), else the source's author or outlet. */
function voiceOfSnippet(corpus: Judged, docId: string, snippet: string): string {
  const p = corpus.passages.find((x) => x.docId === docId && x.text.includes(snippet));
  const at = p ? p.text.indexOf(snippet) : -1;
  const meta = corpus.sources.get(docId);
  return (p?.speech?.find((s) => at >= s.start && at < s.end)?.speaker ?? meta?.author ?? meta?.outlet ?? docId).toLowerCase();
}

export async function evaluate(corpus: Judged, judgments: Judgments): Promise<Report> {
  const problems: string[] = [];
  const count = { shown: 0, honest: 0, topAsked: 0, topOk: 0, vpAsked: 0, vpOk: 0, covered: 0, recall: 0, recallAsked: 0, clips: 0, boilerplate: 0 };
  const cards = new Map<string, EntityCard>();
  for (const id of new Set([...corpus.named, ...Object.keys(judgments.passages)])) cards.set(id, await corpus.card(id));
  for (const id of corpus.named) {
    const card = cards.get(id)!;
    if (card.excerpts.length + card.viewpoints.length > 0) count.covered++;
    else problems.push(`${id}: the corpus names it, but its card shows no passage`);
  }
  for (const [entityId, judged] of Object.entries(judgments.passages)) {
    const card = cards.get(entityId)!;
    const main = card.excerpts.filter((e) => !e.inPassing);
    const passing = card.excerpts.filter((e) => e.inPassing);
    const list = [...main, ...card.viewpoints, ...passing];
    const grade = (e: Excerpt) => {
      const hits = judged.filter(([d, snippet]) => d === e.passage.docId && e.passage.text.includes(snippet));
      return hits.length ? Math.max(...hits.map((h) => h[2])) : undefined;
    };
    for (const e of list) {
      const g = grade(e);
      count.shown++;
      if (g === 2 || (g === 1 && e.inPassing)) count.honest++;
      else problems.push(`${entityId}: shows ${g === undefined ? 'a passage nobody judged' : `a grade-${g} passage`}${e.inPassing ? ' (in passing)' : ''} from ${e.passage.docId}: “${e.passage.text.slice(0, 90)}…”`);
      if (BOILERPLATE.test(e.passage.text)) {
        count.boilerplate++;
        problems.push(`${entityId}: shows boilerplate: “${e.passage.text.slice(0, 90)}…”`);
      }
      if (clipsMidWord(e, entityId, card.viewpoints.includes(e) ? VIEWPOINT_CHARS : EXCERPT_CHARS)) {
        count.clips++;
        problems.push(`${entityId}: a clip cuts a word in “${e.passage.text.slice(0, 60)}…”`);
      }
    }
    const substantive = judged.filter((j) => j[2] === 2);
    if (substantive.length) {
      count.topAsked++;
      if (list[0] && grade(list[0]) === 2) count.topOk++;
      else problems.push(`${entityId}: the first passage shown is not about it`);
      const available = new Set(corpus.passages.filter((p) => substantive.some(([d, s]) => d === p.docId && p.text.includes(s))).map((p) => `${p.docId}:${p.start}`));
      const shown = new Set(list.filter((e) => grade(e) === 2).map((e) => `${e.passage.docId}:${e.passage.start}`));
      const want = Math.min(3, available.size);
      count.recallAsked++;
      count.recall += want === 0 ? 1 : Math.min(shown.size, 3) / want;
      if (shown.size < want) problems.push(`${entityId}: shows ${shown.size} of the ${available.size} passages about it (recall@3 wants ${want})`);
    }
    const voices = new Set(substantive.map(([d, snippet]) => voiceOfSnippet(corpus, d, snippet)));
    if (voices.size >= 2) {
      count.vpAsked++;
      const named = new Set(card.viewpoints.map((v) => v.voice?.name));
      if (card.viewpoints.length >= 2 && named.size >= 2) count.vpOk++;
      else problems.push(`${entityId}: ${voices.size} voices write about it, but the card has ${card.viewpoints.length} viewpoints`);
    }
  }
  let spOk = 0;
  for (const [docId, snippet, speaker] of judgments.quotes) {
    const p = corpus.passages.find((x) => x.docId === docId && x.text.includes(snippet));
    const at = p ? p.text.indexOf(snippet) : -1;
    const found = p?.speech?.find((s) => at >= s.start && at < s.end)?.speaker ?? null;
    if (!p) problems.push(`quote not found in ${docId}: “${snippet}”`);
    else if (found === speaker) spOk++;
    else problems.push(`“${snippet}” (${docId}): said by ${speaker ?? 'the author'}, attributed to ${found ?? 'the author'}`);
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return {
    precision: ratio(count.honest, count.shown),
    top1: ratio(count.topOk, count.topAsked),
    coverage: ratio(count.covered, corpus.named.length),
    recall3: ratio(count.recall, count.recallAsked),
    viewpoints: ratio(count.vpOk, count.vpAsked),
    speakers: ratio(spOk, judgments.quotes.length),
    clips: count.clips,
    boilerplate: count.boilerplate,
    problems,
    shown: count.shown,
    cards: cards.size,
  };
}
