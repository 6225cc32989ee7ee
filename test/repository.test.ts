/**
 * What a fresh clone promises: `npm install` leaves the lock file as it is, the README's examples
 * print what they say, figures live in the repository, and the licence is there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Every `$ npm run -s lexicon -- …` line of the README's sh blocks, with the lines printed after it. */
function readmeExamples(): { command: string; expected: string }[] {
  const examples: { command: string; expected: string }[] = [];
  for (const block of readme.matchAll(/```sh\n([\s\S]*?)```/g)) {
    const lines = (block[1] ?? '').split('\n');
    lines.forEach((line, index) => {
      if (!line.startsWith('$ npm run -s lexicon -- ')) return;
      const output: string[] = [];
      for (const next of lines.slice(index + 1)) {
        if (next.startsWith('$ ')) break;
        output.push(next);
      }
      examples.push({ command: line.slice(2), expected: output.join('\n').trimEnd() });
    });
  }
  return examples;
}

describe('a fresh clone', () => {
  it('npm install leaves package-lock.json unchanged', { timeout: 60_000 }, () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lexicon-lock-'));
    try {
      copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
      copyFileSync(path.join(ROOT, 'package-lock.json'), path.join(dir, 'package-lock.json'));
      // Offline with an empty cache: a lock that satisfies package.json needs nothing from the registry.
      execFileSync('npm', ['install', '--package-lock-only', '--ignore-scripts', '--offline', '--no-audit', '--no-fund', '--cache', path.join(dir, 'cache')], {
        cwd: dir,
        stdio: 'pipe',
      });
      expect(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).toBe(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the README’s one-shot examples print what the README says they print', { timeout: 60_000 }, () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThan(0);
    for (const { command, expected } of examples) {
      if (command.includes('| jq')) expect(spawnSync('jq', ['--version']).status, 'jq is needed to check the jq example').toBe(0);
      const run = spawnSync('bash', ['-o', 'pipefail', '-c', command], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, NO_COLOR: '1', LOG_LEVEL: 'warn', ENTRIES_DIR: '', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' },
      });
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
      expect(run.stdout.trimEnd(), command).toBe(expected);
    }
  });

  it('keeps figures in the repository (docs/), not behind an issue tracker', () => {
    expect(readme).not.toMatch(/closing note|issue tracker|\/issues\b/i);
    expect(readme).toContain('(docs/benchmarks.md)');
    expect(existsSync(path.join(ROOT, 'docs/benchmarks.md'))).toBe(true);
  });

  it('has a LICENSE file matching package.json’s licence', () => {
    const license = readFileSync(path.join(ROOT, 'LICENSE'), 'utf8');
    const declared = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { license: string }).license;
    expect(declared).toBe('MIT');
    expect(license.split('\n')[0]).toBe('MIT License');
    expect(license).toContain('Permission is hereby granted, free of charge');
  });
});
