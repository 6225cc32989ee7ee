/**
 * The evaluation set through the real dispatcher: accuracy by category, then latency by query kind
 * (p50/p99 over per-query medians of repeated runs, wall and CPU time). Run alone with
 * `node --import tsx src/bench/eval-bench.ts` (`EVAL_BENCH_ROUNDS=9` for a quicker look), or as
 * part of `npm run bench`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { loadLexicon } from '../core/load-lexicon.js';
import { answerTextLine } from '../core/text-request.js';
import { dispatcher } from '../dispatcher.js';
import { evaluationTable, scoreEvaluation } from '../eval/report.js';
import { lineFor } from '../eval/score.js';

/** Runs per query (`EVAL_BENCH_ROUNDS` for a quicker look). */
const ROUNDS = Math.max(1, Number(process.env['EVAL_BENCH_ROUNDS'] ?? 25) || 25);

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

  // Latency: each query answered ROUNDS times; its median is one sample of its kind (the command it
  // ran). Wall time and this process's CPU time are both kept: on a loaded machine the wall time of
  // a one-millisecond answer is mostly time spent waiting for a core, which the CPU time leaves out.
  const wall = new Map<string, number[]>();
  const cpu = new Map<string, number[]>();
  const sample = (kind: string, answer: () => unknown) => {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      answer();
      times.push(performance.now() - t0);
      const used = process.cpuUsage(c0);
      cpuTimes.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    wall.set(kind, [...(wall.get(kind) ?? []), percentile(times, 50)]);
    cpu.set(kind, [...(cpu.get(kind) ?? []), percentile(cpuTimes, 50)]);
  };
  for (const s of scored) {
    const line = lineFor(s.query);
    sample(s.command, () => answerTextLine(dispatcher, lexicon, line));
  }
  // Autocomplete (Discord) and type-ahead (Slack) ask the same thing: each query's first letters.
  for (const s of scored) {
    const typed = s.query.query.slice(0, Math.max(3, Math.ceil(s.query.query.length / 2)));
    sample('autocomplete', () => lexicon.search.suggest(typed, 25));
  }
  console.log(`\nload average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  console.log(`latency through the dispatcher by command run (${ROUNDS} runs per query; p50/p99/max over per-query medians)`);
  console.log(`${'command'.padEnd(12)} ${'queries'.padStart(8)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)} ${'cpu p50'.padStart(9)} ${'cpu p99'.padStart(9)}`);
  for (const [command, samples] of [...wall].sort()) {
    samples.sort((a, b) => a - b);
    const cpuSamples = (cpu.get(command) ?? []).sort((a, b) => a - b);
    const cells = [percentile(samples, 50), percentile(samples, 99), samples[samples.length - 1] ?? Number.NaN, percentile(cpuSamples, 50), percentile(cpuSamples, 99)].map((ms) => ms.toFixed(3).padStart(9));
    console.log(`${command.padEnd(12)} ${String(samples.length).padStart(8)} ${cells.join(' ')}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
