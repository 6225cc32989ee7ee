/** Prints the slowest evaluation queries (median of 15 runs): `node --import tsx src/eval/slowest.ts`. */
import { performance } from 'node:perf_hooks';
import { loadLexicon } from '../core/load-lexicon.js';
import { answerTextLine } from '../core/text-request.js';
import { dispatcher } from '../dispatcher.js';
import { loadEvalSet } from './eval-set.js';

const lexicon = await loadLexicon();
const rows = loadEvalSet().map((query) => {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    answerTextLine(dispatcher, lexicon, query.query);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { line: query.query, ms: times[7]! };
});
for (const row of rows.sort((a, b) => b.ms - a.ms).slice(0, 15)) console.log(row.ms.toFixed(2).padStart(8), row.line);
