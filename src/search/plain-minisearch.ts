/**
 * Plain MiniSearch, configured as its README suggests (`fuzzy: 0.2, prefix: true`, default
 * tokenizer), for the benchmark to measure our engine against. Lives here because `src/search/` is
 * the only place that imports MiniSearch; nothing but the benchmark uses it.
 */
import MiniSearch from 'minisearch';

/** A document with any number of text fields. */
export type PlainDoc = { id: string } & Record<string, string>;

/** A plain MiniSearch index over `fields`, answering with result ids, best first. */
export interface PlainMiniSearch {
  addAll(docs: readonly PlainDoc[]): void;
  /** Search with `fuzzy: 0.2, prefix: true`; the ids of the first `limit` results. */
  search(query: string, limit: number): string[];
}

/** Builds the reference index. */
export function createPlainMiniSearch(fields: readonly string[]): PlainMiniSearch {
  const index = new MiniSearch<PlainDoc>({ fields: [...fields] });
  return {
    addAll: (docs) => index.addAll(docs),
    search: (query, limit) => index.search(query, { fuzzy: 0.2, prefix: true }).slice(0, limit).map((r) => String(r.id)),
  };
}
