/**
 * Answers over the real lexicon for what people actually ask: the document's own glossary, the
 * whole text read section by section, plain-word questions, borrowed definitions attributed, and
 * concepts the document distinguishes kept apart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/core/lexicon.js';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import { answerTextLine, readTextLine } from '../../src/core/text-request.js';
import { readQuestion } from '../../src/core/question.js';
import { dispatcher } from '../../src/dispatcher.js';
import { blocksOf, citationsOf, translationsOf, type Reply } from '../../src/core/reply.js';
import { proseText } from '../../src/core/reply-text.js';
import { allPages, ask, expectQuotesVerbatim } from './helpers.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

/** A reply's body as kind and plain text (our prose written as on the console). */
const partsOf = (reply: Reply) => reply.blocks.map((block) => (block.kind === 'text' ? { kind: 'text', text: proseText(block.text) } : block.kind === 'quote' || block.kind === 'heading' ? { kind: block.kind, text: block.text } : { kind: block.kind, text: '' }));
const quoteTexts = (reply: Reply) => blocksOf(reply, 'quote').map((block) => block.text);

describe('/define of a glossary term', () => {
  it('answers ARF with the sentence that spells it out, verbatim, its piece, author and footnotes, and an offer to read on', () => {
    const reply = ask(lexicon, 'define ARF');
    expect(reply.kind).toBe('definition');
    expect(reply.title).toBe('ARF — ASEAN Regional Forum');
    expect(reply.subtitle).toBe('Jagaa Menduul · II.3 Trust');
    expect(quoteTexts(reply)[0]).toContain('ASEAN Regional Forum (ARF), Shanghai Cooperation Organization (SCO)');
    expect(citationsOf(reply).map((c) => c.number)).toEqual([29]);
    expect(reply.actions.find((a) => a.request.command === 'read')?.request.options).toEqual({ entry: 'trust', section: 'intro' });
    expectQuotesVerbatim([reply], [lexicon.entry('trust')!]);
  });

  it('attributes a definition the author quotes: the OED’s empathy in 5A', () => {
    const reply = ask(lexicon, 'define empathy@empathy');
    expect(partsOf(reply)[0]).toEqual({ kind: 'text', text: 'David A. Welch, quoting the Oxford English Dictionary:' });
    const section = ask(lexicon, 'read empathy Trust');
    const note = partsOf(section).findIndex((p) => p.kind === 'text' && p.text === 'David A. Welch, quoting the Oxford English Dictionary:');
    expect(note).toBeGreaterThan(-1);
    expect(partsOf(section)[note + 1]).toMatchObject({ kind: 'quote', text: expect.stringContaining('The OED defines trust as') });
  });

  it('keeps TBMs and confidence-building measures apart: compare never calls them one entry', () => {
    const reply = ask(lexicon, 'compare TBMs CBMs');
    expect(reply.kind).toBe('comparison');
    expect(JSON.stringify(partsOf(reply))).not.toContain('Both terms name the same entry');
    expect(reply.title).toContain('CBMs');
    expect(ask(lexicon, 'define CBMs').title).toMatch(/^CBMs — confidence/i);
  });

  it('labels a word the text uses but never defines, with the passages that use it', () => {
    const reply = ask(lexicon, 'define Shangrila Dialogue');
    expect(reply.kind).toBe('lookup');
    expect(reply.title).toBe('“Shangrila Dialogue”: no entry of that name');
    expect(blocksOf(reply, 'results')[0]?.results[0]?.entryId).toBe('trust-building-measures');
  });

  it('says honestly when the document does not discuss a word', () => {
    const reply = ask(lexicon, 'define blockchain');
    expect(reply.kind).toBe('no-match');
    expect(partsOf(reply)[0]).toMatchObject({ text: expect.stringContaining('does not discuss “blockchain”') });
    // The reply contract: a no-match always offers entries to try (the first ones when nothing is near).
    expect(blocksOf(reply, 'suggestions')[0]?.suggestions.length).toBeGreaterThan(0);
  });

  it('says how it read a query that rests on less than all of it', () => {
    const reply = ask(lexicon, 'define empathey');
    expect(partsOf(reply)[0]).toEqual({ kind: 'text', text: 'Read “empathey” as Empathy (as the closest name in the lexicon).' });
  });

  it('answers a rendering typed in its script with the table row that records it (new and old forms alike)', () => {
    for (const form of ['信賴', '信頼', '信赖']) {
      const reply = ask(lexicon, `define ${form}`);
      expect(reply.kind, form).toBe('translation');
      expect(translationsOf(reply).map((t) => [t.text, t.concept])).toEqual([['信賴', 'trust']]);
      expect(reply.entryId).toBe('empathy');
    }
  });
});

