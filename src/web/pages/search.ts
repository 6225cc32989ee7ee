/**
 * Search results: the core's passage search, each result's excerpt verbatim with the matched words
 * marked, linked to the exact paragraph.
 */
import type { Lexicon } from '../../core/lexicon.js';
import { authorsText } from '../../core/entry-views.js';
import { footnoteAnchor, paragraphAnchor } from '../../core/anchors.js';
import { renderPage, type PageMeta } from '../layout.js';
import { markup } from '../markup.js';
import { entryPath } from '../paths.js';
import { richText } from '../rich-text.js';

/** Passages listed on one results page. */
export const WEB_SEARCH_LIMIT = 10;

/** The results page's HTML for a query (already validated; may be empty). */
export function renderSearchPage(lexicon: Lexicon, query: string, meta: Pick<PageMeta, 'requestUrl' | 'publicUrl' | 'locale' | 'languages'> = {}): string {
  const passages = query ? lexicon.search.passages(query, WEB_SEARCH_LIMIT) : [];
  const results = passages.flatMap((passage) => {
    const entry = lexicon.entry(passage.entryId);
    if (!entry) return [];
    const section = entry.sections.find((s) => s.id === passage.sectionId);
    // A footnote found (a scholar or work cited only there) links to the note itself.
    const anchor = passage.footnote !== undefined
      ? footnoteAnchor(passage.footnote)
      : paragraphAnchor(entry, passage.sectionId, passage.paragraphIndex) ?? passage.sectionId;
    const title = passage.footnote !== undefined ? `${entry.term} › footnote ${passage.footnote}` : section?.heading ? `${entry.term} › ${section.heading}` : entry.term;
    return [
      markup`<li>
<h2><a href="${entryPath(entry.id)}#${anchor}">${title}</a></h2>
<p class="meta">${authorsText(entry.authors)}</p>
<blockquote>${richText(passage.excerpt, { markers: { kind: 'to-page', path: entryPath(entry.id) }, highlights: passage.highlights })}</blockquote>
</li>`,
    ];
  });
  const heading = !query
    ? 'Search the lexicon'
    : results.length === 0
      ? `Nothing found for “${query}”`
      : `${results.length === 1 ? 'One passage' : `${results.length} passages`} for “${query}”`;
  return renderPage(
    { ...meta, title: query ? `Search: ${query}` : 'Search', description: 'Passages of the lexicon matching a search.', query },
    markup`<h1>${heading}</h1>
${query && results.length === 0 ? markup`<p>No passage of the running text contains these words. Try fewer words, another spelling, or browse <a href="/">the entries</a>.</p>` : ''}
${results.length > 0 ? markup`<ol class="results">${results}</ol>` : ''}`,
  );
}
