/**
 * The production build: esbuild bundles each entry point of the bot into `dist/` (ES modules,
 * Node 20, dependencies left in node_modules), so production runs plain JavaScript with no
 * TypeScript loader. `node scripts/build.mjs` builds; `--if-stale` builds only when a source file
 * is newer than the last build. Run by `npm install` (prepare) and by `npm start` when stale.
 */
import { readdirSync, statSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'dist');
const STAMP = path.join(OUT, '.built');

/** Every entry point, and every module loaded by a computed import (the platform adapters). */
export const ENTRY_POINTS = [
  'src/main.ts',
  'src/cli.ts',
  'src/adapters/discord/index.ts',
  'src/adapters/discord/shard.ts',
  'src/adapters/discord/sharded.ts',
  'src/adapters/discord/register.ts',
  'src/adapters/slack/index.ts',
  'src/adapters/slack/manifest-cli.ts',
  'src/storage/migrate-cli.ts',
];

/** What a build reads: a change to any of these makes `dist/` stale. */
const INPUTS = ['src', 'commands', 'package.json', 'package-lock.json', 'scripts/build.mjs'];

function newestInput(entry = ROOT, names = INPUTS) {
  let newest = 0;
  for (const name of names) {
    const full = path.join(entry, name);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      continue;
    }
    if (stat.isDirectory()) newest = Math.max(newest, newestInput(full, readdirSync(full)));
    else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

/** Whether `dist/` is missing or older than a source file. */
export function isStale() {
  if (!existsSync(STAMP)) return true;
  return newestInput() > statSync(STAMP).mtimeMs;
}

/** Build `dist/`. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  const started = performance.now();
  await esbuild({
    absWorkingDir: ROOT,
    entryPoints: ENTRY_POINTS,
    outdir: OUT,
    outbase: 'src',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(STAMP, new Date().toISOString() + '\n');
  return performance.now() - started;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const onlyIfStale = process.argv.includes('--if-stale');
  if (!onlyIfStale || isStale()) {
    const ms = await build();
    if (!process.argv.includes('--quiet')) process.stderr.write(`Built dist/ in ${Math.round(ms)} ms\n`);
  }
}
