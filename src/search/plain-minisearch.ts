/**
 * Plain MiniSearch, for the benchmark to measure our engine against, in two set-ups: as its README
 * suggests (`fuzzy: 0.2, prefix: true`, default tokenizer), and configured for the job our name
 * index does (one edit on the name field, names boosted, the long text searched exactly). Lives
 * here because `src/search/` is the only place that imports MiniSearch; nothing but the benchmark
 * uses it.
 */
import MiniSearch from 'minisearch';

/** A document with any number of text fields. */
export type PlainDoc = { id: string } & Record<string, string>;

/** A plain MiniSearch index over `fields`, answering with result ids, best first. */
export interface PlainMiniSearch {
  addAll(docs: readonly PlainDoc[]): void;
  /** The ids of the first `limit` results. */
  search(query: string, limit: number): string[];
}

/** Builds the reference index as commonly used: every field, `fuzzy: 0.2, prefix: true`. */
export function createPlainMiniSearch(fields: readonly string[]): PlainMiniSearch {
  const index = new MiniSearch<PlainDoc>({ fields: [...fields] });
  return {
    addAll: (docs) => index.addAll(docs),
    search: (query, limit) => index.search(query, { fuzzy: 0.2, prefix: true }).slice(0, limit).map((r) => String(r.id)),
  };
}

/**
 * Builds the reference index for our job: `names` with one edit (`fuzzy: 1`) and boosted by
 * `nameBoost`, OR `text` exactly.
 */
export function createNameMiniSearch(names: string, text: string, nameBoost: number): PlainMiniSearch {
  const index = new MiniSearch<PlainDoc>({ fields: [names, text] });
  return {
    addAll: (docs) => index.addAll(docs),
    search: (query, limit) => index.search({
      combineWith: 'OR',
      queries: [
        { queries: [query], fields: [names], fuzzy: 1, boost: { [names]: nameBoost } },
        { queries: [query], fields: [text] },
      ],
    }).slice(0, limit).map((r) => String(r.id)),
  };
}
