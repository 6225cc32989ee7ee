/**
 * The one-shot CLI's own usage error for a line without a command ("Type a command, e.g. …"), run as
 * a real child process: in the pseudo-locale en-XA nothing of ours is left unmarked (the command
 * names it shows are typed words, not ours), and it speaks the terminal's language (`LANG`,
 * `LC_ALL`) or `--lang`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.js';
import { proseText } from '../../src/core/reply-text.js';
import { unmarked } from './pseudo-check.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run lexicon -- …` as a child process, with only the environment given (no .env, no developer's LANG). */
function lexicon(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      // Set (empty) so dotenv leaves them alone.
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ENTRIES_DIR: '', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What the CLI says is wrong: stderr up to the usage text that follows it. */
const problemOf = (run: Run) => run.stderr.split('\n\n')[0] ?? '';

// The command names the sentence shows are what the reader types.
const TYPED = ['/define empathy', '/help'];

// Child processes pay tsx's start-up each; on a busy machine that takes seconds.
describe('the CLI’s “type a command” error goes through the catalog', { timeout: 60_000 }, () => {
  it('leaves nothing of ours unmarked in en-XA, for an empty line, a bare slash, and as JSON', async () => {
    const runs = await Promise.all([lexicon({}, '--lang', 'en-XA'), lexicon({}, '/', '--lang', 'en-XA'), lexicon({}, '--json', '--lang', 'en-XA')]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(problemOf(run)).toContain('⟦');
      expect(unmarked(problemOf(run), TYPED)).toEqual([]);
    }
    const reply = JSON.parse(runs[2]!.stdout) as Reply;
    expect(reply.kind).toBe('usage-error');
    expect(unmarked(reply.title, [])).toEqual([]);
    const said = reply.blocks.map((block) => (block.kind === 'text' ? proseText(block.text) : '')).join('\n');
    expect(said).toBe(problemOf(runs[2]!));
  });

  it('speaks the terminal’s language (LANG, LC_ALL) and --lang, which wins', async () => {
    const [japanese, traditional, korean] = await Promise.all([
      lexicon({ LANG: 'ja_JP.UTF-8' }),
      lexicon({ LC_ALL: 'zh_TW.UTF-8', LANG: 'ja_JP.UTF-8' }, '/'),
      lexicon({ LANG: 'ja_JP.UTF-8' }, '--lang', 'ko'),
    ]);
    expect(problemOf(japanese)).toBe('コマンドを入力してください。例：/define empathy（すべてのコマンドは/helpで表示）。');
    expect(problemOf(traditional)).toBe('請輸入指令，例如 /define empathy（輸入 /help 查看所有指令）。');
    expect(problemOf(korean)).toBe('명령어를 입력하십시오. 예: /define empathy (모든 명령어 보기: /help)');
  });
});
