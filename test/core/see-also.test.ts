import { describe, expect, it } from 'vitest';
import { createSeeAlso } from '../../src/core/see-also.js';
import type { Lexicon } from '../../src/core/lexicon.js';

const seeAlso = (lexicon: Lexicon, entryId: string) => lexicon.seeAlso(entryId);
import { fixtureLexicon } from '../fixtures/lexicon.js';

describe('see also', () => {
  it('links an entry to the entries its text names, never to itself', () => {
    const lexicon = fixtureLexicon();
    // "Empathy" names both the entry and its Empathy section: two mentions rank it first.
    expect(seeAlso(lexicon, 'trust')).toEqual([
      { entryId: 'empathy', label: 'Empathy' },
      { entryId: 'reassurance', label: 'Reassurance' },
    ]);
    expect(seeAlso(lexicon, 'empathy').map((v: { entryId: string }) => v.entryId)).toEqual(['trust']);
    expect(seeAlso(lexicon, 'community-of-human-destiny')).toEqual([]);
  });

  it('follows an explicit "(see above)" to the entry named before it, first of all', () => {
    const base = fixtureLexicon();
    // Without name mentions, only the explicit reference remains.
    const lexicon = { ...base, search: { ...base.search, termsInText: () => [] } };
    expect(createSeeAlso(lexicon)('reassurance')).toEqual([{ entryId: 'self-restraint', label: 'Self-Restraint' }]);
    expect(seeAlso(base, 'reassurance')[0]).toEqual({ entryId: 'self-restraint', label: 'Self-Restraint' });
  });

  it('is computed once per entry, and kept by the lexicon that made it', () => {
    const lexicon = fixtureLexicon();
    let calls = 0;
    const counting = createSeeAlso({ ...lexicon, search: { ...lexicon.search, termsInText: (text: string) => (calls++, lexicon.search.termsInText(text)) } });
    counting('trust');
    const afterFirst = calls;
    counting('empathy');
    counting('trust');
    expect(afterFirst).toBe(1);
    expect(calls).toBe(2);
  });
});
