/**
 * The commands over the real lexicon: entries/*.md loaded by the real loader, searched by the real
 * index. These hold the answers to the document, not to a fixture.
 */
import { blocksOf } from '../../src/core/reply.js';
import { proseText } from '../../src/core/reply-text.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/core/lexicon.js';
import type { Reply } from '../../src/core/reply.js';
import { FIRST_DEFINITION_PAGE_BUDGET } from '../../src/core/paginate.js';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import { dispatcher } from '../../src/dispatcher.js';
import { decodeActionState, encodeActionState, MAX_ACTION_STATE_LENGTH } from '../../src/core/action-state.js';
import { rawMarkers, renderedMarkers } from '../../src/core/render-text.js';
import { allPages, ask, expectQuotesVerbatim, partsOf, citationsOf, translationsOf, resultsOf, suggestionsOf } from './helpers.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

function quotedMarkers(reply: Reply): number[] {
  return partsOf(reply).flatMap((part) => (part.kind === 'quote' ? renderedMarkers(part.text) : []));
}

describe('define over the real lexicon', () => {
  it('quotes the Empathy section’s lead verbatim and cites exactly its markers', () => {
    const empathy = lexicon.entry('empathy')!;
    const reply = ask(lexicon, 'define empathy');
    expect(reply.entryId).toBe('empathy');
    expect(partsOf(reply)[0]).toMatchObject({ kind: 'quote', text: 'Empathy is the capacity to see the world from another’s perspective.', place: { entryId: 'empathy', sectionId: 'empathy' } });
    expect(empathy.lead).toEqual({ section: 'empathy', text: 'Empathy is the capacity to see the world from another’s perspective.' });
    expect(citationsOf(reply).map((c) => c.number)).toEqual(quotedMarkers(reply));
    // A quick-lookup first page (lead and what follows, within FIRST_DEFINITION_PAGE_BUDGET); the section's
    // other footnotes come with the pages that quote them.
    expect(citationsOf(reply).map((c) => c.number)).toEqual([57]);
    expect(partsOf(reply).reduce((sum, part) => sum + ('text' in part ? part.text.length : 0), 0)).toBeLessThanOrEqual(FIRST_DEFINITION_PAGE_BUDGET);
    const page2 = ask(lexicon, 'define empathy', 2);
    expect(citationsOf(page2).map((c) => c.number)).toEqual([58, 59]);
    expect(citationsOf(reply)[0]?.urls).toContain('http://davidwelch.ca/2013/the-case-against-the-case-against-empathy/');
    expect(reply.subtitle).toBe('David A. Welch · II.5A Empathy, Part I: Defining Confidence, Trust, Empathy');
    expect(translationsOf(reply).map((t) => t.text)).toEqual(expect.arrayContaining(['同理心', '共感', '공감']));
    expect(reply.notice).toBe(SOURCE_CAVEAT);
  });

  it('answers a sub-term with its section: confidence is Welch’s Confidence section', () => {
    const reply = ask(lexicon, 'define confidence');
    expect([reply.entryId, reply.sectionId]).toEqual(['empathy', 'confidence']);
    expect(translationsOf(reply).map((t) => t.text ?? t.romanization)).toEqual(expect.arrayContaining(['信心', 'xinren', '自信', '확신']));
  });

  it('never paraphrases: every quote of every entry and every section is verbatim, on every page', () => {
    for (const entry of lexicon.entries) {
      const pages = allPages(lexicon, `define ${entry.id}`);
      expectQuotesVerbatim(pages, [entry]);
      for (const page of pages) expect(citationsOf(page).map((c) => c.number)).toEqual(quotedMarkers(page));
      for (const section of entry.sections) expectQuotesVerbatim(allPages(lexicon, `define ${entry.id}/${section.id}`), [entry]);
    }
  });

  it('shows a section’s table as data after its text: the 5A translation appendix', () => {
    const pages = allPages(lexicon, 'define empathy/confidence-trust-and-empathy-connections-and-pathways');
    const tables = pages.flatMap((page) => partsOf(page).filter((part) => part.kind === 'table'));
    expect(tables).toHaveLength(1);
    const table = tables[0];
    if (table?.kind !== 'table') throw new Error('no table');
    expect(table.caption).toContain('Candidate translations');
    expect(table.columns).toEqual(['Concept', 'English', 'Mandarin', 'Japanese', 'Korean']);
    expect(table.rows.map((row) => row[1])).toEqual(['Confidence', 'Trust', 'Empathy']);
    expect(table.rows[1]?.[2]).toBe('信任 (XinRen)');
  });

  it('finds typos, acronyms, aliases and CJK terms', () => {
    expect(ask(lexicon, 'define empathey').entryId).toBe('empathy');
    expect(ask(lexicon, 'define CSO').entryId).toBe('consociational-security-order');
    expect(ask(lexicon, 'define TBMs').entryId).toBe('trust-building-measures');
    expect(ask(lexicon, 'define 同理心').entryId).toBe('empathy');
  });
});

