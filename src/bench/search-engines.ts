/**
 * The engines the search benchmark compares on WordNet, each behind one small interface: ours,
 * its MiniSearch-based predecessor, MiniSearch (for our job, and as commonly used), FlexSearch,
 * Orama and Lunr. Every engine indexes a synset's words and its gloss and answers with up to 10
 * synset ids, best first.
 */
import { create, insert, search as oramaSearch } from '@orama/orama';
import FlexSearch from 'flexsearch';
import lunr from 'lunr';
import { GlossaryEngine } from '../search/engine.js';
import type { GlossaryDoc } from '../search/engine.js';
import { MiniSearchGlossary } from '../search/minisearch-glossary.js';
import { createNameMiniSearch, createPlainMiniSearch } from '../search/plain-minisearch.js';
import type { Synset } from './wordnet.js';

/** Results per query: one page. */
export const PAGE = 10;

/** One engine under test. `typo` may search differently (Lunr wants `term~1`); the others search alike. */
export interface WordNetEngine {
  build(synsets: readonly Synset[]): void;
  exact(query: string): string[];
  typo(query: string): string[];
}

/** How ours and its predecessor index a synset: its words are the name field, its gloss the body. */
function glossaryDocs(synsets: readonly Synset[]): GlossaryDoc[] {
  return synsets.map((s) => ({ id: s.id, names: { words: s.words.join('\n') }, body: s.gloss }));
}

/**
 * Ours, answering as the peers search (a query in, a page of ids out): names (exact, else one
 * typo), then glosses to fill the page, in one call that tokenizes the query once.
 */
function ours(): WordNetEngine {
  const engine = new GlossaryEngine({ nameBoosts: { words: 1 }, wholeNameBoost: 2 });
  const search = (query: string): string[] => engine.searchIds(query, PAGE);
  return { build: (synsets) => engine.addAll(glossaryDocs(synsets)), exact: search, typo: search };
}

/** Its predecessor, the same job through `lookup` and `searchBody`. */
function glossary(engine: MiniSearchGlossary): WordNetEngine {
  const search = (query: string): string[] => {
    const ids = engine.lookup(query, PAGE).map((hit) => hit.id);
    if (ids.length >= PAGE) return ids;
    for (const hit of engine.searchBody(query, 'OR')) {
      if (ids.length >= PAGE) break;
      if (!ids.includes(hit.id)) ids.push(hit.id);
    }
    return ids;
  };
  return {
    build: (synsets) => engine.addAll(glossaryDocs(synsets)),
    exact: search,
    typo: search,
  };
}

function miniSearch(index: ReturnType<typeof createPlainMiniSearch>): WordNetEngine {
  const search = (query: string): string[] => index.search(query, PAGE);
  return {
    build: (synsets) => index.addAll(synsets.map((s) => ({ id: s.id, words: s.words.join(' '), gloss: s.gloss }))),
    exact: search,
    typo: search,
  };
}

interface FlexDoc {
  id: string;
  words: string;
  gloss: string;
  [key: string]: string;
}

/** FlexSearch's Document index: words with its "tolerant" tokenizer, glosses strict; fields' results merged. */
function flexSearch(): WordNetEngine {
  const index = new FlexSearch.Document<FlexDoc>({
    document: { id: 'id', index: [{ field: 'words', tokenize: 'tolerant' }, { field: 'gloss', tokenize: 'strict' }] },
  });
  const search = (query: string): string[] => index.search(query, { limit: PAGE, merge: true }).slice(0, PAGE).map((r) => String(r.id));
  return {
    build: (synsets) => {
      for (const s of synsets) index.add({ id: s.id, words: s.words.join(' '), gloss: s.gloss });
    },
    exact: search,
    typo: search,
  };
}

/** Orama: tolerance 1 (one edit), words boosted ×3. */
function orama(): WordNetEngine {
  const db = create({ schema: { words: 'string', gloss: 'string' } as const });
  const search = (query: string): string[] => {
    const results = oramaSearch(db, { term: query, properties: ['words', 'gloss'], tolerance: 1, boost: { words: 3 }, limit: PAGE });
    if (results instanceof Promise) throw new Error('Orama answered asynchronously');
    return results.hits.map((hit) => hit.id);
  };
  return {
    build: (synsets) => {
      for (const s of synsets) {
        if (insert(db, { id: s.id, words: s.words.join(' '), gloss: s.gloss }) instanceof Promise) throw new Error('Orama inserted asynchronously');
      }
    },
    exact: search,
    typo: search,
  };
}

/** Lunr: words boosted ×3; the typo query allows one edit on words (`term~1`), glosses exact. */
function lunrEngine(): WordNetEngine {
  let index: lunr.Index | undefined;
  const search = (query: string): string[] => (index ? index.search(query).slice(0, PAGE).map((r) => r.ref) : []);
  return {
    build: (synsets) => {
      index = lunr(function build() {
        this.ref('id');
        this.field('words');
        this.field('gloss');
        for (const s of synsets) this.add({ id: s.id, words: s.words.join(' '), gloss: s.gloss });
      });
    },
    exact: (query) => search(`words:${query}^3 gloss:${query}`),
    typo: (query) => search(`words:${query}~1^3 gloss:${query}`),
  };
}

/** Every engine by its command-line name, with the label the tables print. */
export const ENGINES = {
  ours: { label: 'ours (GlossaryEngine)', create: ours },
  before: { label: 'ours before (on MiniSearch)', create: () => glossary(new MiniSearchGlossary({ nameBoosts: { words: 1 } })) },
  minisearchJob: { label: 'MiniSearch 7.2, fuzzy 1 on words x3, gloss exact', create: () => miniSearch(createNameMiniSearch('words', 'gloss', 3)) },
  minisearch: { label: 'MiniSearch 7.2, fuzzy 0.2 + prefix', create: () => miniSearch(createPlainMiniSearch(['words', 'gloss'])) },
  flexsearch: { label: 'FlexSearch 0.8.212, tolerant', create: flexSearch },
  orama: { label: 'Orama 3.1.18, tolerance 1', create: orama },
  lunr: { label: 'Lunr 2.3.9, term~1', create: lunrEngine },
} as const satisfies Record<string, { label: string; create: () => WordNetEngine }>;

export type EngineName = keyof typeof ENGINES;

/** The engines that are not ours (the peers). */
export const PEERS: readonly EngineName[] = ['minisearchJob', 'minisearch', 'flexsearch', 'orama', 'lunr'];
