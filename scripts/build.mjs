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

/**
 * Pure-JavaScript dependencies bundled into `dist/` rather than loaded from node_modules: one file
 * instead of hundreds (the query builder alone is 263 modules, the validator 95) is most of the
 * one-shot CLI's start-up. Everything else (native drivers, the platform SDKs, the logger with its
 * worker transports, the metrics client, the HTTP framework) stays external.
 */
export const BUNDLED_PACKAGES = ['kysely', 'zod', 'yaml', 'minisearch', 'dotenv', 'opencc-js', '@formatjs/', 'intl-messageformat'];

/** esbuild: leave a package import external unless it is one of BUNDLED_PACKAGES. */
const externalExceptBundled = {
  name: 'external-except-bundled',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      const bundled = BUNDLED_PACKAGES.some((name) => (name.endsWith('/') ? args.path.startsWith(name) : args.path === name || args.path.startsWith(name + '/')));
      return bundled ? undefined : { path: args.path, external: true };
    });
  },
};

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
    plugins: [externalExceptBundled],
    // Bundled CommonJS packages require Node's built-ins: give every chunk a `require`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
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
