/**
 * The commands as a user meets them: lexicon load time and heap, then `define` and `search` through
 * the real dispatcher (validation, resolution, paging), and autocomplete (`suggest`, as the Discord
 * and Slack adapters call it), over fixed lists of realistic queries. Every query is timed in each
 * round; p50 and p99 are printed over all times and over each query's median (stable on a busy machine).
 * Run alone with `node --import tsx src/bench/commands-bench.ts`, or as part of `npm run bench`.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { dispatcher } from '../dispatcher.js';
import { loadLexicon } from '../core/load-lexicon.js';
import type { Lexicon } from '../core/lexicon.js';

/** Realistic queries from the document's own vocabulary, by kind. */
const QUERIES: Record<string, string[]> = {
  'define, exact': [
    'define empathy', 'define trust', 'define self-restraint', 'define TBMs', 'define CSO', 'define NMGPR',
    'define confidence', 'define reassurance', 'define opportunity engineering', 'define community of common destiny',
  ],
  'define, typo': ['define empathey', 'define reasurance', 'define trsut', 'define consociatonal security order', 'define oportunity engineering', 'define self restraint'],
  'define, CJK and romanized': ['define 同理心', 'define 共感', 'define 공감', 'define 协和安全机制', 'define 信任', 'define xinlai', 'define xiehe anquan jizhi'],
  search: ['search south china sea', 'search trust deficit', 'search effectivites', 'search security dilemma', 'search win-win cooperation', 'search 同理心'],
};

/** Partial terms as a user types them into a term option. */
const AUTOCOMPLETE = ['emp', 'tru', 'conf', 'self r', 'TBM', 'reasur', 'opport', 'consoc', '同理', 'xin', 'new mod', 'trsut'];

const ROUNDS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function ask(lexicon: Lexicon, line: string): void {
  const parsed = dispatcher.parse(line);
  if ('error' in parsed) throw new Error(`bench query does not parse: ${line}`);
  dispatcher.dispatch(lexicon, parsed);
}

/** Print load time, heap and per-kind latency of `define` and `search`. */
export async function run(): Promise<void> {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const lexicon = await loadLexicon();
  lexicon.search.passages('warm', 1); // the paragraph index is built on first passage search
  const loadMs = performance.now() - started;
  global.gc?.();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(`lexicon: ${lexicon.entries.length} entries loaded and indexed in ${loadMs.toFixed(0)} ms (cold, in-process), heap ${heapMb.toFixed(1)} MB${global.gc ? '' : ' (run with --expose-gc for an exact heap)'}`);

  // Untimed pass: see-also and the translation catalog are computed on first use.
  for (const lines of Object.values(QUERIES)) for (const line of lines) ask(lexicon, line);

  const kinds: [string, string[], (line: string) => void][] = [
    ...Object.entries(QUERIES).map(([kind, lines]): [string, string[], (line: string) => void] => [kind, lines, (line) => ask(lexicon, line)]),
    ['autocomplete (suggest 25)', AUTOCOMPLETE, (typed) => lexicon.search.suggest(typed, 25)],
  ];
  for (const typed of AUTOCOMPLETE) lexicon.search.suggest(typed, 25);
  console.log(`${'queries'.padEnd(28)} ${'n'.padStart(6)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'max ms'.padStart(9)}  ${'p50 / p99 of per-query medians'}`);
  for (const [kind, lines, run] of kinds) {
    const samples: number[] = [];
    const perQuery = lines.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      lines.forEach((line, i) => {
        const t0 = performance.now();
        run(line);
        const elapsed = performance.now() - t0;
        samples.push(elapsed);
        perQuery[i]!.push(elapsed);
      });
    }
    samples.sort((a, b) => a - b);
    const medians = perQuery.map((times) => times.sort((a, b) => a - b)[times.length >> 1]!).sort((a, b) => a - b);
    const cells = [percentile(samples, 50), percentile(samples, 99), samples[samples.length - 1] ?? Number.NaN].map((ms) => ms.toFixed(3).padStart(9));
    console.log(`${kind.padEnd(28)} ${String(samples.length).padStart(6)} ${cells.join(' ')}  ${percentile(medians, 50).toFixed(3)} / ${percentile(medians, 99).toFixed(3)}`);
  }
  console.log(`Load average: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run();
