/**
 * `npm run eval`: how right the cards are, measured on judged corpora through the build's own code
 * path (compile → CorpusStore → lookupEntity). Prints, per corpus:
 *
 *   precision   shown excerpts (main list and viewpoints) judged "about the entity" / all shown
 *   top-1       entities whose first shown excerpt is about them / entities with such a passage
 *   viewpoints  entities that show ≥ 2 viewpoints from ≥ 2 voices / entities where ≥ 2 voices
 *               (sources, by author or outlet) have a passage judged about them
 *   speakers    judged sentences attributed to the right speaker (or, for the author's own
 *               words, to nobody) / all judged sentences
 *
 * Exits 1 when the project's own corpus falls below its thresholds. Not a timing test.
 */
import { fileURLToPath } from 'node:url';
import { compileCorpus } from '../lib/corpus/compile';
import { gazetteer } from '../corpus/gazetteer';
import { loadDocuments } from '../corpus/load';
import { CorpusStore } from '../lib/corpus/store';
import type { CompiledCorpus } from '../lib/corpus/types';
import { evalGazetteer } from './gazetteer';
import { project, type Judgments } from './judgments';
import { seeds } from './seedJudgments';

const THRESHOLDS = { precision: 0.9, top1: 0.9, viewpoints: 1, speakers: 0.9 };

interface Report {
  precision: number;
  top1: number;
  viewpoints: number;
  speakers: number;
  problems: string[];
  shown: number;
}

function evaluate(corpus: CompiledCorpus, judgments: Judgments): Report {
  const store = new CorpusStore(corpus);
  const docs = new Map(corpus.documents.map((d) => [d.meta.id, d.meta]));
  const problems: string[] = [];
  let shown = 0;
  let about = 0;
  let topAsked = 0;
  let topOk = 0;
  let vpAsked = 0;
  let vpOk = 0;
  for (const [entityId, judged] of Object.entries(judgments.passages)) {
    const card = store.lookupEntity(entityId);
    const list = [...card.excerpts, ...card.viewpoints];
    const grade = (docId: string, text: string) => {
      const hits = judged.filter(([d, snippet]) => d === docId && text.includes(snippet));
      return hits.length ? Math.max(...hits.map((h) => h[2])) : undefined;
    };
    for (const e of list) {
      const g = grade(e.passage.docId, e.passage.text);
      shown++;
      if (g === 2) about++;
      else problems.push(`${entityId}: shows a ${g === undefined ? 'passage nobody judged' : `grade-${g} passage`} from ${e.passage.docId}: “${e.passage.text.slice(0, 90)}…”`);
    }
    const substantive = judged.filter((j) => j[2] === 2);
    if (substantive.length) {
      topAsked++;
      if (list[0] && grade(list[0].passage.docId, list[0].passage.text) === 2) topOk++;
      else problems.push(`${entityId}: the first excerpt is not about it`);
    }
    const voices = new Set(substantive.map(([d]) => docs.get(d)?.author ?? docs.get(d)?.outlet ?? d));
    if (voices.size >= 2) {
      vpAsked++;
      const named = new Set(card.viewpoints.map((v) => v.voice?.name));
      if (card.viewpoints.length >= 2 && named.size >= 2) vpOk++;
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
    precision: ratio(about, shown),
    top1: ratio(topOk, topAsked),
    viewpoints: ratio(vpOk, vpAsked),
    speakers: ratio(spOk, judgments.quotes.length),
    problems,
    shown,
  };
}

function print(name: string, r: Report, gate: boolean): boolean {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  const rows: Array<[string, number, number]> = [
    ['precision of shown excerpts', r.precision, THRESHOLDS.precision],
    ['top excerpt about the entity', r.top1, THRESHOLDS.top1],
    ['viewpoints when ≥ 2 voices', r.viewpoints, THRESHOLDS.viewpoints],
    ['quote speakers attributed', r.speakers, THRESHOLDS.speakers],
  ];
  console.log(`\n${name} (${r.shown} excerpts shown)`);
  let pass = true;
  for (const [label, value, min] of rows) {
    const ok = value >= min;
    pass &&= ok;
    console.log(`  ${label.padEnd(30)} ${pct(value)}   ${gate ? (ok ? 'PASS' : 'FAIL') : 'info'} (≥ ${pct(min).trim()})`);
  }
  for (const p of r.problems) console.log(`    · ${p}`);
  return pass || !gate;
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

{
  const own = compileCorpus(loadDocuments(here('./documents/')), evalGazetteer);
  const seed = compileCorpus(loadDocuments(), gazetteer);
  const ok = print('Project corpus (eval/documents: the Maren Valley war, fictional)', evaluate(own, project), true);
  print('Bundled seeds (corpus/documents)', evaluate(seed, seeds), false);
  console.log(ok ? '\neval: PASS' : '\neval: FAIL');
  process.exit(ok ? 0 : 1);
}
