import { describe, expect, it } from 'vitest';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import { renderedMarkers } from '../../src/core/render-text.js';
import { fixtureEntries, fixtureLexicon } from '../fixtures/lexicon.js';
import { allPages, ask, expectQuotesVerbatim } from './helpers.js';

describe('/define', () => {
  it('quotes the lead first, then the rest of its section from where the lead ends', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    expect(reply.kind).toBe('definition');
    expect(reply.entryId).toBe('empathy');
    expect(reply.parts.map((part) => part.kind)).toEqual(['quote', 'quote', 'quote']);
    expect(reply.parts[0]).toEqual({ kind: 'quote', text: 'Empathy is the capacity to see the world from another’s perspective.' });
    expect(reply.parts[1]).toEqual({
      kind: 'quote',
      text: 'Importantly, the definition says nothing about sharing that perspective.⁵⁷ Trust is different.',
      highlights: [[47, 54]],
    });
    expect(reply.parts[2]).toMatchObject({ text: 'Constraining the definition of empathy is useful because it is precise.⁵⁸' });
  });

  it('cites exactly the footnotes whose markers occur in what it quotes', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    const quoted = reply.parts.flatMap((part) => (part.kind === 'quote' ? renderedMarkers(part.text) : []));
    expect(reply.citations.map((c) => c.number)).toEqual(quoted);
    expect(reply.citations.map((c) => c.number)).toEqual([57, 58]);
    expect(reply.citations[1]).toEqual({
      number: 58,
      text: 'James G. Blight, http://www.errolmorris.com/film/fow.html.',
      urls: ['http://www.errolmorris.com/film/fow.html'],
      entryId: 'empathy',
    });
  });

  it('names the author and the piece, and carries the document’s caveat', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    expect(reply.fields).toEqual([
      { name: 'Author', value: 'David A. Welch', inline: true },
      { name: 'Piece', value: 'II.5A Empathy, Part I: Defining Confidence, Trust, Empathy', inline: true },
    ]);
    expect(reply.subtitle).toBe('David A. Welch · II.5A Empathy, Part I: Defining Confidence, Trust, Empathy');
    expect(reply.notice).toBe(SOURCE_CAVEAT);
  });

  it('shows the translations of the term defined, not of the other concepts its entry records', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    expect(reply.translations.map((t) => [t.concept, t.language, t.text])).toEqual([
      ['empathy', 'zh', '同理心'],
      ['empathy', 'ja', '共感'],
    ]);
    expect(reply.translations[0]?.source).toContain('David A. Welch');
  });

  it('answers a section as the section, with translations gathered from every entry that records them', () => {
    const reply = ask(fixtureLexicon(), 'define confidence');
    expect(reply.entryId).toBe('empathy');
    expect(reply.sectionId).toBe('confidence');
    expect(reply.title).toBe('Empathy › Confidence');
    expect(reply.parts).toHaveLength(3);
    expect(reply.parts[1]).toEqual({
      kind: 'quote',
      text: 'The mental attitude of trusting in or relying on a person or thing.',
      highlights: [[0, 67]],
    });
    expect(reply.translations.map((t) => t.text ?? t.romanization)).toEqual(['xinren', '信心', '自信']);
    expect(reply.citations.map((c) => c.number)).toEqual([51]);
  });

  it('offers share (replaying the resolved entry), sources and related entries', () => {
    const reply = ask(fixtureLexicon(), 'define Confidence');
    expect(reply.actions).toEqual([
      { kind: 'share', label: 'Share', request: { command: 'define', options: { term: 'empathy/confidence' } } },
      { kind: 'sources', label: 'Sources', request: { command: 'define', options: { term: 'empathy/confidence' } } },
    ]);
    expect(reply.request).toEqual({ command: 'define', options: { term: 'empathy/confidence' } });
    expect(ask(fixtureLexicon(), 'define empathy').seeAlso).toEqual([{ entryId: 'trust', label: 'Trust' }]);
  });

  it('replays an exact reference as the same answer', () => {
    const lexicon = fixtureLexicon();
    const first = ask(lexicon, 'define confidence');
    expect(ask(lexicon, `define ${String(first.request.options.term)}`)).toEqual(first);
  });

  it('lists the entries when several match equally, with a define button for each', () => {
    const base = fixtureLexicon();
    const lexicon = {
      ...base,
      search: {
        ...base.search,
        resolveTerm: () => ({
          matches: [
            { entryId: 'trust', label: 'Trust', score: 1, exact: true, matchedOn: 'term' as const },
            { entryId: 'empathy', sectionId: 'trust', label: 'Empathy › Trust', score: 1, exact: true, matchedOn: 'section' as const },
          ],
          suggestions: [],
        }),
      },
    };
    const reply = ask(lexicon, 'define trust building');
    expect(reply.kind).toBe('lookup');
    expect(reply.suggestions).toEqual(['trust', 'empathy']);
    expect(reply.suggestionViews).toEqual([
      { entryId: 'trust', label: 'Trust' },
      { entryId: 'empathy', sectionId: 'trust', label: 'Empathy › Trust' },
    ]);
    expect(reply.actions.map((a) => a.request)).toEqual([
      { command: 'define', options: { term: 'trust' } },
      { command: 'define', options: { term: 'empathy/trust' } },
    ]);
  });

  it('answers a typo with the entry when one name is that close', () => {
    expect(ask(fixtureLexicon(), 'define empathey').entryId).toBe('empathy');
  });

  it('answers a term the document does not use honestly, offering only near suggestions (never the first entries)', () => {
    const reply = ask(fixtureLexicon(), 'define wibble wobble');
    expect(reply.kind).toBe('no-match');
    expect(reply.entryId).toBeNull();
    expect(reply.title).toBe('Not in the document: “wibble wobble”');
    expect(reply.parts[0]).toMatchObject({ text: expect.stringContaining('The document does not discuss “wibble wobble”') });
    expect(reply.suggestions).toEqual([]);
    expect(reply.actions).toEqual([]);
  });

  it('answers a word the text uses without an entry with the passages that use it, labelled as such', () => {
    const reply = ask(fixtureLexicon(), 'define benign intent');
    expect(reply.kind).toBe('lookup');
    expect(reply.title).toBe('“benign intent”: no entry of that name');
    expect(reply.parts[0]).toMatchObject({ text: expect.stringContaining('these passages of the document use it') });
    expect(reply.results?.[0]?.entryId).toBe('reassurance');
  });

  it('never paraphrases: every quote of every entry and section is a verbatim span of the text', () => {
    const lexicon = fixtureLexicon();
    for (const entry of fixtureEntries) {
      expectQuotesVerbatim(allPages(lexicon, `define ${entry.id}`), [entry]);
      for (const section of entry.sections) expectQuotesVerbatim(allPages(lexicon, `define ${entry.id}/${section.id}`), [entry]);
    }
  });

  it('pages a long section and cites on each page only what that page quotes', () => {
    const pages = allPages(fixtureLexicon(), 'define reassurance/practical-challenges-of-reassurance-strategies-in-east-asian-waters');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const quoted = page.parts.flatMap((part) => (part.kind === 'quote' ? renderedMarkers(part.text) : []));
      expect(page.citations.map((c) => c.number)).toEqual(quoted);
      expect(page.title).toBe('Reassurance › Practical Challenges of Reassurance Strategies in East Asian Waters');
    }
    expect(pages.flatMap((page) => page.citations.map((c) => c.number))).toEqual([20, 21]);
  });
});
