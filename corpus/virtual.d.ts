// Non-relative paths (WXT's "@/" alias): an ambient module cannot import relatively, and under
// skipLibCheck such an import silently turns the module's types into `any`.
declare module 'virtual:counterpoint-corpus' {
  import type { CompiledCorpus } from '@/lib/corpus/types';
  const corpus: CompiledCorpus;
  export default corpus;
}

declare module 'virtual:counterpoint-corpus-manifest' {
  import type { CorpusManifest } from '@/lib/corpus/assets';
  const manifest: CorpusManifest;
  export default manifest;
}

declare module 'virtual:counterpoint-corpus-revision' {
  /** CorpusManifest.revision of the corpus this build holds. */
  const revision: string;
  export default revision;
}
