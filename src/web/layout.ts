/**
 * The frame of every reading-room page: <head> with the robots, preview (OpenGraph, oEmbed
 * discovery) and stylesheet tags, the site bar with its search box, the document's caveat heading
 * the page, and the foot.
 */
import { createHash } from 'node:crypto';
import { DOCUMENT_TITLE } from '../core/citation-styles.js';
import { DEFAULT_LOCALE, type Locale, type UiLocale } from '../i18n/locale.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { caveatNotice } from '../i18n/words.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { markup, type HtmlEscapedString } from './markup.js';
import { STYLESHEET } from './styles.js';

/** The site's name in the reader's language, in the bar, the tab title and previews. */
export function siteName(tr: Translator): string {
  return tr.t('web.siteName', { title: DOCUMENT_TITLE });
}

/** The site's name in English, for oEmbed consumers (who do not say which language they read). */
export const SITE_NAME = siteName(createTranslator(DEFAULT_LOCALE));

/** robots meta and X-Robots-Tag: the document is not for wide circulation. */
export const ROBOTS = 'noindex, nofollow, noarchive, nosnippet';

function versioned(name: string, body: string, extension: string): { path: string; body: string } {
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return { path: `/assets/${name}.${digest}.${extension}`, body };
}

/** The stylesheet and script, at addresses that change when they do (so they can be cached for long). */
export const ASSETS = {
  stylesheet: versioned('reading-room', STYLESHEET, 'css'),
  script: versioned('copy', CLIENT_SCRIPT, 'js'),
};

/** What a page says about itself, for the tab title and link previews. */
export interface PageMeta {
  /** The page's own title, e.g. "Trust"; the site name is added. Absent: the page is the site's home. */
  title?: string;
  /** One or two sentences for previews. */
  description: string;
  /** OpenGraph type. */
  type?: 'website' | 'article';
  /** Author(s) of the piece, for previews. */
  author?: string;
  /** The full address of this request (token included), for the oEmbed discovery link. */
  requestUrl?: string;
  /** The public address of the page without token, for og:url. */
  publicUrl?: string;
  /** Load the copy-button script. */
  script?: boolean;
  /** The search box's current query. */
  query?: string;
  /** The language of the page's own words (its chrome; the authors' words stay as they are). */
  locale?: UiLocale;
  /** The language switcher: this page in each language. */
  languages?: LanguageLink[];
}

/** This page in one language: a plain link, so the switcher works without JavaScript. */
export interface LanguageLink {
  locale: Locale;
  href: string;
}

/** Each language's name in itself, as a switcher shows it. */
export const LANGUAGE_NAMES_IN_THEMSELVES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文', ja: '日本語', ko: '한국어' };

/** Whole-page HTML. */
export function renderPage(meta: PageMeta, body: HtmlEscapedString): string {
  const locale = meta.locale ?? DEFAULT_LOCALE;
  const tr = createTranslator(locale);
  const site = siteName(tr);
  const title = meta.title ?? site;
  const fullTitle = meta.title === undefined ? site : `${meta.title} · ${site}`;
  const description = meta.description.length > 300 ? meta.description.slice(0, 299) + '…' : meta.description;
  const oembed = meta.requestUrl ? `/oembed?format=json&url=${encodeURIComponent(meta.requestUrl)}` : undefined;
  const switcher = meta.languages && meta.languages.length > 0
    ? markup`<nav class="languages" aria-label="${tr.t('web.languages')}"><ul>${meta.languages.map((link) =>
      link.locale === locale
        ? markup`<li><span lang="${link.locale}" aria-current="true">${LANGUAGE_NAMES_IN_THEMSELVES[link.locale]}</span></li>`
        : markup`<li><a lang="${link.locale}" hreflang="${link.locale}" href="${link.href}">${LANGUAGE_NAMES_IN_THEMSELVES[link.locale]}</a></li>`)}</ul></nav>`
    : '';
  return markup`<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="${ROBOTS}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
<meta property="og:site_name" content="${site}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${meta.type ?? 'website'}">
${meta.publicUrl ? markup`<meta property="og:url" content="${meta.publicUrl}">` : ''}
${meta.author ? markup`<meta name="author" content="${meta.author}"><meta property="article:author" content="${meta.author}">` : ''}
<meta name="twitter:card" content="summary">
${oembed ? markup`<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${title}">` : ''}
<link rel="stylesheet" href="${ASSETS.stylesheet.path}">
${meta.script ? markup`<script src="${ASSETS.script.path}" defer></script>` : ''}
</head>
<body>
<a class="skip" href="#main">${tr.t('web.skip')}</a>
<header class="site">
<a class="name" href="/">${site}</a>
<form action="/search" method="get" role="search" aria-label="${tr.t('web.siteSearch')}">
${locale === DEFAULT_LOCALE ? '' : markup`<input type="hidden" name="lang" value="${locale}">`}
<label class="visually-hidden" for="q">${tr.t('web.searchLabel')}</label>
<input type="search" id="q" name="q" value="${meta.query ?? ''}" placeholder="${tr.t('web.searchLabel')}" autocomplete="off">
<button type="submit">${tr.t('web.searchButton')}</button>
</form>
${switcher}
</header>
<main id="main">
<p class="caveat" role="note">${caveatNotice(tr)}</p>
${body}
</main>
<footer class="foot">
<p>${tr.t('web.foot', { title: DOCUMENT_TITLE })}</p>
</footer>
</body>
</html>
`.toString();
}
