import { describe, expect, it } from 'vitest';
import { fixtureEntries, fixtureLexicon } from '../fixtures/lexicon.js';
import { ask, expectQuotesVerbatim } from './helpers.js';

describe('/compare', () => {
  it('sets two sections of one essay side by side, each headed with its author', () => {
    const reply = ask(fixtureLexicon(), 'compare confidence trust');
    expect(reply.kind).toBe('comparison');
    expect(reply.title).toBe('Empathy › Confidence / Empathy › Trust');
    expect(reply.parts).toEqual([
      // compare reads "trust" as Welch's section beside his Confidence, and says so (define trust gives the Trust entry)
      { kind: 'text', text: 'Read “trust” as Empathy › Trust, beside the other term in the same piece; /define trust may answer with another entry.' },
      { kind: 'heading', text: 'Empathy › Confidence — David A. Welch' },
      {
        kind: 'quote',
        text: 'If there is a standard reference for the meanings of English words, it is the OED, whose first two definitions of “confidence” are as follows:',
      },
      { kind: 'quote', text: 'The mental attitude of trusting in or relying on a person or thing.', highlights: [[0, 67]] },
      { kind: 'heading', text: 'Empathy › Trust — David A. Welch' },
      { kind: 'quote', text: 'The OED defines trust as "confidence in or reliance on some quality or attribute of a person or thing."⁵²' },
    ]);
    expect(reply.citations.map((c) => c.number)).toEqual([52]);
    expect(reply.request).toEqual({ command: 'compare', options: { first: 'empathy/confidence', second: 'empathy/trust' } });
  });

  it('compares two entries by their leads, with both authors', () => {
    const reply = ask(fixtureLexicon(), 'compare "self restraint" reassurance');
    expect(reply.parts.filter((p) => p.kind === 'quote').map((p) => ('text' in p ? p.text : ''))).toEqual([
      'Self-restraint is a policy of refraining from using one’s full power.',
      'Reassurance is a set of strategies to reduce the fear of attack.',
    ]);
    expect(reply.fields).toEqual([
      { name: 'Self-Restraint', value: 'Zhang Linting · II.1 Self-Restraint', inline: true },
      { name: 'Reassurance', value: 'Zhang Linting · II.2 Reassurance', inline: true },
    ]);
    expectQuotesVerbatim([reply], [...fixtureEntries]);
  });

  it('says which term matched nothing', () => {
    const reply = ask(fixtureLexicon(), 'compare trust wibble');
    expect(reply.kind).toBe('no-match');
    expect(reply.parts[0]).toEqual({ kind: 'text', text: 'Nothing to compare: “wibble” names no entry or glossary term.' });
  });

  it('asks for the second term when only one is given', () => {
    const reply = ask(fixtureLexicon(), 'compare trust');
    expect(reply.kind).toBe('usage-error');
    expect(reply.parts[0]).toMatchObject({ text: expect.stringContaining('/compare needs a term (second).') });
  });
});
