/**
 * Passages found in the text, as a reply shows them: verbatim excerpts with the matched words
 * marked, each naming its entry and author. A footnote found (a scholar or work cited only there)
 * names its number and quotes the passage that carries its marker.
 */
import type { Lexicon } from './lexicon.js';
import type { Block, Citation, Highlight, SearchResultView } from './reply.js';
import type { PassageMatch } from '../search/types.js';
import { citationOf } from './entry-views.js';
import { renderText, renderedMarkers } from './render-text.js';
import { excerptOf } from './excerpt-of.js';
import { createTranslator, type Translator } from '../i18n/translator.js';

/** Results, where each footnote found is cited in the text, and the citations their excerpts carry. */
export interface PassageViews {
  results: SearchResultView[];
  /** For each footnote found: the passage that carries its marker (our note, then the authors' words). */
  carriers: Block[];
  citations: Citation[];
}

/** Where a footnote's marker sits: the first paragraph of the entry that carries it. */
export function carrierOf(lexicon: Lexicon, entryId: string, footnote: number): { sectionId: string; heading: string | null; paragraph: string } | undefined {
  const entry = lexicon.entry(entryId);
  const marker = `[^${footnote}]`;
  for (const section of entry?.sections ?? []) {
    const paragraph = section.paragraphs.find((text) => text.includes(marker));
    if (paragraph !== undefined) return { sectionId: section.id, heading: section.heading, paragraph };
  }
  return undefined;
}

/** The reply pieces for passages found by search. */
export function passageViews(lexicon: Lexicon, passages: readonly PassageMatch[], tr: Translator = createTranslator()): PassageViews {
  const results: SearchResultView[] = [];
  const carriers: Block[] = [];
  const citations = new Map<string, Citation>();
  const cite = (entryId: string, number: number) => {
    const entry = lexicon.entry(entryId);
    const citation = entry ? citationOf(entry, number) : undefined;
    if (citation) citations.set(`${entryId}:${number}`, citation);
  };
  for (const passage of passages) {
    const entry = lexicon.entry(passage.entryId);
    if (!entry) continue;
    const rendered = renderText(passage.excerpt);
    const highlights = passage.highlights
      .map(([start, end]): Highlight => [rendered.offsets[start] ?? 0, rendered.offsets[end] ?? rendered.text.length])
      .filter(([start, end]) => end > start);
    const footnote = passage.footnote;
    const section = footnote === undefined ? entry.sections.find((s) => s.id === passage.sectionId) : undefined;
    const place = footnote !== undefined ? tr.t('passage.footnote', { number: String(footnote) }) : section?.heading ? section.heading : undefined;
    const result: SearchResultView = {
      entryId: entry.id,
      entryTitle: place ? `${entry.term} › ${place}` : entry.term,
      authors: [...entry.authors],
      excerpt: rendered.text,
      highlights,
    };
    if (section && section.heading) result.sectionId = section.id;
    result.place = footnote !== undefined ? { entryId: entry.id, footnote } : { entryId: entry.id, sectionId: passage.sectionId, paragraphIndex: passage.paragraphIndex };
    results.push(result);
    if (footnote !== undefined) {
      cite(entry.id, footnote);
      const carrier = carrierOf(lexicon, entry.id, footnote);
      if (carrier) {
        const where = carrier.heading ? tr.quote(carrier.heading) : tr.t('read.opening');
        carriers.push({ kind: 'text', text: [tr.t('passage.carrier', { number: String(footnote), place: where, term: entry.term })] });
        carriers.push({ kind: 'quote', text: renderText(excerptOf(carrier.paragraph, `[^${footnote}]`)).text });
      }
    } else {
      for (const number of renderedMarkers(rendered.text)) cite(entry.id, number);
    }
  }
  return { results, carriers, citations: [...citations.values()] };
}
