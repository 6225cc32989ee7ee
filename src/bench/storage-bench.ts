/**
 * Storage, measured on each engine (embedded SQLite through better-sqlite3, PostgreSQL through
 * node-postgres, both under Kysely): time to open and migrate, µs per settings upsert, lookups
 * written per second (batched as the recorder writes them, and one row per statement), process RSS,
 * `npm start` time to the console's first output, and the answer latency with recording on and off.
 * PostgreSQL is DATABASE_URL when set, else a temporary server (skipped, saying so, when none starts).
 * Run alone with `node --import tsx --expose-gc src/bench/storage-bench.ts`, or in `npm run bench`.
 * `--answers-only` measures only the answer latency (about a minute), `--rounds N` sets its rounds
 * (default 300), `--engine sqlite|postgresql` runs one engine, `--per-query` prints each query's medians.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { answeredRequest } from '../core/answered.js';
import type { Lexicon } from '../core/lexicon.js';
import { loadLexicon } from '../core/load-lexicon.js';
import { DEFAULT_SETTINGS, preferencesOf } from '../core/settings.js';
import { answerRead, readTextLine } from '../core/text-request.js';
import { dispatcher } from '../dispatcher.js';
import { silentLogger } from '../core/logger.js';
import type { LookupRecord } from '../core/store.js';
import { TeamMemory } from '../core/team-memory.js';
import { openStore, type StoreOptions } from '../storage/open.js';
import { startTempPostgres } from '../storage/temp-postgres.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `--answers-only`, `--rounds N`, `--engine sqlite|postgresql`, `--per-query`. */
const args = process.argv.slice(2);
const flag = (name: string) => args.indexOf(name);
const ANSWERS_ONLY = flag('--answers-only') >= 0;
const ROUNDS = flag('--rounds') >= 0 ? Math.max(20, Number(args[flag('--rounds') + 1]) || 300) : 300;
const PER_QUERY = flag('--per-query') >= 0;
const ONLY_ENGINE = flag('--engine') >= 0 ? args[flag('--engine') + 1] : undefined;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

interface Engine {
  name: 'sqlite' | 'postgresql';
  /** A fresh empty database. */
  fresh(): Promise<StoreOptions>;
  env(options: StoreOptions): Record<string, string>;
}

function lookupRow(i: number): LookupRecord {
  return { at: Date.now(), surface: 'bench', workspaceId: 'G1', channelId: 'C1', userId: null, command: 'define', query: `term ${i % 50}`, replyKind: 'definition', entryId: 'trust', suggestions: 0, latencyMs: 0.5 };
}

async function measureEngine(engine: Engine): Promise<void> {
  if (ANSWERS_ONLY) return answerLatency(engine, await engine.fresh());
  // Open + migrate a new database, then open an existing one (what every later start does).
  const options = await engine.fresh();
  let started = performance.now();
  const store = await openStore(options);
  const firstOpen = performance.now() - started;
  await store.close();
  const reopen: number[] = [];
  for (let i = 0; i < 5; i++) {
    started = performance.now();
    const again = await openStore(options);
    reopen.push(performance.now() - started);
    await again.close();
  }
  const s = await openStore(options);

  const UPSERTS = 2000;
  started = performance.now();
  for (let i = 0; i < UPSERTS; i++) {
    await s.setSettings({ kind: 'channel', platform: 'discord', workspaceId: 'G1', channelId: `C${i % 100}` }, { language: i % 2 ? 'ja' : 'zh' });
  }
  const upsertUs = ((performance.now() - started) / UPSERTS) * 1000;

  const BATCHES = 50;
  const BATCH = 200;
  started = performance.now();
  for (let b = 0; b < BATCHES; b++) await s.recordLookups(Array.from({ length: BATCH }, (_, i) => lookupRow(b * BATCH + i)));
  const batchedPerSecond = (BATCHES * BATCH) / ((performance.now() - started) / 1000);

  const SINGLES = 2000;
  started = performance.now();
  for (let i = 0; i < SINGLES; i++) await s.recordLookups([lookupRow(i)]);
  const singlePerSecond = SINGLES / ((performance.now() - started) / 1000);

  started = performance.now();
  const stats = await s.lookupStats({ since: 0, limit: 10 });
  const statsMs = performance.now() - started;
  await s.close();

  console.log(
    `${engine.name.padEnd(10)} open+migrate new ${firstOpen.toFixed(1)} ms, open existing ${median(reopen).toFixed(1)} ms (median of 5); ` +
      `settings upsert ${upsertUs.toFixed(0)} µs; lookups written ${Math.round(batchedPerSecond).toLocaleString('en')}/s in batches of ${BATCH}, ` +
      `${Math.round(singlePerSecond).toLocaleString('en')}/s one per statement; stats over ${stats.total.toLocaleString('en')} rows ${statsMs.toFixed(1)} ms`,
  );

  await startupTime(engine, await engine.fresh());
  await answerLatency(engine, await engine.fresh());
}

