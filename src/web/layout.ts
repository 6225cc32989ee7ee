/**
 * The frame of every reading-room page: <head> with the robots, preview (OpenGraph, oEmbed
 * discovery) and stylesheet tags, the site bar with its search box, the document's caveat heading
 * the page, and the foot.
 */
import { createHash } from 'node:crypto';
import { SOURCE_CAVEAT } from '../core/reply.js';
import { DOCUMENT_TITLE } from '../core/citation-styles.js';
import { CLIENT_SCRIPT } from './client-script.js';
import { markup, type HtmlEscapedString } from './markup.js';
import { STYLESHEET } from './styles.js';

/** The site's name, in the bar and in previews. */
export const SITE_NAME = `${DOCUMENT_TITLE}: a lexicon`;

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
  /** The page's own title, e.g. "Trust"; the site name is added. */
  title: string;
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
}

/** Whole-page HTML. */
export function renderPage(meta: PageMeta, body: HtmlEscapedString): string {
  const fullTitle = meta.title === SITE_NAME ? SITE_NAME : `${meta.title} · ${SITE_NAME}`;
  const description = meta.description.length > 300 ? meta.description.slice(0, 299) + '…' : meta.description;
  const oembed = meta.requestUrl ? `/oembed?format=json&url=${encodeURIComponent(meta.requestUrl)}` : undefined;
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="${ROBOTS}">
<meta name="referrer" content="no-referrer">
<meta name="color-scheme" content="light dark">
<title>${fullTitle}</title>
<meta name="description" content="${description}">
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${description}">
<meta property="og:type" content="${meta.type ?? 'website'}">
${meta.publicUrl ? markup`<meta property="og:url" content="${meta.publicUrl}">` : ''}
${meta.author ? markup`<meta name="author" content="${meta.author}"><meta property="article:author" content="${meta.author}">` : ''}
<meta name="twitter:card" content="summary">
${oembed ? markup`<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${meta.title}">` : ''}
<link rel="stylesheet" href="${ASSETS.stylesheet.path}">
${meta.script ? markup`<script src="${ASSETS.script.path}" defer></script>` : ''}
</head>
<body>
<a class="skip" href="#main">Skip to the text</a>
<header class="site">
<a class="name" href="/">${SITE_NAME}</a>
<form action="/search" method="get" role="search" aria-label="Site search">
<label class="visually-hidden" for="q">Search the lexicon</label>
<input type="search" id="q" name="q" value="${meta.query ?? ''}" placeholder="Search the lexicon" autocomplete="off">
<button type="submit">Search</button>
</form>
</header>
<main id="main">
<p class="caveat" role="note">${SOURCE_CAVEAT}</p>
${body}
</main>
<footer class="foot">
<p>${DOCUMENT_TITLE}, materials for the UBC–SIIA workshop, Shanghai, 8–10 November 2013. The words on these pages are the authors’ own, verbatim; translations are shown only where the document records them.</p>
</footer>
</body>
</html>
`.toString();
}
