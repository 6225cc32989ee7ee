/**
 * Resolving what a user typed as a term, and autocomplete: glossary hits turned into `TermMatch`es,
 * ranked by how good the evidence is (whole phrase, then field, then score).
 */
import type { GlossaryEngine, GlossaryHit } from './engine.js';
import type { LexiconDocInfo, LexiconNameField } from './lexicon-docs.js';
import { FIELD_RANK, LEXICON_NAME_BOOSTS, phraseKey } from './lexicon-docs.js';
import type { MatchField, TermMatch, TermResolution } from './types.js';
import { queryTerms } from './tokenize.js';
import { MAX_QUERY_TERMS } from './engine.js';

/** Longest query read, in characters; the rest of a pasted essay says nothing about the term. */
export const MAX_QUERY_CHARS = 300;

/** Most words a query may have for its words to be searched with typos (a longer one is a sentence). */
export const MAX_TYPO_TERMS = 4;

/** How many "did you mean" candidates to offer. */
const MAX_SUGGESTIONS = 5;

/** Within the best kind of evidence, a hit this close to the best score is "equally good". */
const EQUAL_SCORE_RATIO = 0.8;

/** The folded terms of a query, bounded in length. */
export function boundedTerms(query: string): string[] {
  return queryTerms(query.slice(0, MAX_QUERY_CHARS)).slice(0, MAX_QUERY_TERMS);
}

/** Fields whose whole-phrase match counts as `exact` (an author's name or a title does not). */
const EXACT_FIELDS: ReadonlySet<MatchField> = new Set<MatchField>(['term', 'alias', 'section', 'translation', 'glossary']);

/** A ranked match with what it was ranked by. */
interface Ranked extends TermMatch {
  rank: number;
}

/** Resolves a term query over the lexicon's glossary index. */
export class TermResolver {
  /**
   * @param engine the name index of entries and sections
   * @param info what each indexed document stands for
   * @param bodyHits entries whose text mentions any of the terms (the last resort of "did you mean")
   */
  constructor(
    private readonly engine: GlossaryEngine,
    private readonly info: ReadonlyMap<string, LexiconDocInfo>,
    private readonly bodyHits: (terms: readonly string[]) => GlossaryHit[],
  ) {}

  /** See `LexiconSearch.resolveTerm`. */
  resolve(query: string): TermResolution {
    const direct = this.byAddress(query);
    if (direct) return { matches: [direct], suggestions: [] };
    const terms = boundedTerms(query);
    if (terms.length === 0) return { matches: [], suggestions: [] };
    const key = terms.join('');

    // Exact first; typos only when nothing matched exactly, so an exact hit never pays for fuzzy search.
    let hits = this.engine.searchNames(terms, 'exact', 'AND');
    if (hits.length === 0) hits = this.engine.searchNames(terms, 'typo', 'AND');
    const ranked = this.rank(hits, key);
    const best = ranked[0];
    if (best) {
      const matches = ranked.filter((m) => m.rank === best.rank && m.exact === best.exact
        && m.score >= best.score * EQUAL_SCORE_RATIO);
      return { matches: matches.map(strip), suggestions: [] };
    }
    return { matches: [], suggestions: this.didYouMean(terms, key) };
  }

  /** See `LexiconSearch.suggest`. */
  suggest(query: string, limit: number): TermMatch[] {
    const terms = boundedTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    let hits = this.engine.complete(terms);
    if (hits.length === 0) hits = this.engine.searchNames(terms, 'typo', 'OR');
    return this.rank(hits, terms.join('')).slice(0, limit).map(strip);
  }

  /** Candidates when nothing matches every term: any term, looser typos, then the body text. */
  private didYouMean(terms: readonly string[], key: string): TermMatch[] {
    // A sentence of many words is a question, not a misspelt name: its words are not searched
    // with typos (the costliest pass, and it only finds noise for a sentence).
    const typos = terms.length <= MAX_TYPO_TERMS;
    const passes: (() => GlossaryHit[])[] = [
      () => this.engine.searchNames(terms, 'exact', 'OR'),
      ...(typos ? [() => this.engine.searchNames(terms, 'typo', 'OR'), () => this.engine.searchNames(terms, 'typo', 'OR', 1)] : []),
      () => this.bodyHits(terms),
    ];
    for (const pass of passes) {
      const ranked = this.rank(pass(), key);
      if (ranked.length > 0) return ranked.slice(0, MAX_SUGGESTIONS).map(strip);
    }
    return [];
  }

  /** An entry id ("trust") or a section address ("empathy/confidence", "empathy#confidence") typed as is. */
  private byAddress(query: string): TermMatch | undefined {
    const address = query.trim().toLowerCase().replace('/', '#');
    if (address.length === 0 || address.length > 200) return undefined;
    const doc = this.info.get(address);
    if (!doc) return undefined;
    // "trust" is an id and a headword: report the headword, the better-known reason.
    const key = phraseKey(query);
    const named = doc.phrases.find((p) => p.key === key);
    return toMatch(doc, 1, true, named ? named.field : doc.glossaryIndex !== undefined ? 'glossary' : doc.sectionId === undefined ? 'id' : 'section');
  }

  /** Ranks hits: whole-phrase matches first, then by field (headword > alias > heading > …), then score. */
  private rank(hits: readonly GlossaryHit[], key: string): Ranked[] {
    const ranked: Ranked[] = [];
    for (const hit of hits) {
      const doc = this.info.get(hit.id);
      if (!doc) continue;
      const whole = doc.phrases.find((p) => p.key === key && isNameField(p.field));
      const matchedOn = whole ? whole.field : bestField(hit.fields);
      const exact = whole !== undefined && hit.kind === 'exact' && EXACT_FIELDS.has(whole.field);
      ranked.push({ ...toMatch(doc, hit.score, exact, matchedOn), rank: FIELD_RANK[matchedOn] - (whole ? 10 : 0) });
    }
    return ranked.sort((a, b) => Number(b.exact) - Number(a.exact) || a.rank - b.rank || b.score - a.score);
  }
}

function isNameField(field: string): field is LexiconNameField {
  return Object.hasOwn(LEXICON_NAME_BOOSTS, field);
}

function bestField(fields: readonly string[]): MatchField {
  let best: MatchField = 'body';
  for (const field of fields) {
    if (isNameField(field) && FIELD_RANK[field] < FIELD_RANK[best]) best = field;
  }
  return best;
}

function toMatch(doc: LexiconDocInfo, score: number, exact: boolean, matchedOn: MatchField): TermMatch {
  const match: TermMatch = { entryId: doc.entryId, label: doc.label, score, exact, matchedOn };
  if (doc.sectionId !== undefined) match.sectionId = doc.sectionId;
  if (doc.glossaryIndex !== undefined) match.glossaryIndex = doc.glossaryIndex;
  if (doc.glossary) match.glossaryTerm = doc.glossary.term;
  return match;
}

function strip({ rank: _rank, ...match }: Ranked): TermMatch {
  return match;
}

