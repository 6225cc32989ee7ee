/**
 * The loaded lexicon: entries in document order, the search over them, and the indexes derived
 * from them. Whatever creates a lexicon (`createLexicon`) builds its indexes, once; nothing keeps
 * a module-level cache keyed by lexicon.
 */
import type { Entry } from './entry.js';
import type { SuggestionView } from './reply.js';
import type { TranslationCatalog } from './translations.js';
import type { LexiconSearch } from '../search/types.js';

export interface Lexicon {
  /** Entries in document order. */
  readonly entries: readonly Entry[];
  /** The entry with this id, if any. */
  entry(id: string): Entry | undefined;
  readonly search: LexiconSearch;
  /** Every rendering the document records, by concept. */
  readonly translations: TranslationCatalog;
  /** The highest footnote number of the document (footnotes are numbered 1 to this). */
  readonly footnoteCount: number;
  /** The entry that holds footnote `number`, if any. */
  entryOfFootnote(number: number): Entry | undefined;
  /** The entries an entry refers to ("See also"), most referred to first; computed on first request. */
  seeAlso(entryId: string): SuggestionView[];
}
