import { describe, expect, it } from 'vitest';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import { apaCitation, chicagoCitation } from '../../src/core/citation-styles.js';
import { fixtureEntries, fixtureLexicon } from '../fixtures/lexicon.js';
import { ask, partsOf, citationsOf } from './helpers.js';

function entry(id: string) {
  const found = fixtureEntries.find((e) => e.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('/cite', () => {
  it('lists the entry’s footnotes with their URLs and how to cite it, with the caveat', () => {
    const reply = ask(fixtureLexicon(), 'cite self-restraint');
    expect(reply.kind).toBe('citation');
    expect(reply.entryId).toBe('self-restraint');
    expect(citationsOf(reply)).toEqual([
      { number: 1, text: 'Zhang Linting, Restraint (Beijing, 2012), http://example.org/restraint.', urls: ['http://example.org/restraint'], entryId: 'self-restraint' },
    ]);
    const texts = partsOf(reply).map((part) => ('text' in part ? part.text : ''));
    expect(texts).toContain('Chicago: Zhang Linting. “Self-Restraint.” In Cooperative Security 2.0, materials for the UBC–SIIA workshop, Shanghai, 8–10 November 2013. Unpublished workshop document.');
    expect(texts).toContain('APA: Zhang, L. (2013). Self-Restraint. In Cooperative Security 2.0 [Unpublished workshop materials]. UBC–SIIA workshop, Shanghai, 8–10 November 2013.');
    expect(reply.notice).toBe(SOURCE_CAVEAT);
    // Author and piece are said once, in the subtitle; the footnote range once, in the summary.
    expect(reply.subtitle).toBe('Zhang Linting · II.1 Self-Restraint');
    expect(texts[0]).toContain('(n. 1)');
  });

  it('inverts a Western name for Chicago and gives initials for APA', () => {
    expect(chicagoCitation(entry('empathy'))).toBe(
      'Welch, David A. “Empathy, Part I: Defining Confidence, Trust, Empathy.” In Cooperative Security 2.0, materials for the UBC–SIIA workshop, Shanghai, 8–10 November 2013. Unpublished workshop document.',
    );
    expect(apaCitation(entry('empathy'))).toBe(
      'Welch, D. A. (2013). Empathy, Part I: Defining Confidence, Trust, Empathy. In Cooperative Security 2.0 [Unpublished workshop materials]. UBC–SIIA workshop, Shanghai, 8–10 November 2013.',
    );
    const twoAuthors = { ...entry('empathy'), authors: ['Chen Dongxiao', 'Paul Evans'], title: 'Overview' };
    expect(chicagoCitation(twoAuthors)).toMatch(/^Chen Dongxiao and Paul Evans\. “Overview\.”/);
    expect(apaCitation(twoAuthors)).toMatch(/^Chen, D., & Evans, P\. \(2013\)\. Overview\./);
  });

  it('gives one footnote on request', () => {
    const reply = ask(fixtureLexicon(), 'cite trust 28');
    expect(reply.title).toBe('Footnote 28 · Trust');
    expect(citationsOf(reply).map((c) => c.number)).toEqual([28]);
    expect(citationsOf(reply)[0]?.text).toContain('xinlai');
    expect(reply.request).toEqual({ command: 'cite', options: { term: 'trust', footnote: 28 } });
  });

  it('says which entry holds a footnote that is not in the one asked about', () => {
    const reply = ask(fixtureLexicon(), 'cite trust 57');
    expect(citationsOf(reply)).toEqual([]);
    expect(partsOf(reply)).toEqual([
      { kind: 'text', text: 'Footnote 57 is not in Trust; it is cited in Empathy (David A. Welch).' },
    ]);
    expect(reply.actions).toEqual([
      { kind: 'open', label: 'Footnote 57 in Empathy', request: { command: 'cite', options: { term: 'empathy', footnote: 57 } } },
    ]);
    expect(partsOf(ask(fixtureLexicon(), 'cite trust 50'))).toEqual([{ kind: 'text', text: 'The document has no footnote 50.' }]);
  });

  it('finds a bare footnote number in whichever entry cites it', () => {
    const reply = ask(fixtureLexicon(), 'cite 57');
    expect(reply.entryId).toBe('empathy');
    expect(citationsOf(reply).map((c) => c.number)).toEqual([57]);
    expect(citationsOf(reply)[0]?.urls).toEqual(['http://www.newyorker.com/a_b']);
  });

  it('cites a section by the footnotes its own text cites', () => {
    const reply = ask(fixtureLexicon(), 'cite empathy/confidence');
    expect(citationsOf(reply).map((c) => c.number)).toEqual([51]);
    expect(reply.sectionId).toBe('confidence');
  });

  it('answers an unknown term with suggestions for cite', () => {
    const reply = ask(fixtureLexicon(), 'cite wibble');
    expect(reply.kind).toBe('no-match');
    expect(reply.actions.every((a) => a.request.command === 'cite')).toBe(true);
  });

  it('rejects a footnote number outside the lexicon’s footnotes with a usage reply naming their range', () => {
    const lexicon = fixtureLexicon();
    expect(lexicon.footnoteCount).toBe(84);
    const reply = ask(lexicon, 'cite trust 400');
    expect(reply.kind).toBe('usage-error');
    expect(partsOf(reply)[0]).toMatchObject({ text: expect.stringContaining('Footnotes are numbered 1 to 84.') });
  });
});
