/**
 * Memory of an idle instance in each mode: `node dist/main.js` (the production build) started as
 * `npm start` would start it, against the fake Discord and fake Slack (run in a process of their
 * own, `test/support/serve-fakes.ts`), read once it is ready (the console's prompt, or /readyz
 * answering 200) and has then sat idle for a few seconds. The figure is the process's resident set
 * (VmRSS of /proc/<pid>/status), median of RSS_BENCH_RUNS starts (default 3). Discord's HTTP
 * interactions mode (DISCORD_PUBLIC_KEY set) listens on a loopback port of its own and sends its
 * follow-ups to the fake Discord. `node --import tsx src/bench/rss-bench.ts` runs this section
 * alone; RSS_BENCH_MODES (comma-separated words of the mode names, e.g. `http`) picks modes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.RSS_BENCH_RUNS ?? 3);
/** How long an instance sits idle after it is ready, before its memory is read. */
const IDLE_MS = Number(process.env.RSS_BENCH_IDLE_MS ?? 3000);
const READY_TIMEOUT_MS = 90_000;

interface Fakes {
  discordToken: string;
  discordApiUrl: string;
  slackApiUrl: string;
  slackBotToken: string;
  slackSigningSecret: string;
}

interface Mode {
  name: string;
  /** The mode's variables; `freePort` gives a loopback port for a server of its own. */
  env(fakes: Fakes, freePort: () => Promise<number>): Record<string, string> | Promise<Record<string, string>>;
  /** The console is ready at its prompt; the others when /readyz on PORT answers 200. */
  readyAt: 'prompt' | 'readyz';
}

const MODES: Mode[] = [
  { name: 'console (no credentials)', env: () => ({}), readyAt: 'prompt' },
  { name: 'discord gateway (fake Discord)', env: (fakes) => ({ DISCORD_TOKEN: fakes.discordToken, DISCORD_API_URL: fakes.discordApiUrl }), readyAt: 'readyz' },
  {
    name: 'discord http interactions (fake Discord)',
    env: async (fakes, port) => ({ DISCORD_PUBLIC_KEY: applicationPublicKey(), DISCORD_INTERACTIONS_PORT: String(await port()), DISCORD_API_URL: fakes.discordApiUrl }),
    readyAt: 'readyz',
  },
  {
    name: 'slack socket mode (fake Slack)',
    env: (fakes) => ({ SLACK_BOT_TOKEN: fakes.slackBotToken, SLACK_APP_TOKEN: 'xapp-1-A1-1-fake', SLACK_API_URL: fakes.slackApiUrl }),
    readyAt: 'readyz',
  },
  {
    name: 'slack http (fake Slack)',
    env: (fakes) => ({ SLACK_BOT_TOKEN: fakes.slackBotToken, SLACK_SIGNING_SECRET: fakes.slackSigningSecret, SLACK_API_URL: fakes.slackApiUrl }),
    readyAt: 'readyz',
  },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** An application's public key as the Developer Portal shows it (64 hexadecimal characters of a new Ed25519 key). */
function applicationPublicKey(): string {
  const spki = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  return spki.subarray(spki.length - 32).toString('hex');
}

/** The resident set of a process, in MiB. */
function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function startFakes(): Promise<{ fakes: Fakes; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/serve-fakes.ts'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const end = out.indexOf('\n');
      if (end >= 0) resolve(out.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the fakes exited ${code}`)));
  });
  return { fakes: JSON.parse(line) as Fakes, stop: () => child.stdin.end() };
}

async function untilReady(child: ChildProcess, mode: Mode, port: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  if (mode.readyAt === 'prompt') {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error('no prompt in time')), READY_TIMEOUT_MS);
      child.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('lexicon> ')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    return;
  }
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ok) return;
    if (child.exitCode !== null) throw new Error(`${mode.name} exited ${child.exitCode} before it was ready`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${mode.name} was not ready in time`);
}

async function measure(mode: Mode, fakes: Fakes): Promise<number> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lexicon-rss-'));
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'ignore'],
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'warn',
      NO_COLOR: '1',
      ENTRIES_DIR: '',
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      ...(await mode.env(fakes, freePort)),
    },
  });
  try {
    await untilReady(child, mode, port);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return rssMiB(child.pid!);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Print each mode's idle resident memory (median of RUNS starts, with the range). */
export async function run(): Promise<void> {
  const { build } = (await import(new URL('../../scripts/build.mjs', import.meta.url).href)) as { build: () => Promise<number> };
  await build();
  const { fakes, stop } = await startFakes();
  try {
    console.log(`load average ${loadavg().map((load) => load.toFixed(2)).join(' ')} (1, 5, 15 min)`);
    console.log(`Idle resident memory (VmRSS) of node dist/main.js, ready then idle ${IDLE_MS} ms, median of ${RUNS} starts:`);
    const wanted = (process.env.RSS_BENCH_MODES ?? '').split(',').map((word) => word.trim().toLowerCase()).filter(Boolean);
    for (const mode of MODES.filter((candidate) => wanted.length === 0 || wanted.some((word) => candidate.name.includes(word)))) {
      const values: number[] = [];
      for (let index = 0; index < RUNS; index += 1) values.push(await measure(mode, fakes));
      values.sort((a, b) => a - b);
      const median = values[Math.floor(values.length / 2)] ?? NaN;
      console.log(`${mode.name.padEnd(42)} ${median.toFixed(1).padStart(7)} MiB   (min ${values[0]?.toFixed(1)}, max ${values.at(-1)?.toFixed(1)})`);
    }
  } finally {
    stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
