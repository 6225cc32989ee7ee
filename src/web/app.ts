/**
 * The reading room as a Hono app: home, entry pages, search, oEmbed, and the assets, behind the
 * access check. `createWebApp(...).fetch` is a standard fetch handler; `server.ts` serves it on
 * Node's http server (alone, or beside the bot's other routes).
 */
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import type { Lexicon } from '../core/lexicon.js';
import { stripControlCharacters } from '../core/render-text.js';
import { isLocale, LOCALES, PSEUDO_LOCALE, type UiLocale } from '../i18n/locale.js';
import { localeFromAcceptLanguage } from '../i18n/negotiate.js';
import type { LanguageLink } from './layout.js';
import { authorsText } from '../core/entry-views.js';
import { TOKEN_PARAMETER, verifyToken, type WebSettings } from './access.js';
import { ASSETS, ROBOTS, SITE_NAME } from './layout.js';
import { renderEntryPage } from './pages/entry.js';
import { renderHomePage } from './pages/home.js';
import { renderForbiddenPage, renderNotFoundPage } from './pages/notice.js';
import { renderSearchPage } from './pages/search.js';
import { hasGlossary, renderGlossaryPage } from './pages/glossary.js';
import { entryPath, GLOSSARY_PATH } from './paths.js';
import type { HtmlEscapedString } from './markup.js';

/** The cookie that keeps a reader in after they opened a signed link (holds the same token). */
export const ACCESS_COOKIE = 'lexicon_reading_room';

export interface WebAppOptions {
  lexicon: Lexicon;
  settings: WebSettings;
}

/** Pages: strict CSP (our own stylesheet and script only), no referrer (links carry tokens). */
const PAGE_HEADERS: Record<string, string> = {
  'X-Robots-Tag': ROBOTS,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'Cache-Control': 'private, no-cache',
};

const QuerySchema = z
  .string()
  .max(500)
  .transform((value) => stripControlCharacters(value).replace(/\s+/g, ' ').trim().slice(0, 200));

const EntryIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);

const OembedQuerySchema = z.object({
  url: z.string().min(1).max(2000),
  format: z.enum(['json']).optional(),
});

type AccessState = { reader: 'token' | 'open' };

