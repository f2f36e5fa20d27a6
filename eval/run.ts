/**
 * `npm run eval`: how right the cards are, measured on judged corpora through the product's own code
 * paths, and gated on each of them (eval/measure.ts says what each measure counts):
 *
 *   - the project's corpus (eval/documents/, a fictional war) and the bundled articles
 *     (corpus/documents/): compile → CorpusStore → lookupEntity, as the build makes the cards;
 *   - a second fictional conflict (eval/imported/), imported as a reader imports their own
 *     documents (eval/userImport.ts): parsed, compiled and carded by lib/userCorpus and the worker's
 *     CorpusService, its places and groups added as the user's own entities.
 *
 * Prints precision, top-1, coverage, recall@3, viewpoints, speakers, clips and boilerplate per
 * corpus; exits 1 when any corpus misses any threshold. Not a timing test.
 */
import { fileURLToPath } from 'node:url';
import { compileCorpus } from '../corpus/compile';
import { gazetteer } from '../corpus/gazetteer';
import { loadDocuments } from '../corpus/load';
import { CorpusStore } from '../lib/corpus/store';
import type { CompiledCorpus } from '../lib/corpus/types';
import { evalGazetteer } from './gazetteer';
import { importedEntities, importedJudgments } from './importedJudgments';
import { project } from './judgments';
import { evaluate, THRESHOLDS, type Judged, type Report } from './measure';
import { seeds } from './seedJudgments';
import { importAsUser } from './userImport';

function print(name: string, r: Report): boolean {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);
  const rows: Array<[string, keyof typeof THRESHOLDS]> = [
    ['precision of shown passages', 'precision'],
    ['top passage about the entity', 'top1'],
    ['coverage (a card never empty)', 'coverage'],
    ['recall@3 of passages about it', 'recall3'],
    ['viewpoints when ≥ 2 voices', 'viewpoints'],
    ['quote speakers attributed', 'speakers'],
  ];
  console.log(`\n${name} (${r.cards} cards, ${r.shown} judged passages shown)`);
  let pass = true;
  for (const [label, key] of rows) {
    const ok = r[key] >= THRESHOLDS[key];
    pass &&= ok;
    console.log(`  ${label.padEnd(32)} ${pct(r[key])}   ${ok ? 'PASS' : 'FAIL'} (≥ ${pct(THRESHOLDS[key]).trim()})`);
  }
  for (const key of ['clips', 'boilerplate'] as const) {
    const ok = r[key] <= THRESHOLDS[key];
    pass &&= ok;
    console.log(`  ${(key === 'clips' ? 'clips cutting a word' : 'boilerplate shown').padEnd(32)} ${String(r[key]).padStart(7)}   ${ok ? 'PASS' : 'FAIL'} (= 0)`);
  }
  for (const p of r.problems) console.log(`    · ${p}`);
  return pass;
}

/** A compiled corpus's cards, as the build makes them. */
function built(corpus: CompiledCorpus): Judged {
  const store = new CorpusStore(corpus);
  return {
    card: (id) => Promise.resolve(store.lookupEntity(id)),
    passages: corpus.passages,
    sources: new Map(corpus.documents.map((d) => [d.meta.id, d.meta])),
    named: corpus.entities.map((e) => e.id).filter((id) => corpus.entityPassages[id]?.length),
  };
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

{
  const own = compileCorpus(loadDocuments(here('./documents/')), evalGazetteer);
  const seed = compileCorpus(loadDocuments(), gazetteer);
  const imported = await importAsUser(seed, here('./imported/'), importedEntities);
  const results = [
    print('Project corpus (eval/documents: the Maren Valley war, fictional)', await evaluate(built(own), project)),
    print('Bundled articles (corpus/documents)', await evaluate(built(seed), seeds)),
    print('Imported as the user\'s own documents (eval/imported: the Ardel Coast war, fictional)', await evaluate(imported.judged, importedJudgments(imported.docIds, imported.entityIds))),
  ];
  const ok = results.every(Boolean);
  console.log(ok ? '\neval: PASS' : '\neval: FAIL');
  process.exit(ok ? 0 : 1);
}
