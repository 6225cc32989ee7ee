/**
 * Slack benchmark: signed `/define` slash commands against our Bolt app (HTTP mode, the answer
 * rendered into the acknowledgement), beside a bare Bolt app that only acknowledges, in one run.
 * Both apps run in a child process (their own event loop); this process only sends requests, signed
 * exactly as Slack signs them, over keep-alive connections on 127.0.0.1. Sequential, then 20 at once.
 *
 * Target: our /define at least 0.8× the bare app's requests per second, and p99 within 1.3×.
 * Run: `npx tsx src/bench/slack-bench.ts` (or `npm run bench` for every benchmark).
 */
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App, HTTPReceiver } from '@slack/bolt';
import { createSlackApp } from '../adapters/slack/app.js';
import { boltLogger } from '../adapters/slack/bolt-logger.js';
import { renderReply } from '../adapters/slack/render.js';
import { dispatcher } from '../dispatcher.js';
import { loadLexicon } from '../core/load-lexicon.js';
import { silentLogger } from '../core/logger.js';

const SERVER_FLAG = '--slack-bench-server';
const SIGNING_SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench';
/** Requests per measured series, after a warm-up; bounded so the run takes seconds. */
const REQUESTS = 3000;
const WARMUP = 500;
/** Each series is measured in this many slices, the apps taking turns. */
const TURNS = 10;
const CONCURRENCY = 20;
/** Realistic /define texts: exact terms, acronyms, sections, typos, Chinese. */
const TERMS = ['empathy', 'trust', 'self-restraint', 'CBMs', 'reassurance', 'confidence', '信任', 'empathey', 'consociational security order', 'TBMs'];

const TARGET_THROUGHPUT_RATIO = 0.8;
const TARGET_P99_RATIO = 1.3;

interface Ports {
  bare: number;
  ours: number;
  uncached: number;
  canned: number;
}

/** The child process: both apps on 127.0.0.1, ports reported to the parent. */
async function serve(): Promise<void> {
  const lexicon = await loadLexicon();
  const options = {
    lexicon,
    logger: silentLogger,
    logLevel: 'error',
    token: TOKEN,
    signingSecret: SIGNING_SECRET,
    botUserId: 'UBENCH',
    botId: 'BBENCH',
    slackApiUrl: 'http://127.0.0.1:9/api/',
  } as const;
  const ours = createSlackApp(options);
  const oursPort = (await ours.start({ port: 0, host: '127.0.0.1' })).port ?? 0;
  // The same app without its answer cache: every request searches and renders.
  const uncached = createSlackApp({ ...options, answerCacheSize: 0 });
  const uncachedPort = (await uncached.start({ port: 0, host: '127.0.0.1' })).port ?? 0;

  // The reference: the same receiver and App options, a listener that only acknowledges.
  const logger = boltLogger(silentLogger, 'error');
  const receiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger });
  const bare = new App({ receiver, logger, token: TOKEN, botUserId: 'UBENCH', botId: 'BBENCH', tokenVerificationEnabled: false, convoStore: false });
  bare.command('/define', async ({ ack }) => {
    await ack();
  });
  const server = await receiver.start({ port: 0, host: '127.0.0.1' });

  // A diagnostic: the bare app acknowledging with a canned answer of the same size as ours, to show
  // what answering in the acknowledgement costs by itself (serializing and sending the blocks).
  const cannedReceiver = new HTTPReceiver({ signingSecret: SIGNING_SECRET, logger });
  const canned = new App({ receiver: cannedReceiver, logger, token: TOKEN, botUserId: 'UBENCH', botId: 'BBENCH', tokenVerificationEnabled: false, convoStore: false });
  const cannedAnswer = { response_type: 'ephemeral' as const, ...renderReply(dispatcher.dispatch(lexicon, { command: 'define', options: { term: 'trust' } })) };
  canned.command('/define', async ({ ack }) => {
    await ack(cannedAnswer);
  });
  const cannedServer = await cannedReceiver.start({ port: 0, host: '127.0.0.1' });
  const ports: Ports = {
    bare: (server.address() as AddressInfo).port,
    ours: oursPort,
    uncached: uncachedPort,
    canned: (cannedServer.address() as AddressInfo).port,
  };
  process.send?.(ports);
  process.on('message', (message) => {
    if (message === 'stop') void Promise.all([ours.stop(), uncached.stop(), bare.stop(), canned.stop()]).then(() => process.exit(0));
  });
}

function signedBody(text: string): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'legacy',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'general',
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: '/define',
    text,
    api_app_id: 'A0BENCH',
    is_enterprise_install: 'false',
    response_url: 'http://127.0.0.1:9/response',
    trigger_id: '1.2.3',
  }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
  };
}

