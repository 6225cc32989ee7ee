import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { openStore } from '../../src/storage/open.js';
import { describeEachEngine } from '../support/engines.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start` (the console, no platform credentials) fed some lines on stdin. */
function runConsole(env: Record<string, string>, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ENTRIES_DIR: '', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', PORT: '', NO_COLOR: '1', DATA_DIR: '', DATABASE_URL: '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdin.end(input);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describeEachEngine('npm start with its database', (engine) => {
  it('migrates a new database at start-up and records what the console answered', { timeout: 120_000 }, async () => {
    const options = await engine.freshOptions();
    const env: Record<string, string> = options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { DATA_DIR: options.dataDir ?? '' };
    const { code, stdout } = await runConsole(env, 'define empathy\nfrobnicate\n');
    expect(code).toBe(0);
    expect(stdout).toContain('Empathy');
    const store = await openStore(options);
    try {
      const stats = await store.lookupStats({ since: 0, limit: 5 });
      expect(stats.total).toBe(2);
      expect(stats.topEntries).toEqual([{ key: 'empathy', count: 1 }]);
      expect([...stats.notFound, ...stats.suggestionsOnly].map((counted) => counted.key)).toEqual(['frobnicate']);
    } finally {
      await store.close();
    }
  });
});

it('stops with one line naming the database when DATABASE_URL cannot be reached', { timeout: 60_000 }, async () => {
  const { code, stdout, stderr } = await runConsole({ DATABASE_URL: 'postgres://lexicon@127.0.0.1:1/lexicon' }, '');
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^Cannot start: cannot prepare the database postgresql \(127\.0\.0\.1:1\/lexicon\): .*ECONNREFUSED/);
});

it('rejects a DATABASE_URL that is not a PostgreSQL URL, naming the variable', { timeout: 60_000 }, async () => {
  const { code, stderr } = await runConsole({ DATABASE_URL: 'mysql://x@localhost/db' }, '');
  expect(code).toBe(1);
  expect(stderr).toContain('DATABASE_URL must be a PostgreSQL URL');
});
