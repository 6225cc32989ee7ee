/**
 * Prints the evaluation: accuracy by category and the misses. `node --import tsx src/eval/report.ts [--misses]`
 * The one place that loads and scores the set: the bench (`src/bench/eval-bench.ts`) calls it too.
 */
import { pathToFileURL } from 'node:url';
import type { Lexicon } from '../core/lexicon.js';
import { loadLexicon } from '../core/load-lexicon.js';
import { EVAL_CATEGORIES, loadEvalSet } from './eval-set.js';
import { accuracyByCategory, scoreQuery } from './score.js';
import type { ScoredQuery } from './score.js';

/** Every query of the evaluation set answered through the dispatcher and scored. */
export function scoreEvaluation(lexicon: Lexicon): ScoredQuery[] {
  return loadEvalSet().map((query) => scoreQuery(lexicon, query));
}

/** The accuracy table by category (and the misses when asked), as lines. */
export function evaluationTable(scored: readonly ScoredQuery[], showMisses = false): string[] {
  const table = accuracyByCategory(scored);
  const lines = [`${'category'.padEnd(18)} ${'correct'.padStart(8)} ${'total'.padStart(6)} ${'accuracy'.padStart(9)}`];
  let correct = 0;
  for (const category of EVAL_CATEGORIES) {
    const row = table.get(category);
    if (!row) continue;
    correct += row.correct;
    lines.push(`${category.padEnd(18)} ${String(row.correct).padStart(8)} ${String(row.total).padStart(6)} ${((100 * row.correct) / row.total).toFixed(1).padStart(8)}%`);
  }
  lines.push(`${'all'.padEnd(18)} ${String(correct).padStart(8)} ${String(scored.length).padStart(6)} ${((100 * correct) / scored.length).toFixed(1).padStart(8)}%`);
  if (showMisses) {
    for (const s of scored.filter((x) => !x.correct)) {
      lines.push(`MISS [${s.query.category}] ${s.line}  → ${s.answered.join(', ') || '(none)'}  expected ${s.query.expect.join(' | ') || '(none)'}`);
    }
  }
  return lines;
}

/** Scores the whole set and prints the table (and the misses when asked). */
export async function printEvaluation(showMisses: boolean): Promise<ScoredQuery[]> {
  const scored = scoreEvaluation(await loadLexicon());
  for (const line of evaluationTable(scored, showMisses)) console.log(line);
  return scored;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await printEvaluation(process.argv.includes('--misses'));
