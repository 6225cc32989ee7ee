/**
 * The build as production runs it: a copy of the package with its own `dist/` answers exactly as
 * the TypeScript sources do, from the prebuilt lexicon index for its own entries and by indexing
 * at run time for a mounted ENTRIES_DIR whose files differ.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrebuiltLexicon } from '../src/core/prebuilt-lexicon.js';
import { finished, ROOT, runEntry, type Finished } from './support/child-process.js';

const { build } = (await import(new URL('../scripts/build.mjs', import.meta.url).href)) as { build: (options: { outDir: string }) => Promise<number> };

/** A child environment no local .env can change. */
const ENV = { PATH: process.env.PATH, LOG_LEVEL: 'warn', ENTRIES_DIR: '', DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '', NO_COLOR: '1' };

let work: string;
let app: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'lexicon-build-'));
  app = path.join(work, 'app');
  mkdirSync(path.join(app, 'entries'), { recursive: true });
  cpSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
  for (const name of readdirSync(path.join(ROOT, 'entries'))) if (name.endsWith('.md')) cpSync(path.join(ROOT, 'entries', name), path.join(app, 'entries', name));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
  await build({ outDir: path.join(app, 'dist') });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The built CLI of the copy, run in it. */
function builtCli(env: Record<string, string>, ...args: string[]): Promise<Finished> {
  const child = spawn(process.execPath, [path.join(app, 'dist/cli.js'), ...args], { cwd: app, env: { ...ENV, ...env } });
  child.stdin.end();
  return finished(child);
}

const INDEX = () => path.join(app, 'dist/lexicon-index.json');

describe('the build', () => {
  it('answers as the sources do, for a lookup, a CJK lookup, a passage search and "see also"', async () => {
    for (const args of [['define', 'empathy', '--json'], ['translate', '信赖', '--json'], ['search', 'reassurance', '--json'], ['define', 'trust']]) {
      const [built, sources] = await Promise.all([builtCli({}, ...args), runEntry('src/cli.ts', { env: ENV, args })]);
      expect(built.code, args.join(' ')).toBe(0);
      expect(built.stdout, args.join(' ')).toBe(sources.stdout);
    }
  });

  it('answers its own entries from the prebuilt index, and a mounted ENTRIES_DIR with other files from those files', async () => {
    const index = JSON.parse(readFileSync(INDEX(), 'utf8')) as PrebuiltLexicon;
    const empathy = index.entries.find((entry) => entry.id === 'empathy')!;
    empathy.term = 'Empathy (from the prebuilt index)';
    writeFileSync(INDEX(), JSON.stringify(index));

    const own = await builtCli({}, 'define', 'empathy', '--json');
    expect(own.stdout).toContain('Empathy (from the prebuilt index)');
    // The same files mounted elsewhere are the same lexicon: the index serves them too.
    const mounted = path.join(work, 'mounted');
    cpSync(path.join(app, 'entries'), mounted, { recursive: true });
    expect((await builtCli({ ENTRIES_DIR: mounted }, 'define', 'empathy', '--json')).stdout).toContain('Empathy (from the prebuilt index)');

    const file = path.join(mounted, 'empathy.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('term: Empathy', 'term: Empathy (mounted)'));
    const other = await builtCli({ ENTRIES_DIR: mounted }, 'define', 'empathy', '--json');
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('Empathy (mounted)');
    expect(other.stdout).not.toContain('from the prebuilt index');
  });
});