describe('translate over the real lexicon', () => {
  it('gathers trust from the 5A appendix and footnote 28, each with its source', () => {
    const reply = ask(lexicon, 'translate trust');
    const xinren = translationsOf(reply).find((t) => t.text === '信任');
    expect(xinren).toMatchObject({ language: 'zh', romanization: 'XinRen', entryId: 'empathy' });
    expect(xinren?.source.label).toContain('David A. Welch');
    const xinlai = translationsOf(reply).find((t) => t.romanization === 'xinlai');
    expect(xinlai).toMatchObject({ language: 'zh', entryId: 'trust' });
    expect(xinlai?.source.footnote).toBe(28);
    expect(translationsOf(reply).map((t) => t.language)).toEqual(expect.arrayContaining(['zh', 'ja', 'ko']));
  });

  it('gathers confidence from the appendix and footnote 28’s xinren', () => {
    const reply = ask(lexicon, 'translate confidence');
    expect(translationsOf(reply).map((t) => t.text ?? t.romanization)).toEqual(expect.arrayContaining(['信心', 'xinren']));
  });

  it('gives the four Chinese renderings of CSO with pinyin and glosses, by Jiang Wenran', () => {
    const reply = ask(lexicon, 'translate CSO');
    const texts = translationsOf(reply).map((t) => t.text);
    expect(texts).toContain('协和安全机制');
    expect(translationsOf(reply)).toHaveLength(4);
    expect(translationsOf(reply).every((t) => t.language === 'zh' && t.romanization && t.glosses && t.source.by === 'Jiang Wenran')).toBe(true);
    expect(ask(lexicon, 'translate xiehe anquan jizhi').title).toBe(reply.title);
  });

  it('says plainly when the document records no translation', () => {
    const reply = ask(lexicon, 'translate trust-building measures');
    expect(translationsOf(reply)).toEqual([]);
    expect(partsOf(reply)[0]).toMatchObject({ kind: 'text', text: expect.stringContaining('The document records no translation for “Trust-Building Measures”.') });
  });
});

describe('cite, compare, search and entries over the real lexicon', () => {
  it('cites footnote 28 in Trust, and points from Self-Restraint to Trust for footnote 30', () => {
    const reply = ask(lexicon, 'cite trust 28');
    expect(citationsOf(reply).map((c) => [c.number, c.entryId])).toEqual([[28, 'trust']]);
    expect(citationsOf(reply)[0]?.text).toContain('xinlai');
    expect(reply.notice).toBe(SOURCE_CAVEAT);
    const elsewhere = ask(lexicon, 'cite self-restraint 30');
    expect(partsOf(elsewhere)[0]).toMatchObject({ text: expect.stringContaining('Footnote 30 is not in Self-Restraint; it is cited in Trust') });
  });

  it('lists all of an entry’s footnotes over its pages, each once', () => {
    const pages = allPages(lexicon, 'cite empathy');
    const numbers = pages.flatMap((page) => citationsOf(page).map((c) => c.number));
    expect(numbers).toEqual(lexicon.entry('empathy')!.footnotes.map((f) => f.number));
  });

  it('compares confidence and trust as Welch’s two sections, verbatim', () => {
    const reply = ask(lexicon, 'compare confidence trust');
    expect(reply.request.options).toEqual({ first: 'empathy/confidence', second: 'empathy/trust' });
    expect(partsOf(reply).filter((p) => p.kind === 'heading').map((p) => ('text' in p ? p.text : ''))).toEqual([
      'Empathy › Confidence — David A. Welch',
      'Empathy › Trust — David A. Welch',
    ]);
    const trust = partsOf(reply).find((p) => p.kind === 'quote' && p.text.startsWith('The OED defines trust'));
    expect(trust).toBeDefined();
    expectQuotesVerbatim([reply], [lexicon.entry('empathy')!]);
  });

  it('finds passages with their entry, author and the query words marked', () => {
    const reply = ask(lexicon, 'search south china sea');
    expect(resultsOf(reply)?.length).toBeGreaterThan(0);
    for (const result of resultsOf(reply) ?? []) {
      expect(result.authors.length).toBeGreaterThan(0);
      const marked = result.highlights.map(([s, e]) => result.excerpt.slice(s, e).toLowerCase());
      expect(marked.some((word) => ['south', 'china', 'sea'].some((q) => word.includes(q)))).toBe(true);
    }
  });

  it('lists all thirteen entries in three groups', () => {
    const reply = ask(lexicon, 'entries');
    expect(partsOf(reply).filter((p) => p.kind === 'heading').map((p) => ('text' in p ? p.text : ''))).toEqual([
      'Overview',
      'Canadian Contributions',
      'Chinese Contributions',
    ]);
    const lines = partsOf(reply).flatMap((p) => (p.kind === 'text' ? p.text.split('\n') : [])).filter((line) => line.includes(' — '));
    expect(lines).toHaveLength(13);
    expect(lines).toContain('II.5A Empathy — David A. Welch');
    expect(lines[0]).toMatch(/^I\. /);
  });

  it('cites in every entry only footnotes it holds, and its sections’ markers are its own', () => {
    for (const entry of lexicon.entries) {
      const own = new Set(entry.footnotes.map((f) => f.number));
      for (const section of entry.sections) for (const n of rawMarkers(section.paragraphs.join(' '))) expect(own.has(n)).toBe(true);
    }
  });
});

