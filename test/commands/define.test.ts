import { describe, expect, it } from 'vitest';
import { suggestionActions } from '../../src/core/entry-views.js';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import { renderedMarkers } from '../../src/core/render-text.js';
import { fixtureEntries, fixtureLexicon } from '../fixtures/lexicon.js';
import { allPages, ask, expectQuotesVerbatim, partsOf, citationsOf, translationsOf, suggestionsOf, seeAlsoOf } from './helpers.js';

describe('/define', () => {
  it('quotes the lead first, then the rest of its section from where the lead ends', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    expect(reply.kind).toBe('definition');
    expect(reply.entryId).toBe('empathy');
    expect(partsOf(reply).map((part) => part.kind)).toEqual(['quote', 'quote', 'quote']);
    // Each quote knows its paragraph: the reading room's link lands on it.
    expect(partsOf(reply)[0]).toEqual({ kind: 'quote', text: 'Empathy is the capacity to see the world from another’s perspective.', place: { entryId: 'empathy', sectionId: 'empathy', paragraphIndex: 1 } });
    expect(partsOf(reply)[1]).toEqual({
      kind: 'quote',
      text: 'Importantly, the definition says nothing about sharing that perspective.⁵⁷ Trust is different.',
      highlights: [[47, 54]],
      place: { entryId: 'empathy', sectionId: 'empathy', paragraphIndex: 1 },
    });
    expect(partsOf(reply)[2]).toMatchObject({ text: 'Constraining the definition of empathy is useful because it is precise.⁵⁸' });
  });

  it('cites exactly the footnotes whose markers occur in what it quotes', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    const quoted = partsOf(reply).flatMap((part) => (part.kind === 'quote' ? renderedMarkers(part.text) : []));
    expect(citationsOf(reply).map((c) => c.number)).toEqual(quoted);
    expect(citationsOf(reply).map((c) => c.number)).toEqual([57, 58]);
    expect(citationsOf(reply)[1]).toEqual({
      number: 58,
      text: 'James G. Blight, http://www.errolmorris.com/film/fow.html.',
      urls: ['http://www.errolmorris.com/film/fow.html'],
      entryId: 'empathy',
    });
  });

  it('names the author and the piece, and carries the document’s caveat', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    expect(reply.subtitle).toBe('David A. Welch · II.5A Empathy, Part I: Defining Confidence, Trust, Empathy');
    expect(reply.notice).toBe(SOURCE_CAVEAT);
  });

  it('shows the translations of the term defined, not of the other concepts its entry records', () => {
    const reply = ask(fixtureLexicon(), 'define empathy');
    expect(translationsOf(reply).map((t) => [t.concept, t.language, t.text])).toEqual([
      ['empathy', 'zh', '同理心'],
      ['empathy', 'ja', '共感'],
    ]);
    expect(translationsOf(reply)[0]?.source.label).toContain('David A. Welch');
  });

  it('answers a section as the section, with translations gathered from every entry that records them', () => {
    const reply = ask(fixtureLexicon(), 'define confidence');
    expect(reply.entryId).toBe('empathy');
    expect(reply.sectionId).toBe('confidence');
    expect(reply.title).toBe('Empathy › Confidence');
    expect(partsOf(reply)).toHaveLength(3);
    expect(partsOf(reply)[1]).toEqual({
      kind: 'quote',
      text: 'The mental attitude of trusting in or relying on a person or thing.',
      highlights: [[0, 67]],
      place: { entryId: 'empathy', sectionId: 'confidence', paragraphIndex: 1 },
    });
    expect(translationsOf(reply).map((t) => t.text ?? t.romanization)).toEqual(['xinren', '信心', '自信']);
    expect(citationsOf(reply).map((c) => c.number)).toEqual([51]);
  });

  it('offers share (replaying the resolved entry), sources and related entries', () => {
    const reply = ask(fixtureLexicon(), 'define Confidence');
    expect(reply.actions).toEqual([
      { kind: 'share', label: 'Share', request: { command: 'define', options: { term: 'empathy/confidence' } } },
      { kind: 'sources', label: 'Sources', request: { command: 'define', options: { term: 'empathy/confidence' } } },
    ]);
    expect(reply.request).toEqual({ command: 'define', options: { term: 'empathy/confidence' } });
    expect(seeAlsoOf(ask(fixtureLexicon(), 'define empathy'))).toEqual([{ entryId: 'trust', label: 'Trust' }]);
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
    expect(suggestionsOf(reply).map((s) => s.entryId)).toEqual(['trust', 'empathy']);
    expect(suggestionsOf(reply)).toEqual([
      { entryId: 'trust', label: 'Trust' },
      { entryId: 'empathy', sectionId: 'trust', label: 'Empathy › Trust' },
    ]);
    const block = reply.blocks.find((b) => b.kind === 'suggestions');
    expect(block?.kind === 'suggestions' ? suggestionActions(block).map((a) => a.request) : []).toEqual([
      { command: 'define', options: { term: 'trust' } },
      { command: 'define', options: { term: 'empathy/trust' } },
    ]);
  });

  it('answers a typo with the entry when one name is that close', () => {
    expect(ask(fixtureLexicon(), 'define empathey').entryId).toBe('empathy');
  });

  it('answers no match with "did you mean" suggestions and buttons', () => {
    const reply = ask(fixtureLexicon(), 'define zyzzyva qwerty');
    expect(reply.kind).toBe('no-match');
    expect(reply.entryId).toBeNull();
    expect(suggestionsOf(reply).length).toBeGreaterThan(0);
    expect(reply.blocks.find((b) => b.kind === 'suggestions')).toMatchObject({ command: 'define' });
    expect(reply.title).toBe('No entry matches “zyzzyva qwerty”');
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
      const quoted = partsOf(page).flatMap((part) => (part.kind === 'quote' ? renderedMarkers(part.text) : []));
      expect(citationsOf(page).map((c) => c.number)).toEqual(quoted);
      expect(page.title).toBe('Reassurance › Practical Challenges of Reassurance Strategies in East Asian Waters');
    }
    expect(pages.flatMap((page) => citationsOf(page).map((c) => c.number))).toEqual([20, 21]);
  });
});
