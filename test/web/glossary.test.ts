import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { createLexicon } from '../../src/core/load-lexicon.js';
import { paragraphAnchor } from '../../src/core/anchors.js';
import { createWebApp, readingRoomUrl } from '../../src/web/index.js';
import { realLexicon, testSettings } from './helpers.js';

/** The real lexicon with glossary items replaced: `items` for trust, none elsewhere. */
async function lexiconWithGlossary(items: Entry['glossary']) {
  const real = await realLexicon();
  const entries = real.entries.map((entry) => {
    const copy: Entry = { ...entry, glossary: entry.id === 'trust' ? items : [] };
    return copy;
  });
  return createLexicon(entries, real.search);
}

async function get(lexicon: Awaited<ReturnType<typeof lexiconWithGlossary>>, path: string) {
  const settings = testSettings({ publicUrl: 'http://reading.test' });
  const app = createWebApp({ lexicon, settings });
  const response = await app.request(readingRoomUrl(settings, path));
  return { status: response.status, body: await response.text() };
}

describe('the glossary page', () => {
  it('appears, linked from home, when entries carry the document’s glossary: each item verbatim, linked to where it is written', async () => {
    const lexicon = await lexiconWithGlossary([
      {
        term: 'ARF',
        kind: 'acronym',
        longForm: 'ASEAN Regional Forum',
        section: 'intro',
        paragraph: 3,
        text: 'The term “mutual trust” is frequently used in the ASEAN Regional Forum (ARF), Shanghai Cooperation Organization (SCO), and the Conference on Interaction and Cooperation and Confidence Building Measures in Asia (CICA), but rarely found in the documents or discourse of ASEAN itself.[^29]',
        footnotes: [29],
        review: 'accepted',
      },
    ]);
    const home = await get(lexicon, '/');
    expect(home.body).toContain('href="/glossary"');
    const page = await get(lexicon, '/glossary');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<dfn>ARF</dfn> <span class="meta">(ASEAN Regional Forum)</span>');
    expect(page.body).toContain('rarely found in the documents or discourse of ASEAN itself.<sup class="fnref"><a href="/entries/trust#fn-29"');
    const anchor = paragraphAnchor(lexicon.entry('trust')!, 'intro', 3);
    expect(page.body).toContain(`<a href="/entries/trust#${anchor}" lang="en">Trust</a> · Jagaa Menduul`);
  });

  it('is absent when no entry carries a glossary', async () => {
    const lexicon = await lexiconWithGlossary([]);
    expect((await get(lexicon, '/')).body).not.toContain('href="/glossary"');
    expect((await get(lexicon, '/glossary')).status).toBe(404);
  });
});
