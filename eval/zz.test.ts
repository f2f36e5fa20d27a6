import { it } from 'vitest';
import { loadDocuments } from '../corpus/load';
import { compileCorpus } from '../corpus/compile';
import { evalGazetteer } from './gazetteer';
import { rankPassagesForEntity } from '../lib/card/viewpoints';
it('x', () => {
  const c = compileCorpus(loadDocuments(new URL('./documents/', import.meta.url).pathname), evalGazetteer);
  for (const e of evalGazetteer) {
    console.log('\n##', e.id);
    for (const r of rankPassagesForEntity(c, e.id)) console.log(r.substantive ? 'S' : '-', r.passage.docId, r.score.toFixed(2), r.passage.stance, '|', r.passage.text.replace(/\n/g,' '));
  }
  for (const p of c.passages) for (const s of p.speech ?? []) console.log('SPEECH', p.docId, s.kind, s.speaker, '|', s.role ?? '', '|', p.text.slice(s.start, s.end).slice(0, 60));
});
