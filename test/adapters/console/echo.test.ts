import { describe, expect, it } from 'vitest';
import { dispatchAnswerer } from '../../../src/adapters/console/answerer.js';
import { renderReplyForTerminal } from '../../../src/adapters/console/render.js';
import { fixtureLexicon } from '../../fixtures/lexicon.js';

const FAMILY = '👩‍👩‍👧‍👦';

describe('the console echoes what was typed', () => {
  it('cut between whole emoji, never inside one', async () => {
    const reply = await dispatchAnswerer(fixtureLexicon()).answerLine(`define ${'a'.repeat(58)}${FAMILY}${FAMILY}zzz`);
    const out = renderReplyForTerminal(reply, { color: false, width: 100 });
    expect(out).toContain(`“${'a'.repeat(58)}${FAMILY}…”`);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('answers /next with the one button path, and a /next with nothing to page says so', async () => {
    const answerer = dispatchAnswerer(fixtureLexicon());
    const first = await answerer.answerLine('define reassurance/practical-challenges-of-reassurance-strategies-in-east-asian-waters');
    const next = first.actions.find((action) => action.kind === 'next')!;
    const second = await answerer.replay(next);
    expect(typeof second === 'string' ? second : second.page.index).toBe(2);
    const stale = await answerer.replay({ kind: 'next', request: { ...next.request, page: 99 } });
    expect(stale).toMatch(/^This button is out of date/);
  });
});
