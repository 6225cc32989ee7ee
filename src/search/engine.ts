/**
 * A glossary search engine on MiniSearch: headwords with their variants, and free text.
 *
 * It is generic (nothing here knows about the lexicon) so that the benchmark runs this very code
 * over WordNet. One MiniSearch index holds the short *name* fields (headword, aliases, headings,
 * translations, …) and the long *body* (definition, gloss). Typo tolerance is used on the name
 * fields only, and only when an exact search finds nothing: an exact hit never pays for fuzzy
 * search, and the many documents that merely mention a word in passing are never scored for typos.
 */
import MiniSearch from 'minisearch';
import type { Query, SearchOptions, SearchResult } from 'minisearch';
import { stem } from './normalize.js';
import { queryTerms, indexTerms } from './tokenize.js';

/** One glossary document: an id, its short name fields, and optional long text. */
export interface GlossaryDoc {
  id: string;
  /** Short fields by name (e.g. `{ term: 'Empathy', alias: 'empathetic' }`); several values joined by "\n". */
  names: Readonly<Record<string, string>>;
  /** Long text: definition, gloss, body. Searched exactly, never fuzzily. */
  body?: string;
}

/** How the engine weighs its fields. */
export interface GlossaryEngineOptions {
  /** Every name field with its boost, best field first, e.g. `{ term: 4, alias: 3 }`. */
  nameBoosts: Readonly<Record<string, number>>;
  /** Boost of the body relative to the name fields (default 0.5). */
  bodyBoost?: number;
}

/** The field holding a document's long text. */
const BODY = 'body';

/** How a pass matched: exactly, with typos, or by prefix (autocomplete). */
export type MatchKind = 'exact' | 'typo' | 'prefix';

/** A document a search found. */
export interface GlossaryHit {
  id: string;
  score: number;
  /** The name fields (or "body") that matched. */
  fields: string[];
  /** The index terms that matched, as stored (folded). */
  matchedTerms: string[];
  /** The query terms that found something. */
  queryTerms: string[];
  /** Which pass found it. */
  kind: MatchKind;
}

/** Most terms a query is searched with; the rest are ignored (nobody types 16 words to name a term). */
export const MAX_QUERY_TERMS = 16;

/**
 * Typo tolerance per query term: none for short terms and CJK grams, otherwise one edit (insert,
 * delete, replace) plus, separately, any swap of two neighbouring letters; together exactly "one
 * typo" (Damerau distance 1). Allowing two edits on long words tripled the typo p99 on WordNet.
 */
