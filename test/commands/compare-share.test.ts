/**
 * `/compare`'s Share (and every button that replays the comparison) posts exactly what was shown:
 * a side read as a passage of one piece, or with a "Read as" note, is read the same way again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/core/load-lexicon.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { answerButton } from '../../src/core/buttons.js';
import { encodeActionState } from '../../src/core/action-state.js';
import { withoutShare } from '../../src/core/buttons.js';
import { dispatcher } from '../../src/dispatcher.js';
import { loadEvalSet } from '../../src/eval/eval-set.js';
import { readTextLine } from '../../src/core/text-request.js';

let lexicon: Lexicon;
beforeAll(async () => {
  lexicon = await loadLexicon();
});

const PAIRS = loadEvalSet().filter((query) => query.category === 'compare').map((query) => query.query);

describe('compare: Share replays exactly what was shown', () => {
  it.each(PAIRS)('%s', (line) => {
    const read = readTextLine(dispatcher, line);
    if ('error' in read) throw new Error(read.error);
    const shown = dispatcher.dispatch(lexicon, read.request);
    const share = shown.actions.find((action) => action.kind === 'share');
    if (!share) {
      // Only a comparison that found nothing has nothing to share.
      expect(shown.kind).not.toBe('comparison');
      return;
    }
    const answer = answerButton(dispatcher, lexicon, { state: encodeActionState(share), clickerId: 'U1', message: { visibility: 'private' } });
    expect(answer.action).toBe('post');
    if (answer.action !== 'post') return;
    expect(answer.reply.title).toBe(shown.title);
    expect(answer.reply.blocks).toEqual(shown.blocks);
    expect(answer.reply.actions).toEqual(withoutShare(shown).actions);
  });

  it('replays a comparison read within one piece by the words as typed, and one read by name by address', () => {
    const within = dispatcher.dispatch(lexicon, { command: 'compare', options: { first: 'crisis management', second: 'opportunity management' } });
    expect(within.request.options).toEqual({ first: 'crisis management', second: 'opportunity management' });
    const named = dispatcher.dispatch(lexicon, { command: 'compare', options: { first: 'confidence', second: 'trust' } });
    expect(named.request.options).toEqual({ first: 'empathy/confidence', second: 'empathy/trust' });
  });
});