/** `npm start` (console) until its first output, five times on an existing database. */
async function startupTime(engine: Engine, options: StoreOptions): Promise<void> {
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const started = performance.now();
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, NO_COLOR: '1', LOG_LEVEL: 'warn', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', DATA_DIR: '', DATABASE_URL: '', ...engine.env(options) },
      });
      let at = 0;
      child.stdout.once('data', () => {
        at = performance.now() - started;
        child.stdin.end();
      });
      child.on('error', reject);
      child.on('close', () => (at ? resolve(at) : reject(new Error('npm start printed nothing'))));
    });
  await once(); // creates and migrates the database
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(await once());
  const sorted = times.sort((a, b) => a - b);
  console.log(`${engine.name.padEnd(10)} npm start to the console's first output: median ${median(sorted).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (5 runs)`);
}

/** Where the bench's answers are asked: a Discord server's channel. */
const PLACE = { platform: 'discord' as const, workspaceId: 'G-bench', channelId: 'C-bench', userId: 'U-bench' };

/**
 * One answer as a chat surface gives it (src/adapters/discord/interactions.ts, Slack's listeners):
 * the place's settings read (through TeamMemory's short cache), the request answered with them, the
 * answer recorded (appended to the recorder's buffer; written in batches off the request path).
 * Without a store, the defaults, and nothing recorded. Rendering and the network are left out: they
 * are the same either way.
 */
function chatAnswerer(lexicon: Lexicon, memory?: TeamMemory): (line: string) => Promise<void> {
  return async (line) => {
    const started = performance.now();
    const read = readTextLine(dispatcher, line);
    if ('error' in read) throw new Error(`bench query does not parse: ${line}`);
    const settings = memory ? await memory.settingsFor(PLACE) : await Promise.resolve(DEFAULT_SETTINGS);
    const reply = answerRead(dispatcher, lexicon, { ...read, request: { ...read.request, preferences: preferencesOf(settings) } });
    memory?.record(answeredRequest({ surface: 'bench', ...PLACE }, read.request.command, read.request.options, reply, performance.now() - started));
  };
}

/** Chat answers with recording on and off, interleaved (alternating which goes first); p99 over per-query medians. */
async function answerLatency(engine: Engine, options: StoreOptions): Promise<void> {
  const lexicon = await loadLexicon();
  const memory = new TeamMemory({ store: await openStore(options), logger: silentLogger, recordUserIds: false, retentionDays: 90 });
  // The channel has settings, so that reading them is part of every answer with the store.
  await memory.setSettings({ kind: 'channel', platform: 'discord', workspaceId: PLACE.workspaceId, channelId: PLACE.channelId }, { language: 'ja' });
  const on = chatAnswerer(lexicon, memory);
  const off = chatAnswerer(lexicon);
  const queries = ['define empathy', 'define trust', 'define TBMs', 'define empathey', 'define 信任', 'translate trust', 'cite trust', 'search south china sea', 'compare confidence trust', 'define frobnicate'];
  const WARM_UP = 20;
  const samples = { on: new Map<string, number[]>(), off: new Map<string, number[]>() };
  for (let round = 0; round < ROUNDS + WARM_UP; round++) {
    for (const query of queries) {
      for (const [mode, answer] of round % 2 ? ([['on', on], ['off', off]] as const) : ([['off', off], ['on', on]] as const)) {
        const started = performance.now();
        await answer(query);
        const elapsed = performance.now() - started;
        if (round >= WARM_UP) {
          const list = samples[mode].get(query) ?? [];
          list.push(elapsed);
          samples[mode].set(query, list);
        }
      }
    }
  }
  await memory.close();
  const summary = (mode: 'on' | 'off') => {
    const medians = [...samples[mode].values()].map(median).sort((a, b) => a - b);
    const all = [...samples[mode].values()].flat().sort((a, b) => a - b);
    return { p50: percentile(all, 50), p99: percentile(all, 99), p99OfMedians: percentile(medians, 99) };
  };
  if (PER_QUERY) for (const [query, list] of samples.on) console.log(`  ${query.padEnd(26)} median on ${median(list).toFixed(3)} ms, off ${median(samples.off.get(query) ?? []).toFixed(3)} ms`);
  const a = summary('on');
  const b = summary('off');
  console.log(
    `${engine.name.padEnd(10)} answer latency (chat path: settings, answer, record; ${queries.length} queries × ${ROUNDS}, interleaved): ` +
      `recording on p50 ${a.p50.toFixed(3)} ms, p99 ${a.p99.toFixed(3)} ms, p99 of per-query medians ${a.p99OfMedians.toFixed(3)} ms; ` +
      `off p50 ${b.p50.toFixed(3)} ms, p99 ${b.p99.toFixed(3)} ms, p99 of medians ${b.p99OfMedians.toFixed(3)} ms; ratio of p99 of medians ${(a.p99OfMedians / b.p99OfMedians).toFixed(2)}× (recorded ${memory.recorder?.written ?? 0}, failed ${memory.failedWrites})`,
  );
}

