/**
 * The production build: esbuild bundles each entry point of the bot into `dist/` (ES modules,
 * Node 20, dependencies left in node_modules), so production runs plain JavaScript with no
 * TypeScript loader. `node scripts/build.mjs` builds; `--if-stale` builds only when a source file
 * is newer than the last build. Run by `npm install` (prepare) and by `npm start` when stale.
 * After bundling it runs `dist/prebuild.js`: the message catalogs are checked (a broken one fails
 * the build) and the repository's entries are indexed into `dist/lexicon-index.json`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = path.join(ROOT, 'dist');
const STAMP = path.join(OUT, '.built');

/** Every entry point, and every module loaded by a computed import (the platform adapters). */
export const ENTRY_POINTS = [
  'src/main.ts',
  'src/adapters/discord/index.ts',
  'src/adapters/discord/shard.ts',
  'src/adapters/discord/sharded.ts',
  'src/adapters/discord/register.ts',
  'src/adapters/slack/index.ts',
  'src/adapters/slack/manifest-cli.ts',
  'src/storage/migrate-cli.ts',
  'src/prebuild.ts',
];

/**
 * The one-shot CLI is built on its own: its start-up is mostly reading its code, so it is one
 * CommonJS file (`dist/cli-bundle.js`; the modules it needs only later, the store and the entry
 * parser, are evaluated only then), whitespace and syntax minified, run by `dist/cli.js`
 * (scripts/cli-loader.mjs) through V8's code cache.
 */
export const CLI_ENTRY_POINT = 'src/cli.ts';

/**
 * Pure-JavaScript dependencies bundled into `dist/` rather than loaded from node_modules: one file
 * instead of hundreds (the query builder alone is 263 modules, the validator 95) is most of the
 * one-shot CLI's start-up. Everything else (native drivers, the platform SDKs, the logger with its
 * worker transports, the metrics client, the HTTP framework, OpenCC's tables, required only when a
 * character is not in the prebuilt index) stays external.
 */
export const BUNDLED_PACKAGES = ['kysely', 'zod', 'yaml', 'minisearch', 'dotenv', '@formatjs/', 'intl-messageformat'];

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

/**
 * esbuild: the message catalogs (JSON) as `JSON.parse` of a string rather than object literals,
 * which V8 reads several times faster: five catalogs are most of what the one-shot CLI evaluates
 * before it answers.
 */
const catalogsAsJsonParse = {
  name: 'catalogs-as-json-parse',
  setup(build) {
    build.onLoad({ filter: /[\\/]i18n[\\/]locales[\\/][^\\/]+\.json$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `export default JSON.parse(${JSON.stringify(text)});`, loader: 'js' };
    });
  },
};

/** What a build reads: a change to any of these makes `dist/` stale. */
const INPUTS = ['src', 'commands', 'entries', 'package.json', 'package-lock.json', 'scripts/build.mjs', 'scripts/cli-loader.mjs', 'scripts/import-meta-url.js'];

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

/** Build `dist/` (or `outDir`: a test builds a copy elsewhere). */
export async function build({ outDir = OUT } = {}) {
  const { build: esbuild } = await import('esbuild');
  const started = performance.now();
  const common = {
    absWorkingDir: ROOT,
    outdir: outDir,
    outbase: 'src',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalExceptBundled, catalogsAsJsonParse],
    // Bundled CommonJS packages require Node's built-ins: give every chunk a `require`.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    // Non-ASCII text (the catalogs of four CJK locales) as it is, not as \u escapes: less to read and parse.
    charset: 'utf8',
    logLevel: 'warning',
  };
  const cliBundle = path.join(outDir, 'cli-bundle.js');
  await Promise.all([
    esbuild({ ...common, entryPoints: ENTRY_POINTS, chunkNames: 'chunks/[name]-[hash]' }),
    esbuild({
      ...common,
      entryPoints: [CLI_ENTRY_POINT],
      outdir: undefined,
      outbase: undefined,
      outfile: cliBundle,
      splitting: false,
      format: 'cjs',
      banner: undefined,
      // Its modules' import.meta.url: the bundle's own (paths are found from it, as from a chunk).
      define: { 'import.meta.url': 'import_meta_url' },
      inject: [path.join(ROOT, 'scripts/import-meta-url.js')],
      minifyWhitespace: true,
      minifySyntax: true,
      // ASCII (the CJK catalogs as \u escapes): the loader reads it as latin1, a plain copy, where
      // Node 20 decodes a megabyte of UTF-8 about ten times slower.
      charset: 'ascii',
    }),
  ]);
  // esbuild leaves non-ASCII in regular expression literals (the only place it does): escape them
  // too, each UTF-16 unit as \uXXXX, which a regular expression reads as the character itself.
  const bundled = readFileSync(cliBundle, 'utf8');
  const ascii = bundled.replace(/[^\0-\x7f]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== bundled) writeFileSync(cliBundle, ascii);
  mkdirSync(outDir, { recursive: true });
  copyFileSync(path.join(ROOT, 'scripts/cli-loader.mjs'), path.join(outDir, 'cli.js'));
  // A code cache of an older bundle is rejected anyway; the split CLI of earlier builds is unused.
  for (const stale of [`${cliBundle}.cache`, path.join(outDir, 'cli.js.map'), path.join(outDir, 'cli-chunks')]) rmSync(stale, { recursive: true, force: true });
  // What no start should have to compute: the catalogs checked, the entries' index (dist/lexicon-index.json).
  const { prebuild } = await import(`${pathToFileURL(path.join(outDir, 'prebuild.js')).href}?${Date.now()}`);
  await prebuild(outDir);
  // One run of the CLI writes its code cache, so the first real run is as fast as every other
  // (without it, the first run writes it, when dist/ is writable). The run is the commonest one-shot
  // answer, a definition from the prebuilt index, so the cache holds the functions that answer
  // (and record) it, not only start-up's; its lookup is recorded in a throw-away database.
  const warmUpData = mkdtempSync(path.join(tmpdir(), 'lexicon-build-warm-up-'));
  try {
    execFileSync(process.execPath, [path.join(outDir, 'cli.js'), 'define', 'empathy', '--json'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: { PATH: process.env.PATH, NO_COLOR: '1', LANG: 'C', LOG_LEVEL: 'silent', ENTRIES_DIR: '', DATABASE_URL: '', DATA_DIR: warmUpData },
    });
  } catch {
    // The cache is only a speed-up; the CLI's own tests say whether it runs.
  } finally {
    rmSync(warmUpData, { recursive: true, force: true });
  }
  writeFileSync(path.join(outDir, path.basename(STAMP)), new Date().toISOString() + '\n');
  return performance.now() - started;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const onlyIfStale = process.argv.includes('--if-stale');
  if (!onlyIfStale || isStale()) {
    try {
      const ms = await build();
      if (!process.argv.includes('--quiet')) process.stderr.write(`Built dist/ in ${Math.round(ms)} ms\n`);
    } catch (error) {
      // A broken catalog is one line naming the file and the key, not a stack trace.
      if (error?.name !== 'CatalogError') throw error;
      process.stderr.write(`The build stopped: ${error.message}\n`);
      process.exitCode = 1;
    }
  }
}
