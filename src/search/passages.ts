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
    }
    this.engine.addAll([...this.paragraphs].map(([id, { text }]) => ({ id, names: { text } })));
  }

  /**
   * The best passages: paragraphs holding every term first, then those holding some; with typos
   * only when no paragraph holds any term as typed.
   */
  search(query: string, limit: number): PassageMatch[] {
    const terms = boundedTerms(query);
    if (terms.length === 0 || limit <= 0) return [];
    const hits = this.engine.searchNames(terms, 'exact', 'AND');
    if (hits.length < limit) {
      const seen = new Set(hits.map((hit) => hit.id));
      hits.push(...this.engine.searchNames(terms, 'exact', 'OR').filter((hit) => !seen.has(hit.id)));
    }
    const found = hits.length > 0 ? hits : this.engine.searchNames(terms, 'typo', 'OR');
    return found.slice(0, limit).flatMap((hit) => this.toPassage(hit));
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

  private toPassage(hit: GlossaryHit): PassageMatch[] {
    const paragraph = this.paragraphs.get(hit.id);
    if (!paragraph) return [];
    const excerpt = excerptAround(paragraph.text, findHits(paragraph.text, new Set(hit.matchedTerms)));
    return [{
      entryId: paragraph.entryId,
      sectionId: paragraph.sectionId,
      paragraphIndex: paragraph.paragraphIndex,
      excerpt: excerpt.text,
      highlights: excerpt.highlights,
      score: hit.score,
    }];
  }
}
