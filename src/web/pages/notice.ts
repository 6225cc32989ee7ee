/**
 * Pages that explain instead of showing the lexicon: no access (403), not found (404), in the
 * reader's language. They show none of the document's text beyond its caveat.
 */
import { createTranslator } from '../../i18n/translator.js';
import { renderPage, type PageMeta } from '../layout.js';
import { markup } from '../markup.js';
import { sentenceWith } from '../sentence.js';

/** Why a request was refused, in the reader's terms. */
export type RefusalReason = 'missing' | 'malformed' | 'forged' | 'expired';

/** What a notice page knows of its reader: the language, and the switcher's links. */
export type NoticeMeta = Pick<PageMeta, 'locale' | 'languages'>;

/** The 403 page. */
export function renderForbiddenPage(reason: RefusalReason, meta: NoticeMeta = {}): string {
  const tr = createTranslator(meta.locale);
  const examples = { define: markup`<code>/define trust</code>`, search: markup`<code>/search reassurance</code>` };
  return renderPage(
    { ...meta, title: tr.t('web.forbidden.title'), description: tr.t('web.forbidden.description') },
    markup`<h1>${tr.t('web.forbidden.heading')}</h1>
<p>${tr.t('web.forbidden.why', { reason: reason === 'forged' ? 'malformed' : reason })}</p>
<p>${tr.t('web.forbidden.notPublic')}</p>
<p>${sentenceWith(tr, 'web.forbidden.freshLink', {}, examples)}</p>`,
  );
}

/** The 404 page. */
export function renderNotFoundPage(meta: NoticeMeta = {}): string {
  const tr = createTranslator(meta.locale);
  return renderPage(
    { ...meta, title: tr.t('web.notFound.title'), description: tr.t('web.notFound.description') },
    markup`<h1>${tr.t('web.notFound.heading')}</h1>
<p>${sentenceWith(tr, 'web.notFound.text', {}, { home: markup`<a href="/">${tr.t('web.notFound.homeLink')}</a>` })}</p>`,
  );
}
