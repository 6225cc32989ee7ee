/**
 * The lexicon's home: every entry by contribution, in document order, with its number and
 * authors, and a search box.
 */
import type { Lexicon } from '../../core/lexicon.js';
import { authorsText } from '../../core/entry-views.js';
import { renderPage, SITE_NAME, type PageMeta } from '../layout.js';
import { markup } from '../markup.js';
import { entryPath, GLOSSARY_PATH } from '../paths.js';

/** The home page's HTML; `hasGlossary` adds the link to the document's glossary. */
export function renderHomePage(lexicon: Lexicon, meta: Pick<PageMeta, 'requestUrl' | 'publicUrl' | 'locale' | 'languages'> = {}, hasGlossary = false): string {
  const groups = new Map<string, Lexicon['entries'][number][]>();
  for (const entry of lexicon.entries) groups.set(entry.contribution, [...(groups.get(entry.contribution) ?? []), entry]);
  const sections = [...groups].map(
    ([contribution, entries], index) => markup`<section aria-labelledby="group-${index + 1}">
<h2 id="group-${index + 1}">${contribution}</h2>
<div class="entries"><ol>${entries.map(
      (entry) => markup`<li><span class="num">${entry.number ? `${entry.part}.${entry.number}` : `${entry.part}.`}</span><a href="${entryPath(entry.id)}">${entry.term}</a><span class="meta">${authorsText(entry.authors)}${entry.title !== entry.term ? markup` · ${entry.title}` : ''}</span></li>`,
    )}</ol></div>
</section>`,
  );
  return renderPage(
    {
      ...meta,
      title: SITE_NAME,
      description: `The ${lexicon.entries.length} pieces of “Cooperative Security 2.0” (UBC–SIIA workshop, Shanghai, 2013), whole and verbatim, with their footnotes and recorded translations.`,
    },
    markup`<h1>The lexicon</h1>
<p>${lexicon.entries.length} pieces by their authors, whole and verbatim, by contribution and in the document’s order.${hasGlossary ? markup` The document’s own <a href="${GLOSSARY_PATH}">glossary</a> is here too.` : ''}</p>
<form action="/search" method="get" role="search" class="home-search" aria-label="Search every passage">
<label for="home-q">Search every passage</label>
<div><input type="search" id="home-q" name="q" placeholder="e.g. trust, 同理心, xinlai"><button type="submit">Search</button></div>
</form>
${sections}`,
  );
}
