import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { silentLogger } from '../src/core/logger.js';
import type { Lexicon } from '../src/core/lexicon.js';
import type { Surface } from '../src/core/surface.js';
import { finished, ROOT, spawnEntry } from './support/child-process.js';
import { importAdapter, PLATFORM_ADAPTERS, startPlatformSurfaces, SurfaceStartError, type AdapterLoader } from '../src/surfaces.js';

const TEST_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'lexicon-main-data-'));
afterAll(() => rmSync(TEST_DATA_DIR, { recursive: true, force: true }));

/** `npm start` as a real child process, with an environment that a local .env cannot change. */
function start(env: Record<string, string>): ChildProcessWithoutNullStreams {
  return spawnEntry('src/main.ts', {
    env: {
      PATH: process.env.PATH,
      // Set (empty) so dotenv leaves them alone; each test sets what it means to.
      LOG_LEVEL: 'info',
      ENTRIES_DIR: '',
      DISCORD_TOKEN: '',
      SLACK_BOT_TOKEN: '',
      SLACK_APP_TOKEN: '',
      PORT: '0',
      NO_COLOR: '1',
      // The embedded database of these runs lives in a temporary directory, not the repository's data/.
      DATA_DIR: TEST_DATA_DIR,
      DATABASE_URL: '',
      ...env,
    },
  });
}

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