/** Build the reading room's app. */
export function createWebApp({ lexicon, settings }: WebAppOptions): Hono<{ Variables: AccessState }> {
  const app = new Hono<{ Variables: AccessState }>();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(PAGE_HEADERS)) if (!c.res.headers.has(name)) c.res.headers.set(name, value);
  });

  // Assets are not the document: they are served to anyone (the 403 page uses the stylesheet too).
  app.get(ASSETS.stylesheet.path, (c) => asset(c, ASSETS.stylesheet.body, 'text/css; charset=utf-8'));
  app.get(ASSETS.script.path, (c) => asset(c, ASSETS.script.body, 'text/javascript; charset=utf-8'));
  app.get('/robots.txt', (c) => c.text('User-agent: *\nDisallow: /\n'));

  // oEmbed: the consumer passes the page's address, token included; the token decides, as for the page.
  app.get('/oembed', (c) => {
    const query = OembedQuerySchema.safeParse(c.req.query());
    if (!query.success) return c.json({ error: 'url is required' }, 400);
    let target: URL;
    try {
      target = new URL(query.data.url);
    } catch {
      return c.json({ error: 'url is not an address' }, 400);
    }
    if (settings.access === 'token' && !verifyToken(settings.secret, target.searchParams.get(TOKEN_PARAMETER) ?? undefined).ok) {
      return c.json({ error: 'not available without a link from the bot' }, 403);
    }
    const entryId = /^\/entries\/([a-z0-9-]+)$/.exec(target.pathname)?.[1];
    const entry = entryId ? lexicon.entry(entryId) : undefined;
    return c.json({
      version: '1.0',
      type: 'link',
      provider_name: SITE_NAME,
      title: entry ? entry.term : SITE_NAME,
      ...(entry ? { author_name: authorsText(entry.authors) } : {}),
      cache_age: 3600,
    });
  });

  // Everything below is the document: a valid token (link or cookie) or open access.
  app.use('*', async (c, next) => {
    if (settings.access === 'open') {
      c.set('reader', 'open');
      return next();
    }
    const fromLink = c.req.query(TOKEN_PARAMETER);
    const token = fromLink ?? getCookie(c, ACCESS_COOKIE);
    const check = verifyToken(settings.secret, token);
    if (!check.ok) {
      // A stale cookie must not hide a fresh link's problem, nor the other way round: report what was checked.
      return c.html(renderForbiddenPage(check.reason, readerOf(c)), 403);
    }
    if (fromLink !== undefined && fromLink !== getCookie(c, ACCESS_COOKIE)) {
      setCookie(c, ACCESS_COOKIE, fromLink, {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: settings.publicUrl.startsWith('https:'),
        maxAge: Math.max(1, check.expiresAt - Math.floor(Date.now() / 1000)),
      });
    }
    c.set('reader', 'token');
    return next();
  });

  const glossary = hasGlossary(lexicon);
  // An entry's body depends on the entry alone: rendered once, on first request.
  const entryBodies = new Map<string, HtmlEscapedString>();
  app.get('/', (c) => c.html(renderHomePage(lexicon, pageMeta(c, settings), glossary)));
  if (glossary) app.get(GLOSSARY_PATH, (c) => c.html(renderGlossaryPage(lexicon, pageMeta(c, settings))));

  app.get('/entries/:id', (c) => {
    const id = EntryIdSchema.safeParse(c.req.param('id'));
    const entry = id.success ? lexicon.entry(id.data) : undefined;
    if (!entry) return c.html(renderNotFoundPage(readerOf(c)), 404);
    return c.html(renderEntryPage(lexicon, entry, pageMeta(c, settings, entryPath(entry.id)), entryBodies));
  });

  app.get('/search', (c) => {
    const query = QuerySchema.safeParse(c.req.query('q') ?? '');
    return c.html(renderSearchPage(lexicon, query.success ? query.data : '', pageMeta(c, settings)));
  });

  app.notFound((c) => c.html(renderNotFoundPage(readerOf(c)), 404));
  return app;
}

function asset(c: Context, body: string, type: string): Response {
  return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=31536000, immutable' });
}

/**
 * The reader's language and the switcher's links: the switcher's choice (?lang=) first, then the
 * browser's Accept-Language. `?lang=en-XA` (never offered, never negotiated) shows the pseudo-locale,
 * as `--lang en-XA` does on the console.
 */
function readerOf(c: Context): { locale: UiLocale; languages: LanguageLink[] } {
  const requested = new URL(c.req.url);
  const asked = requested.searchParams.get('lang');
  const locale = asked !== null && (isLocale(asked) || asked === PSEUDO_LOCALE) ? asked : localeFromAcceptLanguage(c.req.header('accept-language'));
  const languages = LOCALES.map((other): LanguageLink => {
    const params = new URLSearchParams(requested.search);
    params.set('lang', other);
    return { locale: other, href: `${requested.pathname}?${params.toString()}` };
  });
  return { locale, languages };
}

/** The request's full address (for oEmbed discovery), its public address without token (og:url), and its reader. */
function pageMeta(c: Context, settings: WebSettings, path?: string): { requestUrl: string; publicUrl: string; locale: UiLocale; languages: LanguageLink[] } {
  const requested = new URL(c.req.url);
  const publicRequest = new URL(settings.publicUrl + requested.pathname + requested.search);
  const withoutToken = new URL(settings.publicUrl + (path ?? requested.pathname));
  return { requestUrl: publicRequest.href, publicUrl: withoutToken.href, ...readerOf(c) };
}
