/**
 * Cold start of the one-shot command (`npm run lexicon -- define empathy --json`) and the console's
 * time to first reply, each measured from spawning a fresh Node process. Beside them, a bare Node
 * process and one that only loads tsx, so the share of the TypeScript loader is measured too, and
 * npm's own start-up, which `npm run -s lexicon` pays before the bot's code runs at all. The CLI
 * prints its answer before it records it in the store, so the time to the answer on stdout is
 * given beside the time to exit. The built CLI answers the repository's entries from the build's
 * prebuilt index; a mounted ENTRIES_DIR with other files is indexed at run time, measured too.
 * `node --import tsx src/bench/cli-bench.ts` runs this section alone (CLI_BENCH_RUNS,
 * CLI_BENCH_CONSOLE_RUNS set the runs; CLI_BENCH_BEFORE_DIR names a built checkout of an earlier
 * version whose CLI is run alternately with this one's).
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Runs per figure; CLI_BENCH_RUNS / CLI_BENCH_CONSOLE_RUNS make a quick check cheaper. */
const RUNS = Number(process.env.CLI_BENCH_RUNS ?? 10);
const CONSOLE_RUNS = Number(process.env.CLI_BENCH_CONSOLE_RUNS ?? 5);
/** A built checkout of an earlier version to compare with, run alternately (optional). */
const BEFORE_DIR = process.env.CLI_BENCH_BEFORE_DIR ? path.resolve(process.env.CLI_BENCH_BEFORE_DIR) : undefined;
/** A run that takes longer than this is stuck: kill it and fail the bench rather than hang. */
const RUN_TIMEOUT_MS = 60_000;

/** A child environment that a local .env cannot change (no platform credentials, no colour). */
const CHILD_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  LOG_LEVEL: 'warn',
  ENTRIES_DIR: '',
  DISCORD_TOKEN: '',
  SLACK_BOT_TOKEN: '',
  NO_COLOR: '1',
};

/** One run: milliseconds from spawn to the answer's first byte on stdout, and to exit. */
interface ProcessTimes {
  firstOutput: number;
  exit: number;
}