function send(agent: Agent, port: number, text: string): Promise<number> {
  const { body, headers } = signedBody(text);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Series {
  perSecond: number;
  p50: number;
  p99: number;
}

interface Sample {
  seconds: number;
  latencies: number[];
}

async function measure(port: number, count: number, concurrency: number): Promise<Sample> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        latencies.push(await send(agent, port, TERMS[index % TERMS.length] ?? 'trust'));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, latencies };
}

/** Samples taken in turns, as one series: all requests over all the time, percentiles of all latencies. */
function combine(...samples: Sample[]): Series {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, sample) => sum + sample.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99) };
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const fixed = (value: number, digits: number) => value.toFixed(digits);

/** Run the benchmark and print the table with pass/fail against the targets. */
export async function run(): Promise<void> {
  // SLACK_BENCH_PROFILE=<dir> writes a CPU profile of the apps' process there.
  const profile = process.env.SLACK_BENCH_PROFILE;
  const execArgv = profile ? [...process.execArgv, '--cpu-prof', `--cpu-prof-dir=${profile}`] : process.execArgv;
  const child = fork(fileURLToPath(import.meta.url), [SERVER_FLAG], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv });
  const ports = await new Promise<Ports>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ports));
    child.once('exit', (code) => reject(new Error(`Slack bench server exited (${code})`)));
  });
  try {
    console.log(
      `Signed /define requests on 127.0.0.1: ${REQUESTS} per app and series (${TURNS} slices, apps taking turns) after ${WARMUP} warm-up; keep-alive; apps in a child process.`,
    );
    const results: { mode: string; bare: Series; ours: Series; uncached: Series; canned: Series }[] = [];
    for (const [mode, concurrency] of [
      ['sequential', 1],
      [`${CONCURRENCY} at once`, CONCURRENCY],
    ] as const) {
      for (const port of Object.values(ports)) await measure(port, WARMUP, concurrency);
      // Take turns in short slices so drift (CPU frequency, GC, other load on the machine) falls on every app alike.
      const samples = { bare: [] as Sample[], ours: [] as Sample[], uncached: [] as Sample[], canned: [] as Sample[] };
      for (let turn = 0; turn < TURNS; turn++) {
        for (const app of ['bare', 'ours', 'uncached', 'canned'] as const) samples[app].push(await measure(ports[app], REQUESTS / TURNS, concurrency));
      }
      results.push({
        mode,
        bare: combine(...samples.bare),
        ours: combine(...samples.ours),
        uncached: combine(...samples.uncached),
        canned: combine(...samples.canned),
      });
    }
    console.log(row(['series', 'app', 'req/s', 'p50 ms', 'p99 ms']));
    console.log(row(['---', '---', '---:', '---:', '---:']));
    for (const { mode, bare, ours, uncached, canned } of results) {
      console.log(row([mode, 'bare Bolt (ack only)', fixed(bare.perSecond, 0), fixed(bare.p50, 2), fixed(bare.p99, 2)]));
      console.log(row([mode, 'bare Bolt acking a canned answer of the same size', fixed(canned.perSecond, 0), fixed(canned.p50, 2), fixed(canned.p99, 2)]));
      console.log(row([mode, 'lexicon /define', fixed(ours.perSecond, 0), fixed(ours.p50, 2), fixed(ours.p99, 2)]));
      console.log(row([mode, 'lexicon /define, answer cache off', fixed(uncached.perSecond, 0), fixed(uncached.p50, 2), fixed(uncached.p99, 2)]));
    }
    let pass = true;
    for (const { mode, bare, ours, uncached, canned } of results) {
      const throughput = ours.perSecond / bare.perSecond;
      const p99 = ours.p99 / bare.p99;
      const ok = throughput >= TARGET_THROUGHPUT_RATIO && p99 <= TARGET_P99_RATIO;
      pass &&= ok;
      console.log(
        `${mode}: throughput ${fixed(throughput, 2)}× bare (target ≥ ${TARGET_THROUGHPUT_RATIO}×), p99 ${fixed(p99, 2)}× bare (target ≤ ${TARGET_P99_RATIO}×): ${ok ? 'PASS' : 'FAIL'}` +
          ` [cache off: ${fixed(uncached.perSecond / bare.perSecond, 2)}×, p99 ${fixed(uncached.p99 / bare.p99, 2)}×;` +
          ` bare app acking a canned answer of the same size: ${fixed(canned.perSecond / bare.perSecond, 2)}×, p99 ${fixed(canned.p99 / bare.p99, 2)}×]`,
      );
    }
    console.log(`Slack /define vs bare Bolt: ${pass ? 'PASS' : 'FAIL'}`);
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv.includes(SERVER_FLAG)) {
  await serve();
} else if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
