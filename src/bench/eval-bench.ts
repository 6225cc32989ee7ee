/**
 * The evaluation set through the real dispatcher: accuracy by category, then latency by query kind
 * (p50/p99 over per-query medians of repeated runs). Run alone with
 * `node --import tsx src/bench/eval-bench.ts`, or as part of `npm run bench`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadLexicon } from '../core/load-lexicon.js';
import { answerTextLine } from '../core/text-request.js';
import { dispatcher } from '../dispatcher.js';
import { evaluationTable, scoreEvaluation } from '../eval/report.js';
import { lineFor } from '../eval/score.js';

const ROUNDS = 25;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Prints accuracy by category and latency by the command each query ran. */
export async function run(): Promise<void> {
  const lexicon = await loadLexicon();
  // Scored by the report's own scorer: one place loads and scores the set.
  const scored = scoreEvaluation(lexicon);
  console.log(`evaluation set: ${scored.length} queries (test/fixtures/eval), typed as in chat`);
  for (const line of evaluationTable(scored)) console.log(line);

  // Latency: each query answered ROUNDS times; its median is one sample of its kind (the command it ran).
  const medians = new Map<string, number[]>();
  for (const s of scored) {
    const line = lineFor(s.query);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const t0 = performance.now();
      answerTextLine(dispatcher, lexicon, line);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    medians.set(s.command, [...(medians.get(s.command) ?? []), percentile(times, 50)]);
  }
  console.log(`\nload average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  console.log(`latency through the dispatcher by command run (${ROUNDS} runs per query; p50/p99/max over per-query medians)`);
  console.log(`${'command'.padEnd(12)} ${'queries'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}`);
  for (const [command, samples] of [...medians].sort()) {
    samples.sort((a, b) => a - b);
    const cells = [percentile(samples, 50), percentile(samples, 99), samples[samples.length - 1] ?? Number.NaN].map((ms) => ms.toFixed(3).padStart(9));
    console.log(`${command.padEnd(12)} ${String(samples.length).padStart(8)} ${cells.join(' ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