/** RSS of a bare node process, and of one that opened the engine and wrote 1,000 rows. */
function rss(engine: Engine, options: StoreOptions): void {
  const code = (body: string) =>
    spawnSync(process.execPath, ['--input-type=module', '-e', body], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  const bare = Number(code('console.log(process.memoryUsage().rss)'));
  const body =
    engine.name === 'sqlite'
      ? `import D from 'better-sqlite3'; const d = new D(${JSON.stringify(join(options.dataDir ?? '', 'rss.sqlite'))}); d.exec('create table if not exists t (a text)'); const s = d.prepare('insert into t values (?)'); for (let i = 0; i < 1000; i++) s.run('x' + i); console.log(process.memoryUsage().rss)`
      : `import pg from 'pg'; const c = new pg.Client(${JSON.stringify(options.databaseUrl)}); await c.connect(); await c.query('create table if not exists t (a text)'); for (let i = 0; i < 1000; i++) await c.query('insert into t values ($1)', ['x' + i]); await c.end(); console.log(process.memoryUsage().rss)`;
  const used = Number(code(body));
  console.log(`${engine.name.padEnd(10)} process RSS: bare node ${(bare / 1e6).toFixed(0)} MB; after opening and writing 1,000 rows ${(used / 1e6).toFixed(0)} MB`);
}

export async function run(): Promise<void> {
  const dirs: string[] = [];
  const sqlite: Engine = {
    name: 'sqlite',
    async fresh() {
      const dataDir = mkdtempSync(join(tmpdir(), 'lexicon-bench-'));
      dirs.push(dataDir);
      return { dataDir };
    },
    env: (options) => ({ DATA_DIR: options.dataDir ?? '' }),
  };
  let server: Awaited<ReturnType<typeof startTempPostgres>> | undefined;
  let postgres: Engine | undefined;
  try {
    if (ONLY_ENGINE === 'sqlite') throw new Error('--engine sqlite');
    const serverUrl = process.env.DATABASE_URL || (server = await startTempPostgres()).url;
    let n = 0;
    postgres = {
      name: 'postgresql',
      async fresh() {
        const name = `lexicon_bench_${process.pid}_${n++}`;
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = new URL(serverUrl);
        url.pathname = `/${name}`;
        return { databaseUrl: url.toString() };
      },
      env: (options) => ({ DATABASE_URL: options.databaseUrl ?? '' }),
    };
    console.log(`PostgreSQL: ${server ? 'a temporary local server (fsync off)' : 'DATABASE_URL'}`);
  } catch (error) {
    console.log(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    for (const engine of [sqlite, ...(postgres ? [postgres] : [])].filter((candidate) => !ONLY_ENGINE || candidate.name === ONLY_ENGINE)) {
      if (!ANSWERS_ONLY) rss(engine, await engine.fresh());
      await measureEngine(engine);
    }
  } finally {
    await server?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
