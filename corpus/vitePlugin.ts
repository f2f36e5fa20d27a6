/**
 * The compile step at build time: a Vite plugin that compiles the corpus (documents → passages
 * with mentions and stance → entity index) and serves it as two virtual modules:
 *
 * - `virtual:counterpoint-corpus-manifest`, what the background imports: the small manifest of
 *   lib/corpus/assets.ts. In a build, loading it also writes the corpus's files into the
 *   extension (`corpus/…json`: one precomputed card per entity, the sources, the corpus in
 *   shards, the exported search index), which the worker reads only when a message needs them.
 *   So background.js stays small whatever the corpus's size, and a card after a cold start
 *   reads one small file.
 * - `virtual:counterpoint-corpus`, the whole compiled corpus as a module, for the tests (and any
 *   tool that wants it); no extension entrypoint imports it.
 * - `virtual:counterpoint-corpus-revision`, the corpus's revision (a content hash,
 *   lib/corpus/revision.ts) as a string: content scripts compare cached matcher data with it
 *   (platform/matcherCache.ts) without waking the worker.
 *
 * WXT builds each entrypoint separately, so one build asks for the corpus more than once: it is
 * compiled once per state of its documents folder.
 * Used by wxt.config.ts (extension builds) and vitest.config.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { packCorpus } from '../lib/corpus/assets';
import { CorpusStore } from '../lib/corpus/store';
import { compileCorpus } from '../lib/corpus/compile';
import { englishGazetteer, gazetteer } from './gazetteer';
import { DOCUMENTS_DIR, loadDocuments } from './load';

const CORPUS_MODULE_ID = 'virtual:counterpoint-corpus';
const CORPUS_MANIFEST_MODULE_ID = 'virtual:counterpoint-corpus-manifest';
const CORPUS_REVISION_MODULE_ID = 'virtual:counterpoint-corpus-revision';
const RESOLVED_CORPUS = '\0' + CORPUS_MODULE_ID;
const RESOLVED_MANIFEST = '\0' + CORPUS_MANIFEST_MODULE_ID;
const RESOLVED_REVISION = '\0' + CORPUS_REVISION_MODULE_ID;

/** JSON.parse of a string literal is faster for engines to load than an object literal. */
const jsonModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;

/** The last compiled corpus, with the state of the folder it was compiled from. */
let compiledCache: { key: string; store: CorpusStore } | undefined;

/** The corpus of the documents in `dir`, compiled again only when a file there changed. */
function compiledStore(dir: string, names: 'all' | 'en'): CorpusStore {
  const files = readdirSync(dir).sort().map((f) => ({ f, stat: statSync(join(dir, f)) }));
  const key = JSON.stringify([dir, names, files.map(({ f, stat }) => [f, stat.mtimeMs, stat.size])]);
  if (compiledCache?.key !== key) {
    compiledCache = { key, store: new CorpusStore(compileCorpus(loadDocuments(dir), names === 'en' ? englishGazetteer : gazetteer)) };
  }
  return compiledCache.store;
}

export function corpusPlugin(): Plugin {
  let command: 'build' | 'serve' = 'build';
  return {
    name: 'counterpoint-corpus',
    configResolved(config) {
      command = config.command;
    },
    resolveId(id) {
      if (id === CORPUS_MODULE_ID) return RESOLVED_CORPUS;
      if (id === CORPUS_MANIFEST_MODULE_ID) return RESOLVED_MANIFEST;
      if (id === CORPUS_REVISION_MODULE_ID) return RESOLVED_REVISION;
      return undefined;
    },
    load(id) {
      if (id !== RESOLVED_CORPUS && id !== RESOLVED_MANIFEST && id !== RESOLVED_REVISION) return undefined;
      // COUNTERPOINT_CORPUS_DIR: build with another folder of document files (the benchmark's
      // generated corpora). Default: corpus/documents/.
      const dir = process.env.COUNTERPOINT_CORPUS_DIR || DOCUMENTS_DIR;
      this.addWatchFile(dir);
      // COUNTERPOINT_NAMES=en: the English names only, the benchmark's baseline for the scan cost
      // of the region's languages (bench/build.mjs --english-names). Never for a shipped build.
      const store = compiledStore(dir, process.env.COUNTERPOINT_NAMES === 'en' ? 'en' : 'all');
      if (id === RESOLVED_CORPUS) return jsonModule(store.corpus);
      if (id === RESOLVED_REVISION) return `export default ${JSON.stringify(store.revision)};`;

      // A dev server (WXT imports the background in Node to read its options; Vitest) writes no
      // files: the manifest then names files that do not exist, and no index is exported.
      const build = command === 'build';
      const { manifest, files } = packCorpus(store, { index: build });
      if (build) for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
      return jsonModule(manifest);
    },
  };
}