describe('/read', () => {
  it('reaches every paragraph of every piece, verbatim, section by section', () => {
    for (const entry of lexicon.entries) {
      for (const section of entry.sections) {
        const pages = allPages(lexicon, `read ${entry.id} ${section.id}`);
        expectQuotesVerbatim(pages, [entry]);
        const quoted = pages.flatMap(quoteTexts).join('\n');
        expect(quoted.length, `${entry.id}/${section.id}`).toBeGreaterThan(section.paragraphs.join('').length * 0.8);
      }
    }
  });

  it('reads the New Model piece from its start, citing footnotes 117–126 across its pages', () => {
    const pages = allPages(lexicon, 'read new-model-of-major-power-relations');
    const cited = new Set(pages.flatMap((page) => citationsOf(page).map((c) => c.number)));
    for (let n = 117; n <= 126; n++) expect(cited.has(n), String(n)).toBe(true);
    expect(pages[0]!.actions.some((a) => a.kind === 'next')).toBe(true);
  });

  it('finds a section by a table caption and offers the next section', () => {
    const pages = allPages(lexicon, 'read consociational-security-order "Table 1"');
    expect(pages.some((page) => blocksOf(page, 'table').some((table) => table.caption.includes('Security Orders')))).toBe(true);
    const overview = ask(lexicon, 'read trust');
    expect(overview.actions.some((a) => a.label.startsWith('Next piece: Trust-Building Measures'))).toBe(true);
  });
});

describe('questions in plain words', () => {
  it.each([
    ['what is ARF', 'define', { term: 'ARF' }],
    ['What does NCI stand for?', 'define', { term: 'NCI' }],
    ['meaning of empathy please', 'define', { term: 'empathy' }],
    ['trust in Japanese', 'translate', { term: 'trust', language: 'ja' }],
    ['how do you say empathy in Korean?', 'translate', { term: 'empathy', language: 'ko' }],
    ['difference between trust and confidence', 'compare', { first: 'trust', second: 'confidence' }],
    ['TBMs vs CBMs', 'compare', { first: 'TBMs', second: 'CBMs' }],
    ['who wrote the piece on reassurance', 'define', { term: 'reassurance' }],
    ['Where does the document discuss the South China Sea?', 'search', { query: 'South China Sea' }],
    ['why did the workshop meet in Shanghai after the leadership changes in China', 'search', { query: 'why did the workshop meet in Shanghai after the leadership changes in China' }],
  ])('reads “%s” as /%s', (line, command, options) => {
    expect(readQuestion(line)).toEqual({ command, options });
  });

  it('shows the command it ran, and falls back to search rather than "unknown command"', () => {
    const reply = answerTextLine(dispatcher, lexicon, 'what does GRIT stand for?');
    expect(partsOf(reply)[0]).toEqual({ kind: 'text', text: 'Answered with /define GRIT' });
    expect(reply.title).toBe('GRIT — Gradual Reciprocation in Tension Reduction');
    const sentence = answerTextLine(dispatcher, lexicon, 'tell me how the Canada China seminar shaped regional discussions for a decade');
    expect(sentence.kind).not.toBe('usage-error');
    expect(sentence.request.command).toBe('search');
  });

  it('keeps commands typed as commands, without a trailing please or question mark', () => {
    expect(readTextLine(dispatcher, '/define trust please')).toEqual({ request: { command: 'define', options: { term: 'trust' } } });
    expect(readTextLine(dispatcher, 'search Przystup?')).toEqual({ request: { command: 'search', options: { query: 'Przystup' } } });
  });
});

describe('autocomplete and type-ahead', () => {
  it('offer glossary terms beside the entries, by an address that replays the glossary answer', () => {
    const offered = lexicon.search.suggest('ARF', 10);
    const glossary = offered.find((match) => match.glossaryTerm === 'ARF');
    expect(glossary?.label).toBe('ARF (ASEAN Regional Forum) · in Trust');
    expect(ask(lexicon, 'define trust@arf').title).toBe('ARF — ASEAN Regional Forum');
  });
});

describe('small defects', () => {
  it('cites the overview as “Chen and Evans.” (Chicago) and “Chen & Evans.” (APA), inverted names keeping their comma', async () => {
    const { apaCitation, chicagoCitation } = await import('../../src/core/citation-styles.js');
    const overview = lexicon.entry('cooperative-security-2-0')!;
    expect(chicagoCitation(overview)).toMatch(/^Chen and Evans\. /);
    expect(apaCitation(overview)).toMatch(/^Chen & Evans\. /);
    expect(chicagoCitation({ ...overview, authors: ['David A. Welch', 'Paul Evans'] })).toMatch(/^Welch, David A\., and Paul Evans\. /);
  });

  it('agrees in number: one rendering shown with its source, one footnote with its link', () => {
    const one = ask(lexicon, 'translate trust ja');
    expect(JSON.stringify(partsOf(one))).toContain('one rendering of “trust”, shown with where it is recorded');
    const ja = ask(lexicon, 'translate empathy ja');
    expect(JSON.stringify(partsOf(ja))).not.toContain('one rendering');
    const single = ask(lexicon, 'cite self-restraint/intro');
    expect(JSON.stringify(partsOf(single))).not.toMatch(/one footnote[^"]*their links/);
  });
});
