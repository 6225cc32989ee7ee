import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCliArguments, quoteArgument } from '../src/cli-arguments.js';
import { dispatcher } from '../src/dispatcher.js';

const parseCommandLine = (line: string) => dispatcher.parse(line);
import type { Reply } from '../src/core/reply.js';
import { citationsOf, translationsOf, resultsOf, suggestionsOf } from './commands/helpers.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ENTRY_IDS = new Set(
  readdirSync(new URL('../entries/', import.meta.url))
    .filter((name) => name.endsWith('.md'))
    .map((name) => name.slice(0, -3)),
);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run lexicon -- …` as a real child process, without the developer's .env getting in. */
function lexicon(...args: string[]): Promise<Run> {
  return lexiconWithEnv({}, ...args);
}

function lexiconWithEnv(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        // Set (empty) so dotenv leaves them alone: the test must not start from a local .env.
        LOG_LEVEL: 'warn',
        ENTRIES_DIR: '',
        DISCORD_TOKEN: '',
        SLACK_BOT_TOKEN: '',
        NO_COLOR: '1',
        ...env,
      },
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

/** stdout parsed as JSON: throws unless it is exactly one JSON value, and checks it is an object. */
function onlyJsonObject(stdout: string): Reply {
  const value: unknown = JSON.parse(stdout);
  expect(typeof value).toBe('object');
  expect(Array.isArray(value)).toBe(false);
  return value as Reply;
}

const STACK_FRAME = /^\s+at .+[:(]\d+/m;

// Child processes pay tsx's start-up each; on a busy machine that takes seconds, not milliseconds.
describe('npm run lexicon (one-shot CLI)', { timeout: 60_000 }, () => {
  it('define empathy --json prints exactly one JSON object: entry, footnotes, translations with BCP-47 codes', async () => {
    const run = await lexicon('define', 'empathy', '--json');
    expect(run.code).toBe(0);
    const reply = onlyJsonObject(run.stdout);
    expect(reply.kind).toBe('definition');
    expect(reply.entryId).toBe('empathy');
    expect(citationsOf(reply).length).toBeGreaterThan(0);
    for (const citation of citationsOf(reply)) {
      expect(Number.isInteger(citation.number)).toBe(true);
      expect(citation.text.length).toBeGreaterThan(0);
    }
    expect(new Set(translationsOf(reply).map((translation) => translation.language))).toEqual(new Set(['zh', 'ja', 'ko']));
    for (const translation of translationsOf(reply)) expect(translation.text ?? translation.romanization).toBeTruthy();
    expect(suggestionsOf(reply).map((s) => s.entryId)).toEqual([]);
    expect(run.stderr).toBe('');
  });

  it('search --json gives results with entry ids and excerpts containing the words', async () => {
    const run = await lexicon('search', 'threat', 'perception', '--json');
    expect(run.code).toBe(0);
    const reply = onlyJsonObject(run.stdout);
    expect(reply.kind).toBe('search');
    expect(reply.entryId).toBeNull();
    expect(resultsOf(reply)!.length).toBeGreaterThan(0);
    for (const result of resultsOf(reply)!) {
      expect(ENTRY_IDS.has(result.entryId)).toBe(true);
      expect(result.excerpt.toLowerCase()).toMatch(/threat|perception/);
    }
  });

  it('keeps a quoted multi-word argument together (compare "confidence building" trust)', async () => {
    const run = await lexicon('compare', 'confidence building', 'trust', '--json');
    expect(run.code).toBe(0);
    const reply = onlyJsonObject(run.stdout);
    expect(reply.kind).toBe('comparison');
    expect(Object.keys(reply.request.options).sort()).toEqual(['first', 'second']);
    expect(reply.request.options.second).toBe('trust');
  });

  it('exits 0 for "no match", saying the document does not discuss it, with only entry-id suggestions', async () => {
    const run = await lexicon('define', 'qqqxzv', '--json');
    expect(run.code).toBe(0);
    const reply = onlyJsonObject(run.stdout);
    expect(reply.kind).toBe('no-match');
    expect(reply.entryId).toBeNull();
    expect(suggestionsOf(reply).map((s) => s.entryId).length).toBeGreaterThan(0);
    for (const id of suggestionsOf(reply).map((s) => s.entryId)) expect(ENTRY_IDS.has(id)).toBe(true);
  });

  it('prints a readable answer without --json', async () => {
    const run = await lexicon('define', 'empathy');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Empathy\n/);
    expect(run.stdout).toContain('│ ');
    expect(run.stdout).toContain('David A. Welch');
    expect(run.stdout).not.toContain('\x1b[');
  });

  it('gives page 2 of a long answer with --page 2, and says once, on the page line, how to get the next page', async () => {
    const [first, second] = await Promise.all([
      lexicon('define', 'consociational', 'security', 'order'),
      lexicon('define', 'consociational', 'security', 'order', '--page', '2', '--json'),
    ]);
    const count = Number(/\(Page 1 of (\d+): add --page 2 for the next\.\)/.exec(first.stdout)?.[1]);
    expect(count).toBeGreaterThan(1);
    expect(first.stdout).not.toContain('/next');
    // The page is stated once: the hint takes the place of the plain "Page 1 of N" line.
    expect(first.stdout.match(/Page 1 of/g)).toHaveLength(1);
    const reply = onlyJsonObject(second.stdout);
    expect(reply.page).toEqual({ index: 2, count });
    expect(reply.entryId).toBe('consociational-security-order');
  });

  it('exits 2 with usage on stderr for an unknown option or no command; other words are read as a question', async () => {
    const [unknownOption, noCommand, words, question] = await Promise.all([
      lexicon('define', 'empathy', '--jsno'),
      lexicon(),
      lexicon('frobnicate', '--json'),
      lexicon('what', 'does', 'ARF', 'stand', 'for?', '--json'),
    ]);
    for (const run of [unknownOption, noCommand]) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('Usage: npm run lexicon -- <command>');
    }
    expect(unknownOption.stderr).toContain('Unknown option “--jsno”');
    // Not "unknown command": a word is looked up, and honestly not found.
    expect(words.code).toBe(0);
    expect(onlyJsonObject(words.stdout).kind).toBe('no-match');
    expect(question.code).toBe(0);
    const answer = onlyJsonObject(question.stdout);
    expect(answer.title).toBe('ARF — ASEAN Regional Forum');
    expect(answer.blocks[0]).toEqual({ kind: 'text', text: ['Answered with /define ARF'] });
  });

  it('exits 1 on a bad configuration, with one line on stderr and, with --json, an error object', async () => {
    const run = await lexiconWithEnv({ PORT: '99999' }, 'define', 'empathy', '--json');
    expect(run.code).toBe(1);
    expect(onlyJsonObject(run.stdout).kind).toBe('error');
    expect(run.stderr.trimEnd().split('\n')).toEqual(['Invalid configuration: PORT must be a whole number from 0 to 65535, e.g. 3000']);
  });

  it('answers bad input with a reply or a usage error, never a stack trace', async () => {
    const inputs = [
      ['define', 'x'.repeat(10_000)],
      ['define', '\x1b[2J\x07\x7fem\u202e'],
      ['search', '?!…;;'],
      ['define', '😀🤝'],
      ['search', '<script>alert(1)</script> @everyone <!channel>'],
      ['translate', '同理心 trust'],
    ];
    const runs = await Promise.all(inputs.map((args) => lexicon(...args, '--json')));
    runs.forEach((run, index) => {
      const label = inputs[index]!.join(' ').slice(0, 40);
      expect([0, 2], label).toContain(run.code);
      const reply = onlyJsonObject(run.stdout);
      expect(reply.title.length, label).toBeGreaterThan(0);
      expect(run.stdout + run.stderr, label).not.toMatch(STACK_FRAME);
    });
    expect(runs[0]!.code).toBe(2);
    expect(onlyJsonObject(runs[0]!.stdout).kind).toBe('usage-error');
  });
});

describe('npm run lexicon in the reader’s language', { timeout: 60_000 }, () => {
  it('--help speaks Japanese with --lang ja, Korean with LANG=ko_KR.UTF-8, and --lang wins over LC_ALL', async () => {
    const japanese = await lexicon('--help', '--lang', 'ja');
    expect(japanese.code).toBe(0);
    expect(japanese.stdout).toContain('使い方：npm run lexicon -- <コマンド>');
    expect(japanese.stdout).toContain('用語の定義を執筆者自身の言葉のまま、訳語と脚注を添えて示します。');
    const korean = await lexiconWithEnv({ LANG: 'ko_KR.UTF-8' }, '--help');
    expect(korean.stdout).toContain('사용법: npm run lexicon -- <명령어>');
    const traditional = await lexiconWithEnv({ LC_ALL: 'ja_JP.UTF-8' }, '--help', '--lang=zh-Hant');
    expect(traditional.stdout).toContain('用法：npm run lexicon -- <指令>');
  });

  it('a --lang we do not speak, or an unknown option, is a usage error in the reader’s language', async () => {
    const unknownLanguage = await lexicon('help', '--lang', 'fr');
    expect(unknownLanguage.code).toBe(2);
    expect(unknownLanguage.stderr.split('\n')[0]).toBe('Unknown language “fr” for --lang; use en, zh-CN, zh-TW, ja, or ko.');
    const unknownOption = await lexiconWithEnv({ LANG: 'zh_CN.UTF-8' }, 'define', 'trust', '--jsn');
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr.split('\n')[0]).toBe('未知选项“--jsn”（可用选项：--json、--page N、--lang 语言、--help）。');
  });
});

describe('CLI arguments', () => {
  it('takes out --json and --help, and keeps -- as the end of flags', () => {
    expect(parseCliArguments(['define', 'empathy', '--json'])).toEqual({ json: true, help: false, line: 'define empathy' });
    expect(parseCliArguments(['--help']).help).toBe(true);
    expect(parseCliArguments(['search', '--', '--json']).line).toBe('search --json');
    expect(parseCliArguments(['define', '--jsn']).unknownFlag).toBe('--jsn');
    expect(parseCliArguments(['define', 'trust', '--page', '2'])).toEqual({ json: false, help: false, line: 'define trust', page: 2 });
    expect(parseCliArguments(['define', 'trust', '--page=3']).page).toBe(3);
    expect(parseCliArguments(['define', 'trust', '--page', 'x']).unknownFlag).toBe('--page x');
  });

  it('takes --lang LOCALE and --lang=LOCALE; --lang without a value is a usage error', () => {
    expect(parseCliArguments(['help', '--lang', 'ja'])).toEqual({ json: false, help: false, line: 'help', lang: 'ja' });
    expect(parseCliArguments(['--lang=zh_TW.UTF-8', 'help']).lang).toBe('zh_TW.UTF-8');
    expect(parseCliArguments(['help', '--lang']).unknownFlag).toBe('--lang');
    expect(parseCliArguments(['help', '--lang', '--json']).unknownFlag).toBe('--lang');
  });

  it('joins arguments so that the command-line parser reads each one back whole', () => {
    const cases = [
      ['compare', 'confidence building', 'trust'],
      ['compare', 'say "hi" there', 'trust'],
      ['compare', '“curly” and "straight"', 'trust'],
      ['compare', "people's view", 'trust'],
    ];
    for (const args of cases) {
      const parsed = parseCommandLine(parseCliArguments(args).line);
      expect('error' in parsed).toBe(false);
      if (!('error' in parsed)) expect(parsed.options).toEqual({ first: args[1], second: args[2] });
    }
    expect(quoteArgument('empathy')).toBe('empathy');
    expect(quoteArgument('')).toBe('""');
  });
});
