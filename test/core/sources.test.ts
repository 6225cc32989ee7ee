import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { answerAction } from '../../src/core/sources.js';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import { allPages } from '../commands/helpers.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

describe('the Sources button', () => {
  it('shows exactly the footnotes of the page it sits under, for every page of a long definition', () => {
    const pages = allPages(lexicon, 'define trust');
    expect(pages.length).toBeGreaterThan(1);
    const seen = new Set<number>();
    for (const page of pages) {
      const button = page.actions.find((action) => action.kind === 'sources');
      expect(button, `page ${page.page.index} has a Sources button`).toBeDefined();
      const sources = answerAction(lexicon, button!);
      expect(sources.kind).toBe('citation');
      expect(sources.citations.map((c) => c.number)).toEqual(page.citations.map((c) => c.number));
      page.citations.forEach((c) => seen.add(c.number));
    }
    // Different pages cite different footnotes, so a Sources button that ignored its page would fail above.
    expect(seen.size).toBeGreaterThan(pages[0]!.citations.length);
  });

  it('adds how to cite the piece and the document’s caveat', () => {
    const define = allPages(lexicon, 'define empathy')[0]!;
    const sources = answerAction(lexicon, define.actions.find((action) => action.kind === 'sources')!);
    expect(sources.notice).toBe(SOURCE_CAVEAT);
    const text = sources.parts.map((part) => ('text' in part ? part.text : '')).join('\n');
    expect(text).toContain('Chicago: ');
    expect(text).toContain('APA: ');
    expect(sources.citations.map((c) => c.number)).toEqual([57]);
  });

  it('replays other buttons unchanged', () => {
    const [first] = allPages(lexicon, 'define trust');
    const next = first!.actions.find((action) => action.kind === 'next')!;
    expect(answerAction(lexicon, next).page.index).toBe(2);
  });
});
