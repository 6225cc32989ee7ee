import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEntriesCached } from '../../src/core/entries-cache.js';
import { EntryFileError } from '../../src/core/entry-file-error.js';
import { loadEntries } from '../../src/core/load-entries.js';
import { DEFAULT_ENTRIES_DIR } from '../../src/core/load-lexicon.js';

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'entries-cache-'));
  made.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function copyOfEntries(): Promise<string> {
  const dir = await tempDir();
  for (const name of await readdir(DEFAULT_ENTRIES_DIR)) if (name.endsWith('.md')) await cp(path.join(DEFAULT_ENTRIES_DIR, name), path.join(dir, name));
  return dir;
}

describe('the parsed-entries cache of the one-shot CLI', () => {
  it('gives the same entries from the cache as from the files, and reads the cache on the second load', async () => {
    const [entriesDir, cacheDir] = [await copyOfEntries(), await tempDir()];
    const cache = { dir: cacheDir, codeVersion: 'v1' };
    const fromFiles = await loadEntries(entriesDir);
    expect(await loadEntriesCached(entriesDir, {}, cache)).toEqual(fromFiles);
    const cached = await readdir(cacheDir);
    expect(cached).toHaveLength(1);
    // Proof that the second load reads the cache: a cache file we alter is what comes back.
    await writeFile(path.join(cacheDir, cached[0]!), JSON.stringify([{ ...fromFiles[0], term: 'From the cache' }]));
    expect((await loadEntriesCached(entriesDir, {}, cache))[0]?.term).toBe('From the cache');
  });

  it('misses when an entry file or the code changes', async () => {
    const [entriesDir, cacheDir] = [await copyOfEntries(), await tempDir()];
    await loadEntriesCached(entriesDir, {}, { dir: cacheDir, codeVersion: 'v1' });
    await loadEntriesCached(entriesDir, {}, { dir: cacheDir, codeVersion: 'v2' });
    expect(await readdir(cacheDir)).toHaveLength(2);
    const file = path.join(entriesDir, 'empathy.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('term: Empathy', 'term: Empathy Changed'));
    const entries = await loadEntriesCached(entriesDir, {}, { dir: cacheDir, codeVersion: 'v2' });
    expect(entries.find((entry) => entry.id === 'empathy')?.term).toBe('Empathy Changed');
    expect(await readdir(cacheDir)).toHaveLength(3);
  });

  it('reports a malformed entry file exactly as without a cache, and caches nothing', async () => {
    const [entriesDir, cacheDir] = [await tempDir(), await tempDir()];
    await writeFile(path.join(entriesDir, 'broken.md'), 'no front matter\n');
    await expect(loadEntriesCached(entriesDir, {}, { dir: cacheDir, codeVersion: 'v1' })).rejects.toBeInstanceOf(EntryFileError);
    expect(await readdir(cacheDir)).toHaveLength(0);
  });

  it('loads the files when the cache folder cannot be written', async () => {
    const entriesDir = await copyOfEntries();
    const notADir = path.join(await tempDir(), 'file');
    await writeFile(notADir, '');
    expect(await loadEntriesCached(entriesDir, {}, { dir: notADir, codeVersion: 'v1' })).toEqual(await loadEntries(entriesDir));
  });
});
