/**
 * The evaluation set (test/fixtures/eval: 247 queries written from the document and 170 written
 * blind by another writer) answered through the real dispatcher on the real lexicon, typed as in
 * chat. Fails when the accuracy of a category drops below the level reached (docs/evaluation.md).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/core/lexicon.js';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import { EVAL_CATEGORIES, loadEvalSet } from '../../src/eval/eval-set.js';
import type { EvalCategory } from '../../src/eval/eval-set.js';
import { accuracyByCategory } from '../../src/eval/score.js';
import { scoreEvaluation } from '../../src/eval/report.js';
import type { ScoredQuery } from '../../src/eval/score.js';

/** Correct answers per category at the level reached; a change that loses one fails here. */
const REACHED: Record<EvalCategory, number> = {
  'entry-name': 49 / 50,
  'acronym-glossary': 68 / 68,
  'cited-scholar': 67 / 67,
  question: 46 / 48,
  misspelling: 40 / 40,
  cjk: 44 / 44,
  topic: 47 / 50,
  compare: 27 / 30,
  absent: 20 / 20,
};

let lexicon: Lexicon;
let scored: ScoredQuery[];

beforeAll(async () => {
  lexicon = await loadLexicon();
  scored = scoreEvaluation(lexicon);
});

describe('evaluation set', () => {
  it('has at least 300 queries, every category, each with why', () => {
    const set = loadEvalSet();
    expect(set.length).toBeGreaterThanOrEqual(300);
    expect(new Set(set.map((q) => q.category))).toEqual(new Set(EVAL_CATEGORIES));
    for (const query of set) for (const id of query.expect) expect(lexicon.entry(id), `${query.query}: ${id}`).toBeDefined();
  });

  it.each(EVAL_CATEGORIES)('%s: accuracy stays at the level reached', (category) => {
    const row = accuracyByCategory(scored).get(category)!;
    const misses = scored.filter((s) => s.query.category === category && !s.correct).map((s) => `${s.line} → ${s.answered.join(', ') || '(none)'}`);
    expect(row.correct / row.total, misses.join('\n')).toBeGreaterThanOrEqual(REACHED[category]);
  });
});
