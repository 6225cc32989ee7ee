/**
 * Prints the evaluation: accuracy by category and the misses. `node --import tsx src/eval/report.ts [--misses]`
 */
import { pathToFileURL } from 'node:url';
import { loadLexicon } from '../core/load-lexicon.js';
import { EVAL_CATEGORIES, loadEvalSet } from './eval-set.js';
import { accuracyByCategory, scoreQuery } from './score.js';
import type { ScoredQuery } from './score.js';

/** Scores the whole set and prints the table (and the misses when asked). */
export async function printEvaluation(showMisses: boolean): Promise<ScoredQuery[]> {
  const lexicon = await loadLexicon();
  const set = loadEvalSet();
  const scored = set.map((query) => scoreQuery(lexicon, query));
  const table = accuracyByCategory(scored);
  console.log(`${'category'.padEnd(18)} ${'correct'.padStart(8)} ${'total'.padStart(6)} ${'accuracy'.padStart(9)}`);
  let correct = 0;
  for (const category of EVAL_CATEGORIES) {
    const row = table.get(category);
    if (!row) continue;
    correct += row.correct;
    console.log(`${category.padEnd(18)} ${String(row.correct).padStart(8)} ${String(row.total).padStart(6)} ${((100 * row.correct) / row.total).toFixed(1).padStart(8)}%`);
  }
  console.log(`${'all'.padEnd(18)} ${String(correct).padStart(8)} ${String(scored.length).padStart(6)} ${((100 * correct) / scored.length).toFixed(1).padStart(8)}%`);
  if (showMisses) {
    for (const s of scored.filter((x) => !x.correct)) {
      console.log(`MISS [${s.query.category}] ${s.line}  → ${s.answered.join(', ') || '(none)'}  expected ${s.query.expect.join(' | ') || '(none)'}`);
    }
  }
  return scored;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await printEvaluation(process.argv.includes('--misses'));
