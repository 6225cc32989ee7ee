/**
 * The reading room in the pseudo-locale en-XA (`?lang=en-XA`), where every catalog literal is marked
 * ⟦…⟧: every page kind (home, each entry, search with and without hits, the empty search, the
 * glossary, 403 and 404) is fetched through the app, and every text node and every attribute a
 * reader sees or hears (title, aria-label, placeholder, the copy buttons' status words, the preview
 * tags) must be either marked or the document's own words. The document's words are taken from the
 * document's data (the entries' text, footnotes, tables, translations and names), never from a list
 * of allowed English words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Entry } from '../../src/core/entry.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { plainText } from '../../src/core/render-text.js';
import { dispatcher } from '../../src/dispatcher.js';
import { DOCUMENT_CAVEAT, DOCUMENT_TITLE } from '../../src/i18n/words.js';
import { PSEUDO_LOCALE } from '../../src/i18n/locale.js';
import { createWebApp, readingRoomUrl, type WebSettings } from '../../src/web/index.js';
import { LANGUAGE_NAMES_IN_THEMSELVES } from '../../src/web/layout.js';
import { realLexicon, testSettings } from '../web/helpers.js';
import { entryTexts, unmarked } from './pseudo-check.js';

let lexicon: Lexicon;
let app: Hono;
let settings: WebSettings;
beforeAll(async () => {
  lexicon = await realLexicon();
  settings = testSettings({ publicUrl: 'http://127.0.0.1:8080' });
  app = createWebApp({ lexicon, settings }) as unknown as Hono;
});

/** A page in the pseudo-locale: signed like a link from the bot unless `unsigned`. */
async function page(path: string, expected: number, unsigned = false): Promise<string> {
  const url = new URL(unsigned ? settings.publicUrl + path : readingRoomUrl(settings, path));
  url.searchParams.set('lang', PSEUDO_LOCALE);
  const response = await app.request(url.href);
  expect(response.status, path).toBe(expected);
  return response.text();
}

const decode = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** Attributes whose words a reader sees or hears. */
const SPOKEN_ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'data-copied', 'data-selected'];
/** Preview tags whose content other sites show. */
const PREVIEW_META = ['description', 'og:title', 'og:description', 'og:site_name', 'author', 'article:author'];

