/**
 * A glossary search engine on MiniSearch, with the same interface as `GlossaryEngine`: the engine
 * of passage search (long paragraphs, where MiniSearch's index is the right tool), and the name
 * index's previous engine, which the benchmark keeps measuring beside the new one. One MiniSearch index holds the short *name* fields (headword, aliases, headings,
 * translations, …) and the long *body* (definition, gloss). Typo tolerance is used on the name
 * fields only, and only when an exact search finds nothing: an exact hit never pays for fuzzy
 * search, and the many documents that merely mention a word in passing are never scored for typos.
 */
import MiniSearch from 'minisearch';
import type { Query, SearchOptions, SearchResult } from 'minisearch';
import { indexTerms } from './tokenize.js';
import { exactThenTypo, mayHaveLostAnS, maxEdits, toTerms, transpositions, TYPO_WEIGHT } from './engine.js';
import type { GlossaryDoc, GlossaryEngineOptions, GlossaryHit, MatchKind } from './engine.js';

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The field holding a document's long text. */
const BODY = 'body';

/** Passing pre-folded terms straight through MiniSearch: tokenizing happened already. */
const PRE_TOKENIZED: Pick<SearchOptions, 'tokenize' | 'processTerm'> = {
  tokenize: (text) => [text],
  processTerm: (term) => term,
};

/**
 * A glossary index: build it once with `addAll`, then `lookup` (exact, then typo-tolerant),
 * `complete` (prefix, for autocomplete) and `searchBody` (free text).
 */
export class MiniSearchGlossary {
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
    return exactThenTypo(terms, (term) => this.nameTerms.has(term), (kind) => this.searchNames(terms, kind, 'AND', 0, limit));
  }

  /**
   * One MiniSearch query over this index's name fields: each term exact, the last one as a prefix
   * (`prefix`), or each with MiniSearch's bounded fuzzy matching plus neighbouring-letter swaps that
   * are name terms (`typo`, retried with a lost plural "s" put back). This is what the passage index
   * searches paragraphs and footnotes with, and what the search bench's "before" row measures as
   * the previous name engine (`GlossaryEngine` in engine.ts replaced it for names). `combineWith`
   * "AND" wants every term, "OR" any; `extraEdits` loosens typo tolerance; `limit` caps the hits.
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
