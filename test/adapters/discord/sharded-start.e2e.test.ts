/**
 * `npm run start:sharded` with a token Discord refuses: one line on stderr, exit 1, no stack trace,
 * whether the refusal comes to the manager (asking for the shard count) or to a shard (logging in).
 */
import { describe, expect, it } from 'vitest';
import { FakeDiscord, fakeToken } from '../../../fakes/discord/fake-discord.js';
import { runEntry, type Finished } from '../../support/child-process.js';

function startSharded(env: Record<string, string>): Promise<Finished> {
  return runEntry('src/adapters/discord/sharded.ts', { env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ENTRIES_DIR: '', SLACK_BOT_TOKEN: '', NO_COLOR: '1', ...env } });
}

/** Lines that are not the bot's own informational log lines. */
function problemLines(stderr: string): string[] {
  return stderr
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '' && !line.includes('"level":"info"'));
}

describe('npm run start:sharded with a bad token', { timeout: 60_000 }, () => {
  it('prints one line and no stack when Discord refuses the token asked for the shard count', async () => {
    const fake = await FakeDiscord.start();
    try {
      const run = await startSharded({ DISCORD_TOKEN: fakeToken('1180000000000000009'), DISCORD_API_URL: fake.apiUrl, DISCORD_SHARD_COUNT: 'auto' });
      expect(run.code).toBe(1);
      expect(problemLines(run.stderr)).toEqual([expect.stringMatching(/^Cannot start discord \(sharded\): .*401: Unauthorized/)]);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await fake.stop();
    }
  });

  it('prints one line and no stack when a shard process is refused at login', async () => {
    const fake = await FakeDiscord.start();
    try {
      const run = await startSharded({ DISCORD_TOKEN: fakeToken('1180000000000000009'), DISCORD_API_URL: fake.apiUrl, DISCORD_SHARD_COUNT: '1' });
      expect(run.code).toBe(1);
      expect(problemLines(run.stderr)).toEqual([expect.stringMatching(/^Cannot start discord \(sharded\): shard 0: /)]);
      expect(run.stderr).not.toMatch(/^\s+at /m);
    } finally {
      await fake.stop();
    }
  });
});
