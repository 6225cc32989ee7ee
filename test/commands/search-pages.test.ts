/**
 * `/search` on the real lexicon: results page beyond the first five through the one button path,
 * every excerpt holds the words that made it match (even when they sit far apart in a long
 * paragraph), and a multi-word query ranks the passages holding its rarest word (or the whole
 * phrase) first.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { answerButton, OUT_OF_DATE } from '../../src/core/buttons.js';
import { encodeActionState } from '../../src/core/action-state.js';
import type { Reply, ReplyAction } from '../../src/core/reply.js';
import { renderText } from '../../src/core/render-text.js';
import { dispatcher } from '../../src/dispatcher.js';
import { queryTerms } from '../../src/search/tokenize.js';
import { MAX_EXCERPT_LENGTH } from '../../src/search/excerpt.js';
import { allPages, ask, resultsOf } from './helpers.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

/** A click on a private answer's button, answered by the one button path. */
function click(action: ReplyAction | undefined, state = action ? encodeActionState(action) : ''): ReturnType<typeof answerButton> {
  return answerButton(dispatcher, lexicon, { state, clickerId: 'U1', message: { visibility: 'private' } });
}

function replyOf(answer: ReturnType<typeof answerButton>): Reply {
  if (answer.action === 'notice') throw new Error('the button is out of date');
  return answer.reply;
}

/** The rendered text of every paragraph and footnote of the lexicon. */
function renderedPassages(): string[] {
  return lexicon.entries.flatMap((entry) => [
    ...entry.sections.flatMap((section) => section.paragraphs.map((p) => renderText(p).text)),
    ...entry.footnotes.map((f) => renderText(f.text).text),
  ]);
}

describe('search pages beyond the first five', () => {
  it('shows five passages a page, and Next (through the one button path) shows the next five, none repeated', () => {
    const first = ask(lexicon, 'search trust');
    expect(first.page.count).toBeGreaterThan(2);
    expect(resultsOf(first)).toHaveLength(5);
    const seen = new Set(resultsOf(first).map((r) => `${r.entryTitle}|${r.excerpt}`));
    let page = first;
    while (page.page.index < page.page.count) {
      const next = page.actions.find((action) => action.kind === 'next');
      expect(next?.request).toEqual({ command: 'search', options: { query: 'trust' }, page: page.page.index + 1 });
      page = replyOf(click(next));
      expect(page.page.index).toBe(next!.request.page);
      const results = resultsOf(page);
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThanOrEqual(5);
      for (const result of results) {
        const key = `${result.entryTitle}|${result.excerpt}`;
        expect(seen.has(key), key).toBe(false);
        seen.add(key);
      }
    }
    expect(seen.size).toBeGreaterThan(10);
    // Prev brings the first page back exactly.
    const back = replyOf(click(allPages(lexicon, 'search trust')[1]!.actions.find((action) => action.kind === 'prev')));
    expect(back.blocks).toEqual(first.blocks);
  });

  it('cites on each page only the footnotes its excerpts carry', () => {
    for (const page of allPages(lexicon, 'search confidence building')) {
      const shown = new Set(resultsOf(page).flatMap((r) => [...r.excerpt.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)].map((m) => m[0])));
      const cited = page.blocks.flatMap((b) => (b.kind === 'citations' ? b.citations : []));
      expect(cited.length).toBeLessThanOrEqual(shown.size + page.blocks.filter((b) => b.kind === 'quote').length);
    }
  });

  it('tells the clicker a page button is out of date when its state is tampered with or the page is gone', () => {
    const next = ask(lexicon, 'search trust').actions.find((action) => action.kind === 'next')!;
    const good = encodeActionState(next);
    expect(click(undefined, good.replace('"next"', '"explode"'))).toEqual({ action: 'notice', text: OUT_OF_DATE });
    expect(click(undefined, good.replace(/,2\]$/, ',"2"]'))).toEqual({ action: 'notice', text: OUT_OF_DATE });
    expect(click(undefined, good.replace(/,2\]$/, ',0]'))).toEqual({ action: 'notice', text: OUT_OF_DATE });
    expect(click(undefined, good.replace(/,2\]$/, ',99]'))).toEqual({ action: 'notice', text: OUT_OF_DATE });
    expect(click(undefined, '{not json')).toEqual({ action: 'notice', text: OUT_OF_DATE });
  });
});

