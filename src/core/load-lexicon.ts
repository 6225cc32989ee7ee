/**
 * Loads the lexicon: the entry files (validated; a malformed file stops start-up naming the file and
 * field), the search index over them, and the indexes derived from them.
 */
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import type { Entry } from './entry.js';
import type { Lexicon } from './lexicon.js';
import type { LexiconSearch } from '../search/types.js';
import type { EntriesDirSource } from './load-entries.js';
import { loadEntriesCached } from './entries-cache.js';
import { readPrebuiltLexicon } from './prebuilt-lexicon.js';
import type { SuggestionView } from './reply.js';
import { createLexiconSearch } from '../search/index.js';
import { rememberFoldedCharacters } from '../search/normalize.js';
import { buildTranslationCatalog } from './translations.js';
import { createSeeAlso } from './see-also.js';

/** The repository's `entries/` directory. */
export const DEFAULT_ENTRIES_DIR = path.join(PACKAGE_ROOT, 'entries');

/** What a lexicon can be given instead of computing it (from the build's prebuilt index). */
export interface KnownLexiconIndexes {
  /** Each entry's "see also", by entry id, as `createSeeAlso` would compute it. */
  seeAlso?: Readonly<Record<string, SuggestionView[]>>;
}

/**
 * A lexicon over entries already loaded (in document order) and a search over them. The id and
 * footnote indexes and the translation catalog are built here; "see also" is computed per entry on
 * first request (it needs the paragraph index, which most commands never build) unless `known`
 * gives it.
 */
export function createLexicon(entries: readonly Entry[], search: LexiconSearch, known: KnownLexiconIndexes = {}): Lexicon {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const byFootnote = new Map<number, Entry>();
  for (const entry of entries) for (const footnote of entry.footnotes) if (!byFootnote.has(footnote.number)) byFootnote.set(footnote.number, entry);
  const base = {
    entries,
    entry: (id: string) => byId.get(id),
    search,
    footnoteCount: Math.max(0, ...byFootnote.keys()),
    entryOfFootnote: (number: number) => byFootnote.get(number),
  };
  const translations = buildTranslationCatalog(base);
  const lexicon: Lexicon = { ...base, translations, seeAlso: (entryId) => seeAlso(entryId) };
  const seeAlso = createSeeAlso(lexicon, known.seeAlso);
  return lexicon;
}

/** Where `loadLexicon` may find the build's prebuilt index (tests name their own file). */
export interface LoadLexiconOptions {
  /** The prebuilt index to try first; by default the build's, none from the sources. */
  prebuiltFile?: string | undefined;
}

/**
 * Load the entries of `dir` and index them; `source` names the variable that chose `dir`, for
 * messages. The build's prebuilt index serves when it was made from exactly these files.
 */
export async function loadLexicon(dir: string = DEFAULT_ENTRIES_DIR, source: EntriesDirSource = {}, options: LoadLexiconOptions = {}): Promise<Lexicon> {
  const prebuilt = await ('prebuiltFile' in options ? readPrebuiltLexicon(dir, options.prebuiltFile) : readPrebuiltLexicon(dir));
  if (prebuilt) {
    rememberFoldedCharacters(prebuilt.folded);
    return createLexicon(prebuilt.entries, createLexiconSearch(prebuilt.entries), { seeAlso: prebuilt.seeAlso });
  }
  const entries = await loadEntriesCached(dir, source);
  return createLexicon(entries, createLexiconSearch(entries));
}
