/**
 * What the rest of the bot may ask of search. Only `src/search/` imports MiniSearch.
 */

/** Which field of an entry a term query matched on, best first. */
export type MatchField = 'id' | 'term' | 'alias' | 'section' | 'translation' | 'glossary' | 'author' | 'title' | 'body';

/** An entry, or a section of one, that a term query resolves to. */
export interface TermMatch {
  entryId: string;
  /** Set when the query names a section of the entry (e.g. "confidence" → empathy/confidence). */
  sectionId?: string;
  /** Set when the query names a term of the document's own glossary: its index in the entry's `glossary`. */
  glossaryIndex?: number;
  /** The glossary term, when `glossaryIndex` is set. */
  glossaryTerm?: string;
  /** Display label, e.g. "Empathy › Confidence" (at most 100 characters). */
  label: string;
  score: number;
  /** True when the query matched a term, alias, section heading or translation exactly (after folding). */
  exact: boolean;
  matchedOn: MatchField;
}

/** The outcome of resolving what the user typed as a term. */
export interface TermResolution {
  /**
   * The best matches. One element: unambiguous. Several: they match equally well, list them.
   * Empty: nothing matched well; see `suggestions`.
   */
  matches: TermMatch[];
  /** "Did you mean" candidates, best first, when `matches` is empty (or for ambiguity). */
  suggestions: TermMatch[];
}

/** A paragraph that matched a free-text query. */
export interface PassageMatch {
  entryId: string;
  sectionId: string;
  paragraphIndex: number;
  /** A verbatim excerpt of the paragraph around the hits (ellipses "…" mark cuts). */
  excerpt: string;
  /** [start, end) ranges of `excerpt` that matched. */
  highlights: [number, number][];
  score: number;
  /** The share of the query's terms the passage holds (1: all of them). */
  coverage: number;
  /** Set when the passage is a footnote: its number (`sectionId` is then "footnotes", `paragraphIndex` the number). */
  footnote?: number;
}

export interface LexiconSearch {
  /** Resolve a term, alias, acronym, section name, translation or romanization (typos allowed). */
  resolveTerm(query: string): TermResolution;
  /** Autocomplete: up to `limit` entries or sections for a partial query, best first. */
  suggest(query: string, limit: number): TermMatch[];
  /**
   * Best passages across all entries for a free-text query: paragraphs and footnotes, those holding
   * the whole phrase first. With `requireAll`, only passages holding every term (no typos, no partial hits).
   */
  passages(query: string, limit: number, requireAll?: boolean): PassageMatch[];
  /** Best footnotes for a query naming a scholar or a work (typos allowed when nothing matches exactly). */
  footnotes(query: string, limit: number): PassageMatch[];
  /** Every lexicon term (headword, alias, section heading) mentioned in a text, in order of appearance. */
  termsInText(text: string): TermMatch[];
}
