/**
 * Passage search: every paragraph of the lexicon indexed on its own, answered with verbatim
 * excerpts and the matched words marked.
 */
import type { Entry } from '../core/entry.js';
import { MiniSearchGlossary } from './minisearch-glossary.js';
import type { GlossaryHit } from './engine.js';
import { excerptAround, findHits } from './excerpt.js';
import { boundedTerms } from './resolve.js';
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
   * The best passages: paragraphs holding every term first (those holding the whole phrase before
   * the others), then those holding some; with typos only when no paragraph holds any term as typed.
   * `requireAll` keeps only paragraphs holding every term.
   */
  search(query: string, limit: number, requireAll = false): PassageMatch[] {
    const terms = boundedTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const hits = this.withPhraseFirst(query, terms, this.engine.searchNames(terms, 'exact', 'AND'));
    if (requireAll) {
      const found = hits.length > 0 ? hits : this.engine.searchNames(terms, 'typo', 'AND');
      return found.slice(0, limit).flatMap((hit) => this.toPassage(hit, terms.length));
    }
    if (hits.length < limit) {
      const seen = new Set(hits.map((hit) => hit.id));
      hits.push(...this.engine.searchNames(terms, 'exact', 'OR').filter((hit) => !seen.has(hit.id)));
    }
    const found = hits.length > 0 ? hits : this.engine.searchNames(terms, 'typo', 'OR');
    return found.slice(0, limit).flatMap((hit) => this.toPassage(hit, terms.length));
  }

  /** Hits whose text holds the query as typed (a phrase of several words) moved first, order kept otherwise. */
  private withPhraseFirst(query: string, terms: readonly string[], hits: GlossaryHit[]): GlossaryHit[] {
    if (terms.length < 2) return hits;
    const phrase = query.trim().toLowerCase().replace(/\s+/g, ' ');
    const holds = (hit: GlossaryHit) => this.paragraphs.get(hit.id)?.text.toLowerCase().replace(/\s+/g, ' ').includes(phrase) ?? false;
    return [...hits.filter(holds), ...hits.filter((hit) => !holds(hit))];
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
    const excerpt = excerptAround(paragraph.text, findHits(paragraph.text, new Set(hit.matchedTerms)));
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
