import { describe, expect, it } from 'vitest';
import { fixtureLexicon } from '../fixtures/lexicon.js';
import { ask, partsOf } from './helpers.js';

describe('/entries', () => {
  it('lists every entry in document order, grouped by contribution, with number, term and authors', () => {
    const reply = ask(fixtureLexicon(), 'entries');
    expect(reply.kind).toBe('list');
    expect(partsOf(reply)).toEqual([
      { kind: 'heading', text: 'Canadian Contributions' },
      {
        kind: 'text',
        text: [
          'II.1 Self-Restraint — Zhang Linting',
          'II.2 Reassurance — Zhang Linting',
          'II.3 Trust — Jagaa Menduul',
          'II.5A Empathy — David A. Welch',
        ].join('\n'),
      },
      { kind: 'heading', text: 'Chinese Contributions' },
      { kind: 'text', text: 'III.1 Community of Human Destiny — Cai Liang' },
      { kind: 'text', text: 'Try /define <term>, e.g. /define empathy.' },
    ]);
    expect(reply.subtitle).toMatch(/^5 entries/);
  });
});
