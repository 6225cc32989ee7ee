import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/render-text.js';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import { chicagoCitation, apaCitation } from '../../src/core/citation-styles.js';
import { paragraphAnchors } from '../../src/core/anchors.js';
import { ACCESS_COOKIE } from '../../src/web/index.js';
import { realLexicon, serveReadingRoom, type ServedReadingRoom } from './helpers.js';

let room: ServedReadingRoom;
beforeAll(async () => {
  room = await serveReadingRoom();
});
afterAll(() => room.server.close());

/** The text a reader sees in an HTML fragment (tags dropped, entities decoded). */
function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

async function get(url: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: string }> {
  const response = await fetch(url, { redirect: 'manual', ...init });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

describe('reading room pages', () => {
  it('answer 403 with a plain explanation and the caveat, and show none of the text, without a token', async () => {
    for (const path of ['/', '/entries/trust', '/search?q=trust']) {
      const page = await get(room.base + path);
      expect(page.status, path).toBe(403);
      expect(page.body).toContain('Not available without a link from the bot');
      expect(page.body).toContain('ask the bot in your chat');
      expect(textOf(page.body)).toContain(SOURCE_CAVEAT);
      expect(page.body).not.toContain('Jagaa Menduul');
    }
    const forged = await get(`${room.base}/entries/trust?t=1999999999.${'A'.repeat(43)}`);
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('not valid');
  });

  it('say noindex in a header and a meta tag, and leak no referrer, on every page', async () => {
    for (const url of [room.link('/'), room.link('/entries/empathy'), room.link('/search', undefined), room.base + '/entries/empathy']) {
      const page = await get(url);
      expect(page.headers.get('x-robots-tag')).toContain('noindex');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.body).toContain('<meta name="robots" content="noindex');
      expect(Buffer.byteLength(page.body), url).toBeLessThan(100_000);
    }
  });

  it('let a reader with a signed link go on reading through a cookie that expires with the link', async () => {
    const first = await get(room.link('/'));
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${ACCESS_COOKIE}=`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=\d+/);
    const next = await get(`${room.base}/entries/trust`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(next.status).toBe(200);
    expect(next.body).toContain('Jagaa Menduul');
  });

  it('list every entry on the home page by contribution, with its number, authors, and a search box', async () => {
    const lexicon = await realLexicon();
    const home = (await get(room.link('/'))).body;
    for (const entry of lexicon.entries) {
      expect(home).toContain(`href="/entries/${entry.id}"`);
      for (const author of entry.authors) expect(textOf(home)).toContain(author);
    }
    expect(home.indexOf('Canadian Contributions')).toBeLessThan(home.indexOf('Chinese Contributions'));
    expect(textOf(home)).toContain('II.5A');
    expect(home).toMatch(/<form action="\/search" method="get" role="search"/);
  });

  it('show an entry whole and verbatim: every paragraph, anchored, with its footnote markers linked', async () => {
    const lexicon = await realLexicon();
    for (const entry of lexicon.entries) {
      const page = (await get(room.link(`/entries/${entry.id}`))).body;
      const anchors = paragraphAnchors(entry);
      entry.sections.forEach((section, s) => {
        section.paragraphs.forEach((raw, p) => {
          const anchor = anchors[s]?.[p] ?? '';
          const html = new RegExp(`<p class="para" id="${anchor}">([\\s\\S]*?)<a class="anchor"`).exec(page)?.[1];
          expect(html, `${entry.id} ${anchor}`).toBeDefined();
          const words = textOf((html ?? '').replace(/<sup class="fnref">[\s\S]*?<\/sup>/g, ''));
          expect(words).toBe(plainText(raw.replace(/\[\^\d+\]/g, '')));
        });
      });
      for (const footnote of entry.footnotes) {
        expect(page, `${entry.id} n. ${footnote.number}`).toContain(`id="fn-${footnote.number}"`);
      }
    }
  });

  it('link footnotes both ways: marker to note, note back to the marker', async () => {
    const page = (await get(room.link('/entries/trust'))).body;
    expect(page).toContain('<sup class="fnref"><a href="#fn-28" id="fnref-28" aria-label="Note 28">28</a></sup>');
    expect(page).toMatch(/<li id="fn-28" value="28">[\s\S]*?<a class="back" href="#fnref-28" aria-label="Back to the text of note 28">/);
    expect(textOf(page)).toContain('xinren');
  });

  it('show the document’s tables as real tables with captions, headers and row headers', async () => {
    const page = (await get(room.link('/entries/empathy'))).body;
    expect(page).toMatch(/<table>\s*<caption id="table-candidate-translations-caption" lang="en">Appendix: Candidate translations/);
    expect(page).toContain('<th scope="col">Mandarin</th>');
    expect(page).toMatch(/<th scope="row">A degree of subjective certainty/);
  });

  it('show the recorded translations with where the document records them, in their language', async () => {
    const trust = (await get(room.link('/entries/trust'))).body;
    expect(trust).toContain('Recorded translations');
    expect(textOf(trust)).toContain('Footnote 28 to “Trust” (Jagaa Menduul)');
    expect(trust).toMatch(/<td lang="en">xinlai<\/td>/);
    const empathy = (await get(room.link('/entries/empathy'))).body;
    expect(empathy).toMatch(/<td lang="zh">同理心<\/td>/);
  });

  it('carry see-also links and a Chicago and APA citation with copy buttons', async () => {
    const lexicon = await realLexicon();
    const entry = lexicon.entry('reassurance')!;
    const page = (await get(room.link('/entries/reassurance'))).body;
    expect(page).toContain('See also');
    expect(page).toMatch(/<section id="see-also"[\s\S]*?href="\/entries\/[a-z0-9-]+/);
    expect(textOf(page)).toContain(chicagoCitation(entry));
    expect(textOf(page)).toContain(apaCitation(entry));
    expect(page).toContain('data-copy="cite-chicago"');
    expect(page).toMatch(/<script src="\/assets\/copy\.[0-9a-f]+\.js" defer><\/script>/);
  });

  it('describe the page for link previews (OpenGraph, oEmbed discovery)', async () => {
    const page = (await get(room.link('/entries/trust'))).body;
    expect(page).toContain('<meta property="og:title" content="Trust">');
    expect(page).toContain('<meta property="og:type" content="article">');
    expect(page).toMatch(/<meta property="og:description" content="Jagaa Menduul: One recurring approach defines/);
    const oembedHref = /<link rel="alternate" type="application\/json\+oembed" href="([^"]+)"/.exec(page)?.[1]?.replace(/&amp;/g, '&');
    expect(oembedHref).toBeDefined();
    const oembed = await fetch(room.base + oembedHref);
    expect(oembed.status).toBe(200);
    expect(await oembed.json()).toMatchObject({ version: '1.0', type: 'link', title: 'Trust', author_name: 'Jagaa Menduul' });
    const refused = await fetch(`${room.base}/oembed?url=${encodeURIComponent(room.base + '/entries/trust')}`);
    expect(refused.status).toBe(403);
  });

  it('mark the matched words in search results and link each to its paragraph', async () => {
    const lexicon = await realLexicon();
    const page = (await get(room.link('/search') + '&q=' + encodeURIComponent('strategic trust'))).body;
    expect(page).toMatch(/passages? for “strategic trust”/);
    expect(page).toMatch(/<mark>strategic<\/mark>/i);
    const trust = lexicon.entry('trust')!;
    const anchors = paragraphAnchors(trust).flat();
    const linked = [...page.matchAll(/<h2><a href="\/entries\/trust#([^"]+)"/g)].map((m) => m[1]);
    expect(linked.length).toBeGreaterThan(0);
    // A footnote found (search covers footnotes) links to the note itself.
    const notes = trust.footnotes.map((footnote) => `fn-${footnote.number}`);
    for (const anchor of linked) expect([...anchors, ...notes]).toContain(anchor);
  });

  it('escape what the reader typed, and say so when nothing matches', async () => {
    const page = (await get(room.link('/search') + '&q=' + encodeURIComponent('<script>zzzqqq</script>'))).body;
    expect(page).not.toContain('<script>zzzqqq');
    expect(page).toContain('&lt;script&gt;');
    expect(page).toContain('Nothing found for');
  });

  it('answer 404 for an unknown entry, with the caveat and no stack trace', async () => {
    const page = await get(room.link('/entries/no-such-entry'));
    expect(page.status).toBe(404);
    expect(page.body).toContain('No such page');
    const odd = await get(room.link('/entries/%3Cx%3E'));
    expect(odd.status).toBe(404);
  });

  it('serve every page without a token when access is open', async () => {
    const open = await serveReadingRoom({ access: 'open' });
    try {
      const page = await get(`${open.base}/entries/empathy`);
      expect(page.status).toBe(200);
      expect(page.headers.get('x-robots-tag')).toContain('noindex');
    } finally {
      await open.server.close();
    }
  });
});