export function maxEdits(term: string): number {
  if (term.length < 4 || CJK.test(term)) return 0;
  return 1;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Weight of a term found only through a typo, relative to an exact one (MiniSearch's own default). */
const TYPO_WEIGHT = 0.45;

/** Passing pre-folded terms straight through MiniSearch: tokenizing happened already. */
const PRE_TOKENIZED: Pick<SearchOptions, 'tokenize' | 'processTerm'> = {
  tokenize: (text) => [text],
  processTerm: (term) => term,
};

/**
 * A glossary index: build it once with `addAll`, then `lookup` (exact, then typo-tolerant),
 * `complete` (prefix, for autocomplete) and `searchBody` (free text).
 */
export class GlossaryEngine {
  private readonly index: MiniSearch<GlossaryDoc>;
  private readonly nameBoosts: Record<string, number>;
  private readonly nameFields: string[];
  private readonly bodyBoost: number;
  /**
   * Every term of the name fields. Lets a lookup skip an exact pass that cannot match and send
   * MiniSearch only the letter swaps that exist, instead of every swap of every word.
   */
  private readonly nameTerms = new Set<string>();

  constructor(options: GlossaryEngineOptions) {
    this.nameBoosts = { ...options.nameBoosts };
    this.nameFields = Object.keys(this.nameBoosts);
    this.bodyBoost = options.bodyBoost ?? 0.5;
    this.index = new MiniSearch<GlossaryDoc>({
      fields: [...this.nameFields, BODY],
      storeFields: [],
      // Absent fields are skipped by MiniSearch rather than indexed as empty text.
      extractField: (doc, field) => (field === 'id' ? doc.id : field === BODY ? doc.body : doc.names[field]),
      tokenize: (text, field) => {
        const terms = indexTerms(text);
        if (field !== BODY) for (const term of terms) this.nameTerms.add(term);
        return terms;
      },
      processTerm: (term) => term,
    });
  }

  /** Indexes documents. Ids must be unique. */
  addAll(docs: Iterable<GlossaryDoc>): void {
    for (const doc of docs) this.index.add(doc);
  }

  /** Number of documents indexed. */
  get documentCount(): number {
    return this.index.documentCount;
  }

  /**
   * Finds documents whose name fields hold every query term: exactly if any do, otherwise with
   * one typo per term (see `maxEdits`). `limit` caps the hits returned.
   */
  lookup(query: string | readonly string[], limit = Number.POSITIVE_INFINITY): GlossaryHit[] {
    const terms = toTerms(query);
    if (terms.length === 0) return [];
    // Every term must be in the names for an exact AND to find anything.
    const exact = terms.every((term) => this.nameTerms.has(term)) ? this.searchNames(terms, 'exact', 'AND', 0, limit) : [];
    return exact.length > 0 ? exact : this.searchNames(terms, 'typo', 'AND', 0, limit);
  }

  /**
   * Searches the name fields in one mode. `combineWith` "AND" wants every term, "OR" any.
   * `extraEdits` loosens typo tolerance for "did you mean" suggestions; `limit` caps the hits returned.
   */
  searchNames(
    query: string | readonly string[],
    kind: MatchKind,
    combineWith: 'AND' | 'OR',
    extraEdits = 0,
    limit = Number.POSITIVE_INFINITY,
  ): GlossaryHit[] {
    const terms = toTerms(query);
    if (terms.length === 0) return [];
    const last = terms.length - 1;
    const queries: Query[] = terms.map((term, i) => {
      if (kind === 'prefix' && i === last) return { queries: [term], prefix: true };
      if (kind === 'typo') return this.typoQuery(term, extraEdits);
      return term;
    });
    let results = this.run(queries, combineWith);
    if (kind === 'typo' && results.length === 0 && terms.some(mayHaveLostAnS)) {
      // The stemmer may have taken a typo's last "s" for a plural ("stillnes" → "stillne"): try it back on.
      results = this.run(terms.map((term) => (mayHaveLostAnS(term)
        ? { queries: [this.typoQuery(term, extraEdits), this.typoQuery(`${term}s`, extraEdits)], combineWith: 'OR' }
        : this.typoQuery(term, extraEdits))), combineWith);
    }
    const asked = new Set(terms);
    return results.slice(0, limit).map((result) => toHit(result, kind, asked));
  }

  /** One term with typos allowed: fuzzy (bounded edits) OR a swap of two neighbouring letters that is a name term. */
  private typoQuery(term: string, extraEdits: number): Query {
    const edits = maxEdits(term) + (maxEdits(term) > 0 ? extraEdits : 0);
    if (edits === 0 && (term.length < 3 || CJK.test(term))) return term;
    const fuzzy: Query = edits > 0 ? { queries: [term], fuzzy: edits, maxFuzzy: edits } : term;
    const swaps = transpositions(term).filter((swap) => this.nameTerms.has(swap));
    if (swaps.length === 0) return fuzzy;
    return { queries: [fuzzy, { queries: swaps, boostTerm: () => TYPO_WEIGHT }], combineWith: 'OR' };
  }

  /** Runs a query tree of pre-folded terms over the name fields. */
  private run(queries: Query[], combineWith: 'AND' | 'OR'): SearchResult[] {
    return this.index.search(
      { queries, combineWith },
      { ...PRE_TOKENIZED, boost: this.nameBoosts, fields: this.nameFields },
    );
  }

  /** Autocomplete: every term, the last one as a prefix; falls back to typo tolerance. */
  complete(query: string | readonly string[]): GlossaryHit[] {
    const terms = toTerms(query);
    if (terms.length === 0) return [];
    const prefixed = this.searchNames(terms, 'prefix', 'AND');
    return prefixed.length > 0 ? prefixed : this.searchNames(terms, 'typo', 'AND');
  }

  /** Exact search of the body text; "OR" ranks documents holding more of the terms higher. */
  searchBody(query: string | readonly string[], combineWith: 'AND' | 'OR'): GlossaryHit[] {
    const terms = toTerms(query);
    if (terms.length === 0) return [];
    const results = this.index.search(
      { queries: terms, combineWith },
      { ...PRE_TOKENIZED, boost: { [BODY]: this.bodyBoost }, fields: [BODY] },
    );
    return results.map((result) => toHit(result, 'exact', new Set(terms)));
  }
}

function toTerms(query: string | readonly string[]): string[] {
  const terms = typeof query === 'string' ? queryTerms(query) : [...query];
  return terms.slice(0, MAX_QUERY_TERMS);
}

/** Whether the plural stemmer would have produced `term` from `term + "s"`. */
function mayHaveLostAnS(term: string): boolean {
  return term.length >= 3 && !CJK.test(term) && stem(`${term}s`) === term;
}

/** Every word made by swapping two neighbouring letters ("trsut" → "rtsut", "tsrut", "truts", "trust", …). */
export function transpositions(term: string): string[] {
  const swaps = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    swaps.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return [...swaps];
}

/** A MiniSearch result as a hit; a typo pass that only matched asked terms counts as exact. */
function toHit(result: SearchResult, kind: MatchKind, asked: ReadonlySet<string>): GlossaryHit {
  const fields = new Set<string>();
  for (const matched of Object.values(result.match)) for (const field of matched) fields.add(field);
  const matchedTerms = Object.keys(result.match);
  const exactly = matchedTerms.every((term) => asked.has(term));
  return {
    id: String(result.id),
    score: result.score,
    fields: [...fields],
    matchedTerms,
    queryTerms: result.terms,
    kind: kind === 'typo' && exactly ? 'exact' : kind,
  };
}
