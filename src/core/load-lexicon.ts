/**
 * Loads the lexicon: the entry files (validated; a malformed file stops start-up naming the file and
 * field) and the search index over them.
 */
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Entry } from './entry.js';
import type { Lexicon } from './lexicon.js';
import type { LexiconSearch } from '../search/types.js';
import { loadEntries, type EntriesDirSource } from './load-entries.js';
import { createLexiconSearch } from '../search/index.js';

/** The repository's `entries/` directory. */
export const DEFAULT_ENTRIES_DIR = path.join(PACKAGE_ROOT, 'entries');

/** A lexicon over entries already loaded (in document order) and a search over them. */
export function createLexicon(entries: readonly Entry[], search: LexiconSearch): Lexicon {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return {
    entries,
    entry: (id) => byId.get(id),
    search,
  };
}

/** Load the entries of `dir` and index them; `source` names the variable that chose `dir`, for messages. */
export async function loadLexicon(dir: string = DEFAULT_ENTRIES_DIR, source: EntriesDirSource = {}): Promise<Lexicon> {
  const entries = await loadEntries(dir, source);
  return createLexicon(entries, createLexiconSearch(entries));
}
