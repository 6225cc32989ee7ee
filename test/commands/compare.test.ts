import { describe, expect, it } from 'vitest';
import { fixtureEntries, fixtureLexicon } from '../fixtures/lexicon.js';
import { ask, expectQuotesVerbatim, partsOf, citationsOf } from './helpers.js';

describe('/compare', () => {
  it('sets two sections of one essay side by side, each headed with its author', () => {
    const reply = ask(fixtureLexicon(), 'compare confidence trust');
    expect(reply.kind).toBe('comparison');
    expect(reply.title).toBe('Empathy › Confidence / Empathy › Trust');
    expect(partsOf(reply)).toEqual([
      { kind: 'heading', text: 'Empathy › Confidence — David A. Welch' },
      {
        kind: 'quote',
        text: 'If there is a standard reference for the meanings of English words, it is the OED, whose first two definitions of “confidence” are as follows:',
        place: { entryId: 'empathy', sectionId: 'confidence', paragraphIndex: 0 },
      },
      { kind: 'quote', text: 'The mental attitude of trusting in or relying on a person or thing.', highlights: [[0, 67]], place: { entryId: 'empathy', sectionId: 'confidence', paragraphIndex: 1 } },
      { kind: 'heading', text: 'Empathy › Trust — David A. Welch' },
      {
        kind: 'quote',
        text: 'The OED defines trust as "confidence in or reliance on some quality or attribute of a person or thing."⁵²',
        place: { entryId: 'empathy', sectionId: 'trust', paragraphIndex: 0 },
      },
    ]);
    expect(citationsOf(reply).map((c) => c.number)).toEqual([52]);
    expect(reply.request).toEqual({ command: 'compare', options: { first: 'empathy/confidence', second: 'empathy/trust' } });
  });

  it('compares two entries by their leads, with both authors', () => {
    const reply = ask(fixtureLexicon(), 'compare "self restraint" reassurance');
    expect(partsOf(reply).filter((p) => p.kind === 'quote').map((p) => ('text' in p ? p.text : ''))).toEqual([
      'Self-restraint is a policy of refraining from using one’s full power.',
      'Reassurance is a set of strategies to reduce the fear of attack.',
    ]);
    expect(partsOf(reply).filter((p) => p.kind === 'heading').map((p) => ('text' in p ? p.text : ''))).toEqual([
      'Self-Restraint — Zhang Linting (II.1 Self-Restraint)',
      'Reassurance — Zhang Linting (II.2 Reassurance)',
    ]);
    expectQuotesVerbatim([reply], [...fixtureEntries]);
  });

  it('says which term matched nothing', () => {
    const reply = ask(fixtureLexicon(), 'compare trust wibble');
    expect(reply.kind).toBe('no-match');
    expect(partsOf(reply)[0]).toEqual({ kind: 'text', text: 'Nothing to compare: “wibble” matches no entry.' });
  });

  it('asks for the second term when only one is given', () => {
    const reply = ask(fixtureLexicon(), 'compare trust');
    expect(reply.kind).toBe('usage-error');
    expect(partsOf(reply)[0]).toMatchObject({ text: expect.stringContaining('/compare needs a term (second).') });
  });
});
