declare module 'virtual:counterpoint-corpus' {
  import type { CompiledCorpus } from '../lib/types';
  const corpus: CompiledCorpus;
  export default corpus;
}
