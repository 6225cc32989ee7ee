/**
 * The document's own glossary (acronyms its pieces spell out, terms they define), once entries
 * carry it: every item with its defining words verbatim, its author, and a link to the paragraph or
 * footnote it comes from. Entries without a glossary give no glossary page.
 */
import type { Entry, GlossaryItem } from '../../core/entry.js';
import type { Lexicon } from '../../core/lexicon.js';
import { authorsText } from '../../core/entry-views.js';
import { footnoteAnchor, paragraphAnchor } from '../../core/anchors.js';
import { createTranslator } from '../../i18n/translator.js';
import { DOCUMENT_TITLE } from '../../i18n/words.js';
import { renderPage, type PageMeta } from '../layout.js';
import { markup } from '../markup.js';
import { sentenceWith } from '../sentence.js';
import { entryPath } from '../paths.js';
import { richText } from '../rich-text.js';

/** True when any entry carries glossary items. */
export function hasGlossary(lexicon: Lexicon): boolean {
  return lexicon.entries.some((entry) => entry.glossary.length > 0);
}

/** Where an item's words are: the paragraph, or the footnote. */
function itemLink(entry: Entry, item: GlossaryItem): string {
  if (item.footnote !== undefined) return `${entryPath(entry.id)}#${footnoteAnchor(item.footnote)}`;
  const anchor = item.section !== undefined && item.paragraph !== undefined ? paragraphAnchor(entry, item.section, item.paragraph) : undefined;
  return anchor ? `${entryPath(entry.id)}#${anchor}` : entryPath(entry.id);
}

/** The glossary page's HTML. */
export function renderGlossaryPage(lexicon: Lexicon, meta: Pick<PageMeta, 'requestUrl' | 'publicUrl' | 'locale' | 'languages'> = {}): string {
  const items = lexicon.entries
    .flatMap((entry) => entry.glossary.map((item) => ({ entry, item })))
    .sort((a, b) => a.item.term.localeCompare(b.item.term, 'en', { sensitivity: 'base' }) || a.entry.order - b.entry.order);
  const tr = createTranslator(meta.locale);
  const rows = items.map(({ entry, item }) => {
    const link = markup`<a href="${itemLink(entry, item)}" lang="en">${entry.term}</a>`;
    const where = item.quoting ? sentenceWith(tr, 'web.glossary.quotingIn', { source: item.quoting }, { entry: link }) : link;
    return markup`<dt lang="en"><dfn>${item.term}</dfn>${item.longForm ? markup` <span class="meta">(${item.longForm})</span>` : ''}</dt>
<dd><blockquote lang="en">${richText(item.text, { markers: { kind: 'to-page', path: entryPath(entry.id) }, tr })}</blockquote>
<p class="meta">${where} · ${authorsText(entry.authors, tr)}</p></dd>`;
  });
  return renderPage(
    { ...meta, title: tr.t('web.glossary.title'), description: tr.t('web.glossary.description', { title: tr.workTitle(DOCUMENT_TITLE) }) },
    markup`<h1>${tr.t('web.glossary.title')}</h1>
<p>${tr.t('web.glossary.intro')}</p>
<dl class="glossary">${rows}</dl>`,
  );
}
