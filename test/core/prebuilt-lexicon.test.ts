/**
 * The build's prebuilt lexicon index: used only for exactly the entry files it was made from, and
 * answering exactly as a lexicon indexed at run time does.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadEntries } from '../../src/core/load-entries.js';
import { DEFAULT_ENTRIES_DIR, loadLexicon } from '../../src/core/load-lexicon.js';
import { readPrebuiltLexicon, type PrebuiltLexicon } from '../../src/core/prebuilt-lexicon.js';
import { answerRead, readTextLine } from '../../src/core/text-request.js';
import { dispatcher } from '../../src/dispatcher.js';
import { prebuildLexicon } from '../../src/prebuild.js';
import { foldCjk } from '../../src/search/normalize.js';

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'prebuilt-lexicon-'));
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

/** The prebuilt index of `entriesDir`, written to a file of its own. */
async function prebuiltFileOf(entriesDir: string, change: (prebuilt: PrebuiltLexicon) => void = () => {}): Promise<string> {
  const prebuilt = await prebuildLexicon(entriesDir);
  change(prebuilt);
  const file = path.join(await tempDir(), 'lexicon-index.json');
  await writeFile(file, JSON.stringify(prebuilt));
  return file;
}

const LINES = ['define empathy', 'define TBMs', 'translate trust', 'cite 12', 'search reassurance', 'compare trust confidence', 'entries', 'translate 信赖', 'define emphaty'];

describe('the prebuilt lexicon index', () => {
  it('holds the entries as loading the files gives them, every entry\'s "see also" and every CJK character folded', async () => {
    const entriesDir = await copyOfEntries();
    const prebuilt = await prebuildLexicon(entriesDir);
    const fromFiles = await loadEntries(entriesDir);
    expect(prebuilt.entries).toEqual(fromFiles);
    const runtime = await loadLexicon(entriesDir, {}, { prebuiltFile: undefined });
    for (const entry of fromFiles) expect(prebuilt.seeAlso[entry.id], entry.id).toEqual(runtime.seeAlso(entry.id));
    const han = [...new Set(fromFiles.flatMap((entry) => entry.translations.map((translation) => translation.text)).join('').match(/\p{Script=Han}/gu))];
    expect(han.length).toBeGreaterThan(10);
    for (const char of han) expect(prebuilt.folded[char], char).toBe(foldCjk(char));
  });

  it('is read for the same entry files, wherever they are, and answers every command as indexing at run time does', async () => {
    const entriesDir = await copyOfEntries();
    const file = await prebuiltFileOf(DEFAULT_ENTRIES_DIR);
    const prebuilt = await loadLexicon(entriesDir, {}, { prebuiltFile: file });
    const runtime = await loadLexicon(entriesDir, {}, { prebuiltFile: undefined });
    for (const line of LINES) {
      const read = readTextLine(dispatcher, line);
      if ('error' in read) throw new Error(read.error);
      expect(JSON.stringify(answerRead(dispatcher, prebuilt, read)), line).toBe(JSON.stringify(answerRead(dispatcher, runtime, read)));
    }
    // Proof that the file was read: a change made to it is what the lexicon holds.
    const altered = await prebuiltFileOf(entriesDir, (index) => (index.entries[0]!.term = 'From the prebuilt index'));
    expect((await loadLexicon(entriesDir, {}, { prebuiltFile: altered })).entries[0]?.term).toBe('From the prebuilt index');
    // Each entry names its file where it is now.
    expect((await readPrebuiltLexicon(entriesDir, altered))?.entries.map((entry) => path.resolve(entry.file))).toEqual(
      (await loadEntries(entriesDir)).map((entry) => path.resolve(entry.file)),
    );
  });

  it('is not used when an entry file differs, is added, or is removed: those files are loaded and indexed at run time', async () => {
    const entriesDir = await copyOfEntries();
    const file = await prebuiltFileOf(entriesDir, (index) => (index.entries[0]!.term = 'From the prebuilt index'));
    const empathy = path.join(entriesDir, 'empathy.md');
    const original = await readFile(empathy, 'utf8');

    await writeFile(empathy, original.replace('term: Empathy', 'term: Empathy Mounted'));
    let lexicon = await loadLexicon(entriesDir, {}, { prebuiltFile: file });
    expect(lexicon.entry('empathy')?.term).toBe('Empathy Mounted');
    expect(lexicon.entries.map((entry) => entry.term)).not.toContain('From the prebuilt index');

    await writeFile(empathy, original);
    await cp(empathy, path.join(entriesDir, 'empathy-copy.MD'));
    await expect(readPrebuiltLexicon(entriesDir, file)).resolves.toBeUndefined();
    await rm(path.join(entriesDir, 'empathy-copy.MD'));
    await rm(path.join(entriesDir, 'trust.md'));
    await expect(readPrebuiltLexicon(entriesDir, file)).resolves.toBeUndefined();
    lexicon = await loadLexicon(entriesDir, {}, { prebuiltFile: file });
    expect(lexicon.entry('trust')).toBeUndefined();
  });

  it('is not used when missing, unreadable, or of another format', async () => {
    const entriesDir = await copyOfEntries();
    const dir = await tempDir();
    await expect(readPrebuiltLexicon(entriesDir, path.join(dir, 'none.json'))).resolves.toBeUndefined();
    await writeFile(path.join(dir, 'broken.json'), '{"format":1,');
    await expect(readPrebuiltLexicon(entriesDir, path.join(dir, 'broken.json'))).resolves.toBeUndefined();
    const other = await prebuiltFileOf(entriesDir, (index) => ((index as { format: number }).format = 0));
    await expect(readPrebuiltLexicon(entriesDir, other)).resolves.toBeUndefined();
    expect((await loadLexicon(entriesDir, {}, { prebuiltFile: path.join(dir, 'broken.json') })).entries).toEqual(await loadEntries(entriesDir));
  });
});