describe('search excerpts hold the words that made them match', () => {
  // Pairs of words from long paragraphs of the document, hundreds of characters apart.
  const FAR_APART = ['Australasia Washington', 'Lieberthal curiously', 'Caribbean Nicaragua', 'Jinping Shenzhen', 'Copenhagen dominant', 'historically Zealand'];

  it.each(FAR_APART)('%s: every passage holding both words shows both, verbatim, within the length limit', (query) => {
    const terms = queryTerms(query);
    const passages = renderedPassages();
    const results = allPages(lexicon, `search ${query}`).flatMap(resultsOf);
    const holdingBoth = results.filter((result) => {
      const marked = new Set(result.highlights.flatMap(([s, e]) => queryTerms(result.excerpt.slice(s, e))));
      return terms.every((term) => marked.has(term));
    });
    expect(holdingBoth.length, JSON.stringify(results.map((r) => r.excerpt))).toBeGreaterThan(0);
    for (const result of results) {
      // Each piece between the cuts is a verbatim piece of one passage of the document.
      const pieces = result.excerpt.split(' … ').map((piece) => piece.replace(/^…|…$/g, ''));
      const source = passages.find((text) => pieces.every((piece) => text.includes(piece)));
      expect(source, result.excerpt).toBeDefined();
      expect(result.excerpt.length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH + 10);
      // A passage that holds both words shows both.
      if (terms.every((term) => queryTerms(source!).includes(term))) expect(holdingBoth).toContain(result);
    }
  });

  it('keeps one window when the words fit in it, and marks each of them', () => {
    const [result] = resultsOf(ask(lexicon, 'search mutual trust ASEAN Regional Forum'));
    expect(result?.excerpt).toContain('ASEAN Regional Forum');
    expect(result?.excerpt).not.toContain(' … ');
    const marked = new Set(result!.highlights.map(([s, e]) => result!.excerpt.slice(s, e).toLowerCase()));
    for (const word of ['mutual', 'trust', 'asean', 'regional', 'forum']) expect(marked).toContain(word);
  });
});

describe('a multi-word query ranks its rarest word and the whole phrase first', () => {
  /** How many passages of the document hold a term. */
  function held(term: string): number {
    return renderedPassages().filter((text) => queryTerms(text).includes(term)).length;
  }

  // Queries whose words come from the document: a common word beside a rare one.
  it.each(['security Lijphart', 'trust Vietnamese', 'cooperation Senkaku', 'China Annenberg', 'empathy Jervis', 'reassurance Kydd'])('%s: passages holding the rarest word come first', (query) => {
    const terms = queryTerms(query);
    const rarest = [...terms].sort((a, b) => held(a) - held(b))[0]!;
    expect(held(rarest)).toBeLessThan(held(terms.find((t) => t !== rarest)!));
    const results = allPages(lexicon, `search ${query}`).flatMap(resultsOf);
    const holds = results.map((result) => result.highlights.some(([s, e]) => queryTerms(result.excerpt.slice(s, e)).includes(rarest)));
    expect(holds[0], `${rarest}: ${results[0]?.excerpt}`).toBe(true);
    // Once a passage without it appears, none with it follows.
    const firstWithout = holds.indexOf(false);
    if (firstWithout !== -1) expect(holds.slice(firstWithout)).not.toContain(true);
  });

  it('puts a passage holding the whole phrase before those holding its words apart', () => {
    const [first] = resultsOf(ask(lexicon, 'search opportunity engineering'));
    expect(first?.excerpt.toLowerCase()).toContain('opportunity engineering');
    const [crisis] = resultsOf(ask(lexicon, 'search crisis management'));
    expect(crisis?.excerpt.toLowerCase()).toContain('crisis management');
  });
});
