/**
 * Passage search: every paragraph of the lexicon indexed on its own, answered with verbatim
 * excerpts and the matched words marked.
 */
import type { Entry } from '../core/entry.js';
import { MiniSearchGlossary } from './minisearch-glossary.js';
import type { GlossaryHit } from './engine.js';
import { excerptCovering, findTermHits } from './excerpt.js';
import { tokenize, type Token } from './tokenize.js';
import { boundedTerms, MAX_TYPO_TERMS } from './resolve.js';
import type { PassageMatch } from './types.js';

interface Paragraph {
  entryId: string;
  sectionId: string;
  paragraphIndex: number;
  text: string;
  /** Set for a footnote: its number (sectionId is then "footnotes"). */
  footnote?: number;
}

/** The section id under which an entry's footnotes are searched. */
export const FOOTNOTES_SECTION = 'footnotes';

/**
 * Text as indexed: names the conversion ran together in footnotes ("ArendLijphart",
 * "MatthijsBogaards") are indexed as printed and split, so "Lijphart" finds them; excerpts stay verbatim.
 */
export function indexedText(text: string): string {
  const joined = text.match(/\b\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+\b/gu) ?? [];
  const split = joined.filter((name) => !/^Mc|^Mac/.test(name)).map((name) => name.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2'));
  return split.length > 0 ? `${text}\n${split.join(' ')}` : text;
}

/** Full-text search over the paragraphs of the lexicon. */
export class PassageIndex {
  private readonly engine = new MiniSearchGlossary({ nameBoosts: { text: 1 } });
  private readonly paragraphs = new Map<string, Paragraph>();
  private readonly tokens = new Map<string, Token[]>();
  private readonly lowered = new Map<string, string>();

  constructor(entries: readonly Entry[]) {
    for (const entry of entries) {
      for (const section of entry.sections) {
        section.paragraphs.forEach((text, paragraphIndex) => {
          const id = `${entry.id}#${section.id}#${paragraphIndex}`;
          this.paragraphs.set(id, { entryId: entry.id, sectionId: section.id, paragraphIndex, text });
        });
      }
      // Footnotes are searched too: a scholar or work cited only there is found (with the passage citing it).
      for (const footnote of entry.footnotes) {
        const id = `${entry.id}#${FOOTNOTES_SECTION}#${footnote.number}`;
        this.paragraphs.set(id, { entryId: entry.id, sectionId: FOOTNOTES_SECTION, paragraphIndex: footnote.number, text: footnote.text, footnote: footnote.number });
      }
    }
    this.engine.addAll([...this.paragraphs].map(([id, { text }]) => ({ id, names: { text: indexedText(text) } })));
  }

  /**
   * The best passages: paragraphs holding the whole phrase first, then those holding every term,
   * then those holding the query's rarest term (the fewest paragraphs hold it: it says most about
   * what is sought), then the rest; by score within each. Typos only when no paragraph holds any
   * term as typed, and for a query of at most `MAX_TYPO_TERMS` words (a longer one is a sentence).
   * `requireAll` keeps only paragraphs holding every term.
   */
  search(query: string, limit: number, requireAll = false): PassageMatch[] {
    const terms = boundedTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    if (requireAll) {
      const all = this.engine.searchNames(terms, 'exact', 'AND');
      const found = all.length > 0 ? this.ranked(query, terms, all) : terms.length <= MAX_TYPO_TERMS ? this.engine.searchNames(terms, 'typo', 'AND') : [];
      return found.slice(0, limit).flatMap((hit) => this.toPassage(hit, terms.length));
    }
    const any = this.engine.searchNames(terms, 'exact', 'OR');
    const found = any.length > 0 ? this.ranked(query, terms, any) : terms.length <= MAX_TYPO_TERMS ? this.engine.searchNames(terms, 'typo', 'OR') : [];
    return found.slice(0, limit).flatMap((hit) => this.toPassage(hit, terms.length));
  }

  /** Hits in tiers (whole phrase, every term, the rarest term, the rest), score order kept within a tier. */
  private ranked(query: string, terms: readonly string[], hits: readonly GlossaryHit[]): GlossaryHit[] {
    if (terms.length < 2) return [...hits];
    // How many paragraphs hold each term, among those holding any: the rarest is held by the fewest.
    const held = new Map<string, number>();
    for (const hit of hits) for (const term of new Set(hit.queryTerms)) held.set(term, (held.get(term) ?? 0) + 1);
    let rarest: string | undefined;
    for (const term of terms) {
      const count = held.get(term);
      if (count !== undefined && (rarest === undefined || count < held.get(rarest)!)) rarest = term;
    }
    const phrase = normalizedPhrase(query);
    const tier = (hit: GlossaryHit): number => {
      const holdsAll = terms.every((term) => hit.queryTerms.includes(term));
      if (holdsAll) return this.lowerText(hit.id).includes(phrase) ? 0 : 1;
      return rarest !== undefined && hit.queryTerms.includes(rarest) ? 2 : 3;
    };
    return hits.map((hit, order) => ({ hit, order, tier: tier(hit) })).sort((a, b) => a.tier - b.tier || a.order - b.order).map(({ hit }) => hit);
  }

  /** A paragraph's text folded for phrase matching (lower case, single spaces), computed once. */
  private lowerText(id: string): string {
    let lower = this.lowered.get(id);
    if (lower === undefined) {
      lower = normalizedPhrase(this.paragraphs.get(id)?.text ?? '');
      this.lowered.set(id, lower);
    }
    return lower;
  }

  /** A paragraph's tokens, computed once (excerpts are cut from them on every search that finds it). */
  private tokensOf(id: string, text: string): Token[] {
    let tokens = this.tokens.get(id);
    if (!tokens) {
      tokens = tokenize(text);
      this.tokens.set(id, tokens);
    }
    return tokens;
  }

  /** The best footnotes for a query (an author, a work): exact first, typos only when none holds a term. */
  footnotes(query: string, limit: number): PassageMatch[] {
    const terms = boundedTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const isFootnote = (hit: GlossaryHit) => this.paragraphs.get(hit.id)?.footnote !== undefined;
    let hits = this.engine.searchNames(terms, 'exact', 'AND').filter(isFootnote);
    if (hits.length === 0) hits = this.engine.searchNames(terms, 'typo', 'AND').filter(isFootnote);
    return hits.slice(0, limit).flatMap((hit) => this.toPassage(hit));
  }


  /**
   * Entries whose text holds any of `terms` exactly, best first, each once (scored by its best
   * paragraph): the last resort of "did you mean".
   */
  entriesMentioning(terms: readonly string[]): GlossaryHit[] {
    const byEntry = new Map<string, GlossaryHit>();
    for (const hit of this.engine.searchNames(terms, 'exact', 'OR')) {
      const entryId = this.paragraphs.get(hit.id)?.entryId;
      if (entryId !== undefined && !byEntry.has(entryId)) byEntry.set(entryId, { ...hit, id: entryId, fields: ['body'] });
    }
    return [...byEntry.values()];
  }

  private toPassage(hit: GlossaryHit, queryTermCount = 0): PassageMatch[] {
    const paragraph = this.paragraphs.get(hit.id);
    if (!paragraph) return [];
    const excerpt = excerptCovering(paragraph.text, findTermHits(paragraph.text, new Set(hit.matchedTerms), this.tokensOf(hit.id, paragraph.text)));
    const match: PassageMatch = {
      entryId: paragraph.entryId,
      sectionId: paragraph.sectionId,
      paragraphIndex: paragraph.paragraphIndex,
      excerpt: excerpt.text,
      highlights: excerpt.highlights,
      score: hit.score,
      coverage: queryTermCount > 0 ? Math.min(1, new Set(hit.queryTerms).size / queryTermCount) : 1,
    };
    if (paragraph.footnote !== undefined) match.footnote = paragraph.footnote;
    return [match];
  }
}

/** Lower case, whitespace runs as one space, trimmed: how a phrase is looked for in a paragraph. */
function normalizedPhrase(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
