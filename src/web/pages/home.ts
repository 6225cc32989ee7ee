/**
 * The lexicon's home: every entry by contribution, in document order, with its number and
 * authors, and a search box.
 */
import type { Lexicon } from '../../core/lexicon.js';
import { authorsText } from '../../core/entry-views.js';
import { createTranslator } from '../../i18n/translator.js';
import { DOCUMENT_TITLE } from '../../i18n/words.js';
import { renderPage, type PageMeta } from '../layout.js';
import { markup } from '../markup.js';
import { entryPath, GLOSSARY_PATH } from '../paths.js';
import { sentenceWith } from '../sentence.js';

/** The home page's HTML; `hasGlossary` adds the link to the document's glossary. */
export function renderHomePage(lexicon: Lexicon, meta: Pick<PageMeta, 'requestUrl' | 'publicUrl' | 'locale' | 'languages'> = {}, hasGlossary = false): string {
  const tr = createTranslator(meta.locale);
  const groups = new Map<string, Lexicon['entries'][number][]>();
  for (const entry of lexicon.entries) groups.set(entry.contribution, [...(groups.get(entry.contribution) ?? []), entry]);
  // Contributions, terms, titles and names are the document's: marked as English inside a page in another language.
  const sections = [...groups].map(
    ([contribution, entries], index) => markup`<section aria-labelledby="group-${index + 1}">
<h2 id="group-${index + 1}" lang="en">${contribution}</h2>
<div class="entries"><ol>${entries.map(
      (entry) => markup`<li><span class="num">${entry.number ? `${entry.part}.${entry.number}` : `${entry.part}.`}</span><a href="${entryPath(entry.id)}" lang="en">${entry.term}</a><span class="meta">${authorsText(entry.authors, tr)}${entry.title !== entry.term ? markup` · <span lang="en">${entry.title}</span>` : ''}</span></li>`,
    )}</ol></div>
</section>`,
  );
  const count = lexicon.entries.length;
  return renderPage(
    {
      ...meta,
      description: tr.t('web.home.description', { count, title: tr.workTitle(DOCUMENT_TITLE) }),
    },
    markup`<h1>${tr.t('web.home.heading')}</h1>
<p>${sentenceWith(tr, 'web.home.intro', { count, glossary: hasGlossary ? 'yes' : 'no' }, { link: markup`<a href="${GLOSSARY_PATH}">${tr.t('web.home.glossaryLink')}</a>` })}</p>
<form action="/search" method="get" role="search" class="home-search" aria-label="${tr.t('web.home.searchLabel')}">
<label for="home-q">${tr.t('web.home.searchLabel')}</label>
<div><input type="search" id="home-q" name="q" placeholder="${tr.t('web.home.searchPlaceholder')}"><button type="submit">${tr.t('web.searchButton')}</button></div>
</form>
${sections}`,
  );
}