// Child processes pay tsx's start-up each; on a busy machine that takes seconds, not milliseconds.
describe('npm start (child process)', { timeout: 60_000 }, () => {
  it('stops on a bad variable with exit 1 and one line naming it and the fix', async () => {
    const run = await finished(start({ DISCORD_GUILD_ID: '12' }));
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DISCORD_GUILD_ID');
    expect(lines[0]).toContain('17 to 20 digits');
    expect(run.stdout).toBe('');
  });

  it('stops on a malformed entry file with one line naming the file and the field', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-entries-'));
    temporary.push(dir);
    cpSync(path.join(ROOT, 'entries'), dir, { recursive: true, filter: (source) => !source.includes(`${path.sep}source`) });
    const file = path.join(dir, 'trust.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^part: II$/m);
    writeFileSync(file, text.replace(/^part: II$/m, 'part: IV'));

    const run = await finished(start({ ENTRIES_DIR: dir }));
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('trust.md');
    expect(lines[0]).toContain('part');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });

  it('with no credentials opens the console, answers, and exits 0 on end of input', async () => {
    const child = start({});
    const run = finished(child);
    child.stdin.end('/define empathy\n/frobnicate\n');
    const { code, stdout, stderr } = await run;
    expect(code).toBe(0);
    expect(stdout).toContain('“Cooperative Security 2.0” lexicon (13 entries).');
    expect(stdout).toMatch(/lexicon> Empathy\nDavid A\. Welch/);
    expect(stdout).toContain('Unknown command “frobnicate”');
    expect(stdout.trimEnd().endsWith('Goodbye.')).toBe(true);
    // stderr is not a terminal here: one JSON log line.
    expect(stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ level: 'info', msg: 'no DISCORD_TOKEN or SLACK_BOT_TOKEN: console only' }),
    ]);
  });

  it('says on stderr which surfaces start and why, also when stdin is not a terminal', async () => {
    // stdin here is a pipe, as under systemd or `npm start < questions.txt`.
    const child = start({ LOG_LEVEL: 'info' });
    const run = finished(child);
    child.stdin.end();
    const { code, stderr } = await run;
    expect(code).toBe(0);
    expect(stderr).toContain('no DISCORD_TOKEN or SLACK_BOT_TOKEN: console only');
  });

  it('ends the console cleanly when stdout is closed (npm start | head -1), without an EPIPE stack', async () => {
    const child = start({});
    const run = finished(child);
    // The reader goes away after the first chunk, as `head -1` does; the questions keep coming.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.write('/define empathy\n'.repeat(200));
    child.stdin.end();
    const { code, stderr } = await run;
    expect(code).toBe(0);
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('exits non-zero when SIGTERM arrives during a start that never completed', async () => {
    // A Slack Web API that accepts connections and never answers: auth.test hangs.
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const port = (silent.address() as AddressInfo).port;
      const child = start({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: `http://127.0.0.1:${port}/api/`, PORT: '0' });
      const run = finished(child);
      let seen = '';
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (chunk: Buffer) => {
          seen += chunk.toString('utf8');
          if (seen.includes('starting slack')) resolve();
        });
      });
      child.kill('SIGTERM');
      const { code, stderr } = await run;
      expect(code).not.toBe(0);
      expect(stderr).toContain('Stopped by SIGTERM before start-up completed.');
      expect(stderr).not.toMatch(/^\s+at /m);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('watches for signals before it says which surfaces start, so a signal sent on that line stops the start cleanly', async () => {
    // The line is written with a synchronous write to stderr; this preload notes, at that write, how
    // many SIGTERM handlers the process has (none means a signal sent on the line is fatal at once).
    const preload = path.join(TEST_DATA_DIR, 'signal-handlers-at-plan.mjs');
    writeFileSync(
      preload,
      [
        "import fs from 'node:fs';",
        'const write = fs.writeSync;',
        'fs.writeSync = function (fd, chunk, ...rest) {',
        "  if (fd === 2 && /console only|starting /.test(String(chunk))) write.call(fs, 2, `SIGTERM handlers at the plan: ${process.listenerCount('SIGTERM')}\\n`);",
        '  return write.call(this, fd, chunk, ...rest);',
        '};',
      ].join('\n'),
    );
    const child = start({ NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` });
    child.stdin.end();
    const { code, stderr } = await finished(child);
    expect(code).toBe(0);
    expect(stderr).toContain('console only');
    expect(stderr).toMatch(/SIGTERM handlers at the plan: [1-9]/);
  });

  it('serves the reading room beside the console and prints its signed address', async () => {
    const child = start({});
    const run = finished(child);
    let seen = '';
    const link = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        const match = /Reading room: (http:\/\/localhost:\d+\/\?t=\S+)/.exec(seen);
        if (match?.[1]) resolve(match[1]);
      });
    });
    const home = await fetch(link.replace('localhost', '127.0.0.1'));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Trust-Building Measures');
    const unsigned = await fetch(new URL('/entries/trust', link.replace('localhost', '127.0.0.1')));
    expect(unsigned.status).toBe(403);
    child.stdin.end();
    const { code, stderr } = await run;
    expect(code).toBe(0);
    // Only the line that says why the console runs alone (issue 7).
    expect(stderr.trimEnd().split('\n').map((line) => (JSON.parse(line) as { msg: string }).msg)).toEqual(['no DISCORD_TOKEN or SLACK_BOT_TOKEN: console only']);
  });

  it('stops the console cleanly on SIGTERM', async () => {
    const child = start({});
    const run = finished(child);
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (seen.includes('lexicon> ')) resolve();
      });
    });
    child.kill('SIGTERM');
    const { code, stdout } = await run;
    expect(code).toBe(0);
    expect(stdout).toContain('Goodbye.');
  });
});

describe('starting platform surfaces', () => {
  const lexicon = {} as Lexicon;
  const both = parseConfig({ DISCORD_TOKEN: 'token', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });

  function recordingLoader(failing?: string) {
    const events: string[] = [];
    const loader: AdapterLoader = async (adapter) => async () => {
      if (adapter.platform === failing) throw new Error(`${adapter.platform} login refused\n    at somewhere.ts:1:1`);
      events.push(`start ${adapter.platform}`);
      const surface: Surface = {
        name: adapter.platform === 'slack' ? 'slack (socket mode)' : adapter.platform,
        stop: async () => {
          events.push(`stop ${adapter.platform}`);
        },
      };
      return surface;
    };
    return { loader, events };
  }

  it('finds each platform adapter module and its starter by path', async () => {
    for (const adapter of PLATFORM_ADAPTERS) {
      expect(typeof (await importAdapter(adapter)), adapter.platform).toBe('function');
    }
    const missing = await importAdapter({ platform: 'discord', modulePath: './adapters/nowhere/index.js', exportName: 'startDiscord' }).catch(
      (error: unknown) => error,
    );
    expect(missing).toBeInstanceOf(SurfaceStartError);
    expect((missing as Error).message).toMatch(/^the discord adapter could not be loaded/);
  });

  it('starts only the platforms that have credentials', async () => {
    const { loader, events } = recordingLoader();
    expect(await startPlatformSurfaces(parseConfig({}), lexicon, silentLogger, { load: loader })).toEqual([]);
    const slackOnly = await startPlatformSurfaces(parseConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }), lexicon, silentLogger, { load: loader });
    expect(slackOnly.map((surface) => surface.name)).toEqual(['slack (socket mode)']);
    const started = await startPlatformSurfaces(both, lexicon, silentLogger, { load: loader });
    expect(started.map((surface) => surface.name)).toEqual(['discord', 'slack (socket mode)']);
    expect(events).toEqual(['start slack', 'start discord', 'start slack']);
  });

  it('stops what has started, and starts nothing more, when start-up is interrupted', async () => {
    const { loader, events } = recordingLoader();
    const controller = new AbortController();
    const interrupting: AdapterLoader = async (adapter) => {
      const start = await loader(adapter);
      return async (...args) => {
        const surface = await start(...args);
        controller.abort();
        return surface;
      };
    };
    expect(await startPlatformSurfaces(both, lexicon, silentLogger, { load: interrupting, signal: controller.signal })).toEqual([]);
    expect(events).toEqual(['start discord', 'stop discord']);
  });

  it('stops what has started without waiting for a start that hangs, when interrupted', async () => {
    const { loader, events } = recordingLoader();
    const controller = new AbortController();
    const hangingSlack: AdapterLoader = async (adapter) =>
      adapter.platform === 'slack' ? () => new Promise<Surface>(() => setTimeout(() => controller.abort(), 10)) : loader(adapter);
    expect(await startPlatformSurfaces(both, lexicon, silentLogger, { load: hangingSlack, signal: controller.signal })).toEqual([]);
    expect(events).toEqual(['start discord', 'stop discord']);
  });

  it('stops what already started when a later platform fails, and reports it in one line', async () => {
    const { loader, events } = recordingLoader('slack');
    const failure = await startPlatformSurfaces(both, lexicon, silentLogger, { load: loader }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SurfaceStartError);
    expect((failure as SurfaceStartError).platform).toBe('slack');
    expect((failure as Error).message).toBe('slack did not start: slack login refused');
    expect(events).toEqual(['start discord', 'stop discord']);
  });
});
