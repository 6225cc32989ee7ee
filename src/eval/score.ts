/**
 * Scoring one evaluation query: it is typed on a text surface as a user would (the command its
 * category implies, or the plain sentence for questions), answered by the real dispatcher, and the
 * entries the answer leads with are compared with what the document says.
 */
import { performance } from 'node:perf_hooks';
import type { Lexicon } from '../core/lexicon.js';
import { targetOfReference } from '../core/entry-views.js';
import { blocksOf, translationsOf, type Reply } from '../core/reply.js';
import { answerTextLine } from '../core/text-request.js';
import { dispatcher } from '../dispatcher.js';
import type { EvalCategory, EvalQuery } from './eval-set.js';

/**
 * The line as a user types it in chat: every query goes through the one text-surface reading
 * (a command, a plain question, or a bare term), as on the console, Slack text and mentions.
 */
export function lineFor(query: EvalQuery): string {
  return query.query;
}

/** The entry of a reference "entryId" or "entryId/sectionId". */
function entryOfReference(lexicon: Lexicon, reference: unknown): string | undefined {
  if (typeof reference !== 'string') return undefined;
  // A compact address ("@8.1"), as a button that had to fit Discord's limit carries it.
  if (reference.startsWith('@')) return targetOfReference(lexicon, reference)?.entry.id;
  const id = reference.split(/[/#@]/)[0] ?? '';
  return lexicon.entry(id) ? id : undefined;
}

/** The entries an answer leads with, in order: what a reader takes as "the answer". */
export function answeredEntries(lexicon: Lexicon, reply: Reply): string[] {
  if (reply.kind === 'no-match' || reply.kind === 'usage-error' || reply.kind === 'error' || reply.kind === 'help') return [];
  const found: string[] = [];
  const add = (id: string | null | undefined) => { if (id && !found.includes(id)) found.push(id); };
  if (reply.kind === 'comparison') {
    // Each side is offered to define by its address (one button when both sides are one entry).
    const sides = reply.actions.filter((action) => action.kind === 'open' && action.request.command === 'define').map((action) => entryOfReference(lexicon, action.request.options['term']));
    return (sides.length === 1 ? [sides[0], sides[0]] : sides).filter((id): id is string => id !== undefined);
  }
  // A rendering is answered by the entry whose text records it; candidates are the answer of an ambiguous lookup.
  if (reply.kind === 'translation') for (const translation of translationsOf(reply)) add(translation.entryId);
  add(reply.entryId);
  for (const block of blocksOf(reply, 'results')) for (const result of block.results) add(result.entryId);
  for (const translation of translationsOf(reply)) add(translation.entryId);
  if (reply.kind === 'lookup') for (const block of blocksOf(reply, 'suggestions')) for (const view of block.suggestions) add(view.entryId);
  return found;
}

/** Whether the answer is right for the query (see docs/evaluation.md for the rules). */
export function isCorrect(query: EvalQuery, answered: readonly string[]): boolean {
  if (query.expect.length === 0) return answered.length === 0;
  // A comparison is right when both sides are read in entries that discuss them.
  if (query.category === 'compare') return answered.length === 2 && answered.every((id) => query.expect.includes(id));
  return answered[0] !== undefined && query.expect.includes(answered[0]);
}

export interface ScoredQuery {
  query: EvalQuery;
  line: string;
  answered: string[];
  correct: boolean;
  ms: number;
  command: string;
}

/** Answers one query through the dispatcher and scores it. */
export function scoreQuery(lexicon: Lexicon, query: EvalQuery): ScoredQuery {
  const line = lineFor(query);
  const t0 = performance.now();
  const reply = answerTextLine(dispatcher, lexicon, line);
  const ms = performance.now() - t0;
  const answered = answeredEntries(lexicon, reply);
  return { query, line, answered, correct: isCorrect(query, answered), ms, command: reply.request.command };
}

/** Accuracy per category: correct / total. */
export function accuracyByCategory(scored: readonly ScoredQuery[]): Map<EvalCategory, { correct: number; total: number }> {
  const table = new Map<EvalCategory, { correct: number; total: number }>();
  for (const s of scored) {
    const row = table.get(s.query.category) ?? { correct: 0, total: 0 };
    row.total++;
    if (s.correct) row.correct++;
    table.set(s.query.category, row);
  }
  return table;
}