describe('buttons over the real lexicon', () => {
  it('every action of every reply fits a button and replays without a usage error', () => {
    const lines = lexicon.entries.flatMap((entry) => [
      `define ${entry.id}`,
      `cite ${entry.id}`,
      ...entry.sections.map((s) => `define ${entry.id}/${s.id}`),
    ]);
    lines.push('translate trust', 'translate xinren', 'search south china sea', 'compare confidence trust', 'define wibble', 'entries', 'help');
    lines.push(`compare ${lexicon.entries.at(-1)!.id}/${lexicon.entries.at(-1)!.sections.at(-1)!.id} maritime-cooperation-roadmap/phase-2-building-functional-cooperation-at-sea`);
    for (const line of lines) {
      for (const reply of allPages(lexicon, line)) {
        for (const action of reply.actions) {
          const state = encodeActionState(action);
          expect(state.length).toBeLessThanOrEqual(MAX_ACTION_STATE_LENGTH);
          const replayed = dispatcher.dispatch(lexicon, decodeActionState(state)!.request);
          expect(replayed.kind, `${line} → ${action.kind}`).not.toBe('usage-error');
          expect(replayed.kind, `${line} → ${action.kind}`).not.toBe('no-match');
        }
      }
    }
  });
});

describe('bad input over the real lexicon', () => {
  const inputs = [
    '',
    ' ',
    'x'.repeat(10_000),
    'trust\u0000\u0007\u001b',
    '?!...;;',
    '🤝🕊️',
    '😀 empathy',
    'trust 信任 신뢰 共感',
    '<script>alert(1)</script>',
    '@everyone',
    '<!channel>',
    '\u202eytpme',
  ];

  it.each(['define', 'translate', 'cite', 'search', 'compare'])('%s answers every bad input helpfully and fast', (command) => {
    for (const input of inputs) {
      const options = command === 'search' ? { query: input } : command === 'compare' ? { first: input, second: 'trust' } : { term: input };
      const started = performance.now();
      const reply = dispatcher.dispatch(lexicon, { command, options });
      const elapsed = performance.now() - started;
      expect(elapsed, JSON.stringify(input.slice(0, 20))).toBeLessThan(1000);
      const text = JSON.stringify([reply.title, partsOf(reply)]);
      // eslint-disable-next-line no-control-regex -- checking that no control character is echoed
      expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
      if (input.trim() === '' || input.length > 200) {
        expect(reply.kind).toBe('usage-error');
        expect(partsOf(reply)[0]).toMatchObject({ kind: 'text', text: expect.stringMatching(/Example: \//) });
      } else if (reply.kind === 'no-match') {
        expect(suggestionsOf(reply).length).toBeGreaterThan(0);
      } else {
        expect(reply.kind).not.toBe('usage-error');
      }
    }
  });
});

describe('search over the real lexicon', () => {
  it('finds a word printed only in a footnote, naming the footnote and the passage that carries its marker', () => {
    for (const [query, footnote] of [['xinlai', 28], ['Przystup', 33], ['CANCHIS', 28]] as const) {
      const reply = ask(lexicon, `search ${query}`);
      expect(reply.kind, query).toBe('search');
      expect(blocksOf(reply, 'results')[0]?.results[0]).toMatchObject({ entryId: 'trust', entryTitle: `Trust › footnote ${footnote}` });
      const carrier = blocksOf(reply, 'text').find((block) => proseText(block.text).startsWith(`Footnote ${footnote} is cited in`));
      expect(carrier, query).toBeDefined();
      expect(citationsOf(reply).map((c) => c.number)).toContain(footnote);
    }
  });
});