/** What a reader of the page meets: each attribute above, and the text of the page (tags taken out). */
function readable(html: string): string[] {
  const attributes = [...html.matchAll(new RegExp(`\\s(?:${SPOKEN_ATTRIBUTES.join('|')})="([^"]*)"`, 'g'))].map((m) => m[1]!);
  // A preview's description is clipped to 300 characters: its last, cut word is no word at all.
  const previews = [...html.matchAll(new RegExp(`<meta (?:name|property)="(?:${PREVIEW_META.join('|')})" content="([^"]*)"`, 'g'))].map((m) => m[1]!.replace(/\S*…$/, ''));
  const text = html
    .replace(/<!doctype[^>]*>/i, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    // Block boundaries split the text; inline tags (em, a, sup, mark) do not split a sentence.
    .replace(/<\/?(?:p|li|h[1-6]|td|th|dt|dd|caption|title|blockquote|section|nav|header|footer|main|ol|ul|dl|tr|div|form|label|button|head|body)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .split(/\n+/)
    .filter((piece) => piece.trim() !== '');
  return [...attributes, ...previews, ...text].map(decode);
}

/** Words that are never ours to translate on any page: the document's title and caveat, each language's own name, command names, every entry's name. */
function alwaysVerbatim(): string[] {
  return [
    DOCUMENT_TITLE,
    DOCUMENT_CAVEAT,
    ...Object.values(LANGUAGE_NAMES_IN_THEMSELVES),
    ...dispatcher.commands.map((command) => command.name),
    ...lexicon.entries.flatMap((entry) => [entry.term, ...entry.authors]),
  ];
}

/** An entry's whole text as the document has it: its names, paragraphs, tables, footnotes and recorded translations. */
function entryDocumentText(entry: Entry): string[] {
  return [
    ...entryTexts(entry),
    plainText(entry.lead.text),
    ...entry.sections.flatMap((section) => section.paragraphs.map((paragraph) => plainText(paragraph))),
    ...entry.tables.flatMap((table) => [table.caption, ...table.columns, ...table.rows.flat().flatMap((cell) => cell.split('\n')), table.note ?? ''].map((text) => plainText(text))),
    ...entry.footnotes.map((footnote) => plainText(footnote.text)),
    ...entry.translations.flatMap((t) => [t.concept, t.text ?? '', t.romanization ?? '', ...(t.glosses ?? []).flatMap((g) => [g.word, g.meaning]), ...(t.source.kind ? [] : [t.source.label]), t.source.by ?? '', t.source.date ?? '']),
    ...entry.glossary.flatMap((item) => [plainText(item.text)]),
  ];
}

function problemsOf(name: string, html: string, verbatim: readonly string[]): string[] {
  const known = [...alwaysVerbatim(), ...verbatim].filter((text) => text.trim() !== '');
  return readable(html).flatMap((piece) => unmarked(piece, known).map((left) => `${name}: ${left}   (in “${piece.trim().slice(0, 80)}”)`));
}

describe('every word of ours in the reading room goes through the catalog (pseudo-locale en-XA)', () => {
  it('leaves nothing of ours unmarked on the home page, every entry page, search, the glossary, 403 and 404', async () => {
    const problems: string[] = [];
    problems.push(...problemsOf('home', await page('/', 200), lexicon.entries.flatMap(entryTexts)));
    for (const entry of lexicon.entries) {
      const seeAlso = lexicon.seeAlso(entry.id).flatMap((view) => [view.label, ...entryTexts(lexicon.entry(view.entryId)!)]);
      problems.push(...problemsOf(`entry ${entry.id}`, await page(`/entries/${entry.id}`, 200), [...entryDocumentText(entry), ...seeAlso]));
    }
    for (const query of ['trust', 'Przystup', 'south china sea', 'qwxzv', '']) {
      const found = query ? lexicon.search.passages(query, 10) : [];
      const verbatim = [query, ...found.flatMap((passage) => [plainText(passage.excerpt), ...entryTexts(lexicon.entry(passage.entryId)!)])];
      const html = await page(`/search?q=${encodeURIComponent(query)}`, 200);
      if (query === 'trust') expect(found.length).toBeGreaterThan(0);
      problems.push(...problemsOf(`search “${query}”`, html, verbatim));
    }
    const glossary = lexicon.entries.filter((entry) => entry.glossary.length > 0).flatMap((entry) => [...entryTexts(entry), ...entry.glossary.flatMap((item) => [plainText(item.text)])]);
    expect(glossary.length).toBeGreaterThan(0);
    problems.push(...problemsOf('glossary', await page('/glossary', 200), glossary));
    problems.push(...problemsOf('403 missing', await page('/', 403, true), []));
    problems.push(...problemsOf('403 malformed', await page('/entries/trust?t=garbage', 403, true), []));
    problems.push(...problemsOf('404 entry', await page('/entries/no-such-entry', 404), []));
    problems.push(...problemsOf('404 page', await page('/no/such/page', 404), []));
    expect(problems).toEqual([]);
  });

  it('would catch words of ours that bypass the catalog, in a text node or in an attribute', async () => {
    const html = await page('/entries/trust', 200);
    const verbatim = entryDocumentText(lexicon.entry('trust')!);
    expect(problemsOf('entry', html, verbatim)).toEqual([]);
    expect(problemsOf('entry', html.replace('</main>', '<p>Nothing here is marked.</p></main>'), verbatim).join()).toContain('nothing here is marked');
    expect(problemsOf('entry', html.replace('<main id="main">', '<main id="main" aria-label="Unmarked label">'), verbatim).join()).toContain('unmarked label');
  });

  it('writes the page in the reader’s language and keeps the document’s words in English', async () => {
    const html = await page('/entries/trust', 200);
    expect(html).toContain('<html lang="en-XA">');
    expect(html).toContain('⟦Notes⟧');
    // The provenance of footnote 28's renderings: our words around the footnote's number and the piece's title and author.
    expect(html).toContain('⟦Footnote ⟧28⟦ to ⟧“Trust”⟦ (⟧Jagaa Menduul⟦)⟧');
    expect(html).not.toContain('Footnote 28 to “Trust” (Jagaa Menduul)');
  });
});
