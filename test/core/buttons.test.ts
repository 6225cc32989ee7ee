import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { answerButton } from '../../src/core/buttons.js';
import { encodeActionState } from '../../src/core/action-state.js';
import type { Reply, ReplyAction } from '../../src/core/reply.js';
import { dispatcher } from '../../src/dispatcher.js';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import { allPages, partsOf, citationsOf } from '../commands/helpers.js';

let lexicon: Lexicon;

/** A click on a private answer's button, answered by the one button path. */
function click(action: ReplyAction): Reply {
  const answer = answerButton(dispatcher, lexicon, { state: encodeActionState(action), clickerId: 'U1', message: { visibility: 'private' } });
  if (answer.action === 'notice') throw new Error('the button is out of date');
  return answer.reply;
}
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
      const sources = click(button!);
      expect(sources.kind).toBe('citation');
      expect(citationsOf(sources).map((c) => c.number)).toEqual(citationsOf(page).map((c) => c.number));
      citationsOf(page).forEach((c) => seen.add(c.number));
    }
    // Different pages cite different footnotes, so a Sources button that ignored its page would fail above.
    expect(seen.size).toBeGreaterThan(citationsOf(pages[0]!).length);
  });

  it('adds how to cite the piece and the document’s caveat', () => {
    const define = allPages(lexicon, 'define empathy')[0]!;
    const sources = click(define.actions.find((action) => action.kind === 'sources')!);
    expect(sources.notice).toBe(SOURCE_CAVEAT);
    const text = partsOf(sources).map((part) => ('text' in part ? part.text : '')).join('\n');
    expect(text).toContain('Chicago: ');
    expect(text).toContain('APA: ');
    expect(citationsOf(sources).map((c) => c.number)).toEqual([57]);
  });

  it('replays other buttons unchanged', () => {
    const [first] = allPages(lexicon, 'define trust');
    const next = first!.actions.find((action) => action.kind === 'next')!;
    expect(click(next).page.index).toBe(2);
  });
});
