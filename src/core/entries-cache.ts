/**
 * A cache of the parsed entries, for the one-shot CLI's cold start: parsing the front-matter YAML
 * and validating it costs more than everything else the CLI does for an answer (the YAML parser
 * alone takes longer to load than the whole answer). The cache holds the entries exactly as
 * `loadEntries` returned them, as JSON, under a key made of every entry file's name and bytes and
 * the code that parsed them; any change to either misses. A miss (or any problem with the cache)
 * loads the files as always, so errors in entry files are reported exactly as without a cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT, RUNNING_BUILT } from '../paths.js';
import type { Entry } from './entry.js';
import type { EntriesDirSource } from './load-entries.js';

/** Where the cache lives by default: the usual tools' cache folder of the package. */
export const DEFAULT_ENTRIES_CACHE_DIR = path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'lexicon-bot');

export interface EntriesCacheOptions {
  /** The cache folder; undefined turns the cache off. */
  dir: string | undefined;
  /** What identifies the parsing code (a change of code must miss). */
  codeVersion: string;
}

/**
 * The cache the running code uses: on for the build (its files change at every build, and the key
 * carries their time), off from the TypeScript sources, where an edit to the parser would not show
 * in this module's own file.
 */
export function defaultEntriesCache(): EntriesCacheOptions {
  if (!RUNNING_BUILT) return { dir: undefined, codeVersion: '' };
  const here = fileURLToPath(import.meta.url);
  let built = '';
  try {
    built = String(statSync(here).mtimeMs);
  } catch {
    return { dir: undefined, codeVersion: '' };
  }
  return { dir: DEFAULT_ENTRIES_CACHE_DIR, codeVersion: `${here}@${built}` };
}

/**
 * A digest of a directory's entry files (every `*.md`: its name and bytes) after `salt`, or
 * undefined when they cannot be read (the loader then says why).
 */
export async function entryFilesDigest(absoluteDir: string, salt: readonly string[]): Promise<string | undefined> {
  try {
    const dirents = await readdir(absoluteDir, { withFileTypes: true });
    const names = dirents.filter((dirent) => /\.md$/i.test(dirent.name) && (dirent.isFile() || dirent.isSymbolicLink())).map((dirent) => dirent.name).sort();
    const contents = await Promise.all(names.map((name) => readFile(path.join(absoluteDir, name))));
    const hash = createHash('sha256');
    for (const part of salt) hash.update(part).update('\0');
    names.forEach((name, index) => hash.update(name).update('\0').update(contents[index] ?? '').update('\0'));
    return hash.digest('hex').slice(0, 32);
  } catch {
    return undefined;
  }
}

/**
 * The entries of `dir` (as `loadEntries` gives them), from the cache when the files and the code
 * are unchanged; loads and caches them otherwise. Never fails because of the cache.
 */
export async function loadEntriesCached(dir: string, source: EntriesDirSource = {}, cache: EntriesCacheOptions = defaultEntriesCache()): Promise<Entry[]> {
  const absoluteDir = path.resolve(dir);
  const key = cache.dir ? await entryFilesDigest(absoluteDir, [cache.codeVersion, absoluteDir]) : undefined;
  const file = cache.dir && key ? path.join(cache.dir, `entries-${key}.json`) : undefined;
  if (file) {
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as Entry[];
    } catch {
      // Missing or unreadable: load the files.
    }
  }
  const { loadEntries } = await import('./load-entries.js');
  const entries = await loadEntries(absoluteDir, source);
  if (file && cache.dir) {
    try {
      mkdirSync(cache.dir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(entries));
      renameSync(temporary, file);
    } catch {
      // A read-only install: no cache, every start parses the files.
    }
  }
  return entries;
}
