/**
 * What the build computes once so that no start has to (`scripts/build.mjs` runs it after
 * bundling): the message catalogs checked (the built bot trusts them) and the lexicon index of
 * the repository's entries (`src/core/prebuilt-lexicon.ts`).
 */
import { writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { EntryFileError } from './core/entry-file-error.js';
import { loadEntries } from './core/load-entries.js';
import { createLexicon, DEFAULT_ENTRIES_DIR } from './core/load-lexicon.js';
import { PREBUILT_LEXICON_FILE_NAME, PREBUILT_LEXICON_FORMAT, prebuiltLexiconKey, serializePrebuiltLexicon, type PrebuiltLexicon } from './core/prebuilt-lexicon.js';
import { CATALOG_FILES, validateCatalogs } from './i18n/catalog.js';
import { createLexiconSearch } from './search/index.js';
import { foldedCharacters } from './search/normalize.js';

/** The prebuilt lexicon of the entry files in `dir`; throws EntryFileError as loading them would. */
export async function prebuildLexicon(dir: string = DEFAULT_ENTRIES_DIR): Promise<PrebuiltLexicon> {
  const absoluteDir = path.resolve(dir);
  const key = await prebuiltLexiconKey(absoluteDir);
  const entries = await loadEntries(absoluteDir);
  if (key === undefined) throw new Error(`cannot read the entry files of ${absoluteDir}`);
  const lexicon = createLexicon(entries, createLexiconSearch(entries));
  const seeAlso = Object.fromEntries(entries.map((entry) => [entry.id, lexicon.seeAlso(entry.id)]));
  // A passage search indexes every paragraph and footnote, so every character of the text is folded.
  lexicon.search.passages('trust', 1, false);
  return { format: PREBUILT_LEXICON_FORMAT, key, entries, seeAlso, folded: foldedCharacters() };
}

/**
 * Check the catalogs (throws CatalogError naming the file and the key) and write the lexicon index
 * into `outDir`. Entry files that do not load leave no index: the bot then reports them at start,
 * as it would without a build.
 */
export async function prebuild(outDir: string): Promise<{ lexicon: 'written' | 'skipped' }> {
  validateCatalogs(CATALOG_FILES);
  const file = path.join(outDir, PREBUILT_LEXICON_FILE_NAME);
  let prebuilt: PrebuiltLexicon;
  try {
    prebuilt = await prebuildLexicon();
  } catch (error) {
    if (!(error instanceof EntryFileError)) throw error;
    await rm(file, { force: true });
    return { lexicon: 'skipped' };
  }
  await writeFile(file, serializePrebuiltLexicon(prebuilt));
  return { lexicon: 'written' };
}
