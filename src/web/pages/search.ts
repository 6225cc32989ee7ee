/**
 * Search results: the core's passage search, each result's excerpt verbatim with the matched words
 * marked, linked to the exact paragraph.
 */
import type { Lexicon } from '../../core/lexicon.js';
import { authorsText } from '../../core/entry-views.js';
import { footnoteAnchor, paragraphAnchor } from '../../core/anchors.js';
import { createTranslator } from '../../i18n/translator.js';
import { renderPage, type PageMeta } from '../layout.js';
import { markup } from '../markup.js';
import { entryPath } from '../paths.js';
import { richText } from '../rich-text.js';
import { sentenceWith } from '../sentence.js';

/** Passages listed on one results page. */
export const WEB_SEARCH_LIMIT = 10;

/** The results page's HTML for a query (already validated; may be empty). */
export function renderSearchPage(lexicon: Lexicon, query: string, meta: Pick<PageMeta, 'requestUrl' | 'publicUrl' | 'locale' | 'languages'> = {}): string {
  const tr = createTranslator(meta.locale);
  const passages = query ? lexicon.search.passages(query, WEB_SEARCH_LIMIT) : [];
  const results = passages.flatMap((passage) => {
    const entry = lexicon.entry(passage.entryId);
    if (!entry) return [];
    const section = entry.sections.find((s) => s.id === passage.sectionId);
    // A footnote found (a scholar or work cited only there) links to the note itself.
    const anchor = passage.footnote !== undefined
      ? footnoteAnchor(passage.footnote)
      : paragraphAnchor(entry, passage.sectionId, passage.paragraphIndex) ?? passage.sectionId;
    // The term and the section's heading are the document's; "footnote 28" is ours.
    const where = passage.footnote !== undefined
      ? markup` › ${tr.t('passage.footnote', { number: String(passage.footnote) })}`
      : section?.heading ? markup` › <span lang="en">${section.heading}</span>` : '';
    return [
      markup`<li>
<h2><a href="${entryPath(entry.id)}#${anchor}"><span lang="en">${entry.term}</span>${where}</a></h2>
<p class="meta">${authorsText(entry.authors, tr)}</p>
<blockquote lang="en">${richText(passage.excerpt, { markers: { kind: 'to-page', path: entryPath(entry.id) }, highlights: passage.highlights, tr })}</blockquote>
</li>`,
    ];
  });
  const heading = !query
    ? tr.t('web.search.heading')
    : results.length === 0
      ? tr.t('search.nothingFound', { query })
      : tr.t('web.search.found', { count: results.length, query });
  return renderPage(
    { ...meta, title: query ? tr.t('web.search.titleQuery', { query }) : tr.t('web.search.title'), description: tr.t('web.search.description'), query },
    markup`<h1>${heading}</h1>
${query && results.length === 0 ? markup`<p>${sentenceWith(tr, 'web.search.none', {}, { entries: markup`<a href="/">${tr.t('web.search.entriesLink')}</a>` })}</p>` : ''}
${results.length > 0 ? markup`<ol class="results">${results}</ol>` : ''}`,
  );
}
