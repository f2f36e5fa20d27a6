/**
 * Generated corpora for the benchmark: N document files (corpus/documentFile.ts's format: a JSON
 * metadata header between `---` lines, then the body) written to a folder, built from real
 * paragraphs (bench/text.mjs) with varied metadata. The extension is then built on that folder
 * (COUNTERPOINT_CORPUS_DIR), so the corpus reaches the background by the same code path as the
 * bundled one: compile step → virtual:counterpoint-corpus → CorpusStore.
 *
 * Bodies draw 3–8 paragraphs at random from the pool (about the size of the seed articles, whose
 * bodies are 2.5–3.4 KB). Deterministic: the same pool and N give the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from './text.mjs';

const PERSPECTIVES = [
  'Raqqa opposition activist', 'US officials via US press', 'Iraqi government', 'Kurdish administration',
  'Syrian government media', 'Humanitarian agency', 'Turkish officials', 'Russian state media',
  'Independent researcher', 'Local journalist in Mosul', 'Think tank analyst', 'UN report',
  'Displaced resident', 'Coalition spokesperson', 'Opposition council', 'Regional newspaper',
];
const OUTLETS = ['The Daily Ledger', 'Levant Review', 'Northern Courier', 'Tigris Times', 'Field Notes', 'Frontline Weekly', 'Desert Dispatch', 'Open Archive'];
const AUTHORS = ['A. Haddad', 'B. Karim', 'C. Novak', 'D. Rahman', 'E. Salih', 'F. Yilmaz', 'G. Petrov', 'H. Mansour', 'I. Doyle', 'J. Ahmed'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function generateCorpus(dir, count, pool, seed = 1) {
  if (pool.length === 0) throw new Error('no paragraphs to build a corpus from');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const n = 3 + Math.floor(random() * 6);
    const paras = [];
    for (let k = 0; k < n; k++) paras.push(pick(pool));
    const body = paras.join('\n\n');
    const year = 2011 + Math.floor(random() * 9);
    const month = Math.floor(random() * 12);
    const words = paras[0].split(/\s+/).slice(0, 8).join(' ').replace(/[,;:.]+$/, '');
    const id = `gen_${String(i).padStart(5, '0')}`;
    const meta = {
      id,
      title: `${words}…`,
      titleSupplied: true,
      author: pick(AUTHORS),
      outlet: pick(OUTLETS),
      date: `${year}-${String(month + 1).padStart(2, '0')}`,
      dateApproximate: random() < 0.2,
      dateLabel: `${MONTHS[month]} ${year}`,
      perspective: pick(PERSPECTIVES),
      origin: 'user',
    };
    const file = `---\n${JSON.stringify(meta, null, 2)}\n---\n${body}\n`;
    bytes += body.length;
    writeFileSync(join(dir, `${id}.txt`), file);
  }
  return { dir, documents: count, bodyChars: bytes };
}
