/**
 * One start-up path: every entry point reads `.env`, validates the configuration with the same
 * function and reports a problem in the same single line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfiguration, loadStartupLexicon, reportStartupFailure, StartupError } from '../src/startup.js';
import { parseConfig } from '../src/config.js';
import { runEntry, type Finished } from './support/child-process.js';


const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Run `script` in `cwd` with nothing of this process's environment: the .env in `cwd` is all the configuration there is. */
function run(script: string, args: string[], cwd: string): Promise<Finished> {
  return runEntry(script, { args, cwd, env: { PATH: process.env.PATH, NO_COLOR: '1' } });
}

const BAD_LEVEL_LINE = 'Invalid configuration: LOG_LEVEL must be one of debug, info, warn, error, silent';

describe('one start-up path', () => {
  it('loadConfiguration reads .env without overriding the environment and validates once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-startup-'));
    temporary.push(dir);
    const cwd = process.cwd();
    writeFileSync(path.join(dir, '.env'), 'LOG_LEVEL=warn\nPORT=4000\n');
    try {
      process.chdir(dir);
      const env: NodeJS.ProcessEnv = { PORT: '5000' };
      const config = loadConfiguration(env);
      expect(config.LOG_LEVEL).toBe('warn');
      expect(config.PORT).toBe(5000);
      expect(() => loadConfiguration({ PORT: 'many' }, { dotenv: false })).toThrow(StartupError);
    } finally {
      process.chdir(cwd);
    }
  });

  it('reports a configuration problem as one line and exit code 1; anything else with an error id', () => {
    const lines: string[] = [];
    expect(reportStartupFailure(new StartupError('Invalid configuration: PORT must be\n a number'), (line) => lines.push(line))).toBe(1);
    expect(reportStartupFailure(new TypeError('boom\n    at x.ts:1:1'), (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toBe('Invalid configuration: PORT must be a number');
    expect(lines[1]).toMatch(/^lexicon-bot stopped unexpectedly: boom \(error id E[A-Z2-9]{5}; LOG_LEVEL=debug shows details\)$/);
  });

  it('names ENTRIES_DIR when the directory it names does not exist', async () => {
    const missing = path.join(tmpdir(), 'lexicon-no-such-entries-dir');
    const failure = await loadStartupLexicon(parseConfig({ ENTRIES_DIR: missing })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as Error).message).toBe(`Cannot load the lexicon: ${missing}: ENTRIES_DIR: no such directory; set ENTRIES_DIR to the folder that holds the entry files (*.md)`);
  });

  // Each is a child process paying tsx's start-up; several at once on a shared 2-core machine.
  it('every entry point (start, lexicon, start:sharded, register, slack:manifest, bench) stops on a bad .env with the same one line', { timeout: 120_000 }, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-startup-'));
    temporary.push(dir);
    writeFileSync(path.join(dir, '.env'), 'LOG_LEVEL=loud\n');
    const entryPoints: [string, string[]][] = [
      ['src/main.ts', []],
      ['src/cli.ts', ['define', 'empathy']],
      ['src/adapters/discord/sharded.ts', []],
      ['src/adapters/discord/register.ts', []],
      ['src/adapters/slack/manifest-cli.ts', []],
      ['src/bench/run.ts', []],
    ];
    const runs = await Promise.all(entryPoints.map(([script, args]) => run(script, args, dir)));
    runs.forEach((result, index) => {
      const script = entryPoints[index]?.[0];
      expect(result.code, script).toBe(1);
      expect(result.stderr, script).toBe(`${BAD_LEVEL_LINE}\n`);
    });
  });
});