/** Time `command args` (Node itself by default) from spawn; rejects on a non-zero exit. */
function timeRun(args: string[], command: string = process.execPath, env: NodeJS.ProcessEnv = {}, cwd: string = ROOT): Promise<ProcessTimes> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...CHILD_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'], timeout: RUN_TIMEOUT_MS });
    let stderr = '';
    let firstOutput: number | undefined;
    child.stdout.on('data', () => (firstOutput ??= performance.now() - started));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const exit = performance.now() - started;
      if (code === 0) resolve({ firstOutput: firstOutput ?? exit, exit });
      else reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.split('\n')[0]}`));
    });
  });
}

/** Milliseconds from spawn to exit. */
async function timeProcess(args: string[], command?: string, env?: NodeJS.ProcessEnv): Promise<number> {
  return (await timeRun(args, command, env)).exit;
}

/** Start the console (from the sources through tsx, or the build), time the prompt and the first answer, then end input. */
function timeConsole(args: string[]): Promise<{ prompt: number; reply: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: CHILD_ENV,
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: RUN_TIMEOUT_MS,
    });
    let stdout = '';
    let prompt: number | undefined;
    let reply: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (prompt === undefined && stdout.includes('lexicon> ')) {
        prompt = performance.now() - started;
        child.stdin.write('/define empathy\n');
      }
      // The reply is complete when the next prompt appears after it.
      if (prompt !== undefined && reply === undefined && /lexicon> Empathy[\s\S]*lexicon> /.test(stdout)) {
        reply = performance.now() - started;
        child.stdin.end();
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && prompt !== undefined && reply !== undefined) resolve({ prompt, reply });
      else reject(new Error(`console exited ${code} before answering`));
    });
  });
}

/** Nearest-rank percentile of a sample. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function line(label: string, values: number[]): string {
  const p50 = percentile(values, 50).toFixed(0);
  const p99 = percentile(values, 99).toFixed(0);
  return `${label.padEnd(68)} p50 ${p50.padStart(5)} ms   p99 ${p99.padStart(5)} ms   (n=${values.length})`;
}

async function sample(runs: number, measure: () => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  // Sequential, so the runs do not compete for the CPU.
  for (let run = 0; run < runs; run += 1) values.push(await measure());
  return values;
}

async function sampleRuns(runs: number, measure: () => Promise<ProcessTimes>): Promise<ProcessTimes[]> {
  const values: ProcessTimes[] = [];
  for (let run = 0; run < runs; run += 1) values.push(await measure());
  return values;
}

/** A copy of the entries with one file changed: a mounted ENTRIES_DIR the prebuilt index does not match. */
function changedEntriesCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-bench-entries-'));
  const source = path.join(ROOT, 'entries');
  for (const name of readdirSync(source)) if (name.endsWith('.md')) copyFileSync(path.join(source, name), path.join(dir, name));
  const file = path.join(dir, 'empathy.md');
  writeFileSync(file, readFileSync(file, 'utf8') + '\n');
  return dir;
}

/** Print p50/p99 cold start of the one-shot CLI and the console's time to first reply. */
export async function run(): Promise<void> {
  // The build must be current, or the "after" figures would include building it.
  const { build } = (await import(new URL('../../scripts/build.mjs', import.meta.url).href)) as { build: () => Promise<number> };
  await build();
  const define = ['dist/cli.js', 'define', 'empathy', '--json'];
  const mounted = changedEntriesCopy();
  const mountedEnv = { ENTRIES_DIR: mounted };
  try {
    // Entries that the prebuilt index does not match, with the parsed-entries cache empty (the first run after they change).
    const { DEFAULT_ENTRIES_CACHE_DIR } = await import('../core/entries-cache.js');
    const uncached = await sample(Math.min(RUNS, 3), async () => {
      rmSync(DEFAULT_ENTRIES_CACHE_DIR, { recursive: true, force: true });
      return timeProcess(define, undefined, mountedEnv);
    });
    // One unmeasured run of each warms the OS file cache and tsx's transform cache, as on a developer's machine.
    await timeProcess(['--import', 'tsx', 'src/cli.ts', 'define', 'empathy', '--json']);
    await timeProcess(define);
    await timeProcess(define, undefined, mountedEnv);

    const bare = await sample(RUNS, () => timeProcess(['-e', '0']));
    const tsxOnly = await sample(RUNS, () => timeProcess(['--import', 'tsx', '-e', '0']));
    const cli = await sample(RUNS, () => timeProcess(['--import', 'tsx', 'src/cli.ts', 'define', 'empathy', '--json']));
    // With CLI_BENCH_BEFORE_DIR (a built checkout of an earlier version), that build's CLI runs
    // alternately with this one, so both see the same machine load.
    const beforeRuns: ProcessTimes[] = [];
    const builtRuns = await sampleRuns(RUNS, async () => {
      if (BEFORE_DIR) beforeRuns.push(await timeRun(define, undefined, {}, BEFORE_DIR));
      return timeRun(define);
    });
    const mountedRuns = await sampleRuns(RUNS, () => timeRun(define, undefined, mountedEnv));
    // As a user types it: npm's own start-up, then the build-if-stale check and the built CLI.
    const npmOnly = await sample(RUNS, () => timeProcess(['--version'], 'npm'));
    const viaNpmRuns = await sampleRuns(RUNS, () => timeRun(['run', '-s', 'lexicon', '--', 'define', 'empathy', '--json'], 'npm'));
    const consoleRuns: { prompt: number; reply: number }[] = [];
    const builtConsoleRuns: { prompt: number; reply: number }[] = [];
    for (let run = 0; run < CONSOLE_RUNS; run += 1) {
      consoleRuns.push(await timeConsole(['--import', 'tsx', 'src/main.ts']));
      builtConsoleRuns.push(await timeConsole(['dist/main.js']));
    }

    console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} (1, 5, 15 min)`);
    console.log('Cold start, spawn to exit, each a fresh process:');
    console.log(line('node -e 0 (bare Node: the floor)', bare));
    console.log(line('node --import tsx -e 0 (TypeScript loader only)', tsxOnly));
    console.log(line('before: node --import tsx src/cli.ts define empathy --json', cli));
    if (BEFORE_DIR) {
      console.log(line(`earlier build (${path.basename(BEFORE_DIR)}), run alternately: answer on stdout`, beforeRuns.map((run) => run.firstOutput)));
      console.log(line('        … to exit', beforeRuns.map((run) => run.exit)));
    }
    console.log(line('after:  node dist/cli.js define empathy --json: answer on stdout', builtRuns.map((run) => run.firstOutput)));
    console.log(line('        … to exit (the lookup recorded after printing)', builtRuns.map((run) => run.exit)));
    console.log(line('        ENTRIES_DIR with other files (indexed at run time): answer', mountedRuns.map((run) => run.firstOutput)));
    console.log(line('        … to exit', mountedRuns.map((run) => run.exit)));
    console.log(line('        … first run after they change (entries cache empty), to exit', uncached));
    console.log(line('npm --version (npm\'s own start-up, for reference)', npmOnly));
    console.log(line('npm run -s lexicon -- define empathy --json: answer on stdout', viaNpmRuns.map((run) => run.firstOutput)));
    console.log(line('        … to exit', viaNpmRuns.map((run) => run.exit)));
    console.log('Console (no credentials), from spawn:');
    console.log(line('before (tsx): prompt shown', consoleRuns.map((run) => run.prompt)));
    console.log(line('after (dist/main.js): prompt shown', builtConsoleRuns.map((run) => run.prompt)));
    console.log(line('before (tsx): first reply (/define empathy)', consoleRuns.map((run) => run.reply)));
    console.log(line('after (dist/main.js): first reply (/define empathy)', builtConsoleRuns.map((run) => run.reply)));
  } finally {
    rmSync(mounted, { recursive: true, force: true });
  }
}

// `node --import tsx src/bench/cli-bench.ts` runs this section alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
