/**
 * Graceful shutdown of `npm start` (a child process, Slack in HTTP mode against the fake Slack):
 * SIGTERM lets a request in flight finish and exits 0, within SHUTDOWN_TIMEOUT_MS; a request that
 * outlasts the limit does not hold the exit; a second signal exits at once.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, afterEach, describe, expect, it } from 'vitest';
import { EVENTS_PATH } from '../../src/adapters/slack/app.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { SlackSender } from '../fakes/slack/http.js';
import { appMention } from '../fakes/slack/payloads.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let slack: FakeSlack;
beforeAll(async () => {
  slack = await new FakeSlack().start();
});
afterAll(async () => slack.stop());
afterEach(() => slack.reset());

interface Running {
  child: ChildProcessWithoutNullStreams;
  sender: SlackSender;
  lines: () => Record<string, unknown>[];
  exited: Promise<{ code: number | null; ms: number }>;
  signalAt: () => number;
}

async function startBot(shutdownTimeoutMs: number): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      LOG_LEVEL: 'info',
      ENTRIES_DIR: '',
      DISCORD_TOKEN: '',
      SLACK_APP_TOKEN: '',
      HEALTH_PORT: '',
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.resume();
  let signalledAt = 0;
  const exited = new Promise<{ code: number | null; ms: number }>((resolve) => child.on('close', (code) => resolve({ code, ms: performance.now() - signalledAt })));
  const lines = () =>
    stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const port = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const started = lines().find((line) => typeof line.msg === 'string' && line.msg.startsWith('Slack surface started'));
      const match = started ? /:(\d+)\/slack/.exec(String(started.msg)) : null;
      if (match?.[1]) {
        clearInterval(timer);
        resolve(match[1]);
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the bot exited: ${stderr}`));
      }
    }, 50);
  });
  const originalKill = child.kill.bind(child);
  child.kill = (signal?: NodeJS.Signals | number) => {
    signalledAt ||= performance.now();
    return originalKill(signal);
  };
  return { child, sender: new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET), lines, exited, signalAt: () => signalledAt };
}

describe('graceful shutdown (npm start, Slack HTTP mode)', { timeout: 60_000 }, () => {
  it('on SIGTERM finishes the request in flight, then exits 0 within SHUTDOWN_TIMEOUT_MS', async () => {
    const bot = await startBot(10_000);
    slack.delay('chat.postMessage', 1_500);
    await bot.sender.event(appMention('define trust', '1700001000.000100'));
    await slack.waitFor(() => slack.callsOf('chat.postMessage')[0], 15_000);
    bot.child.kill('SIGTERM');
    const { code, ms } = await bot.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    const messages = bot.lines().map((line) => String(line.msg));
    const answered = messages.indexOf('request answered');
    expect(answered).toBeGreaterThan(messages.indexOf('SIGTERM received, stopping… (again to exit at once)'));
    expect(messages.indexOf('Stopped.')).toBeGreaterThan(answered);
  });

  it('does not wait past SHUTDOWN_TIMEOUT_MS for a request that never finishes, and still exits 0', async () => {
    const bot = await startBot(1_000);
    slack.delay('chat.postMessage', 60_000);
    await bot.sender.event(appMention('define trust', '1700001001.000100'));
    await slack.waitFor(() => slack.callsOf('chat.postMessage')[0], 15_000);
    bot.child.kill('SIGTERM');
    const { code, ms } = await bot.exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(1_000 + 5_000);
    expect(bot.lines().some((line) => String(line.msg).includes('still in flight after SHUTDOWN_TIMEOUT_MS=1000'))).toBe(true);
  });

  it('exits at once on a second signal while it waits', async () => {
    const bot = await startBot(30_000);
    slack.delay('chat.postMessage', 60_000);
    await bot.sender.event(appMention('define trust', '1700001002.000100'));
    await slack.waitFor(() => slack.callsOf('chat.postMessage')[0], 15_000);
    bot.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    bot.child.kill('SIGTERM');
    const { code, ms } = await bot.exited;
    expect(code).toBe(130);
    expect(ms).toBeLessThan(5_000);
  });
});
