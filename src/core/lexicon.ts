/**
 * The loaded lexicon: entries in document order and the search over them.
 */
import type { Entry } from './entry.js';
import type { LexiconSearch } from '../search/types.js';

export interface Lexicon {
  /** Entries in document order. */
  readonly entries: readonly Entry[];
  /** The entry with this id, if any. */
  entry(id: string): Entry | undefined;
  readonly search: LexiconSearch;
}
