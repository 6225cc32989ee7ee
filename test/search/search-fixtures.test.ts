import { describe, expect, it } from 'vitest';
import { createLexiconSearch } from '../../src/search/index.js';
import { fixtureEntries } from './fixtures.js';

const search = createLexiconSearch(fixtureEntries);
const ids = (matches: { entryId: string; sectionId?: string }[]): string[] =>
  matches.map((m) => (m.sectionId ? `${m.entryId}/${m.sectionId}` : m.entryId));

describe('search over small entries', () => {
  it('files a translation under the entry whose headword is its concept', () => {
    // 信任 is recorded in the Empathy appendix for the concept "trust": it names the Trust entry.
    expect(ids(search.resolveTerm('信任').matches)).toEqual(['trust']);
  });

  it('files a translation under the section headed by its concept when no entry has that headword', () => {
    expect(ids(search.resolveTerm('信心').matches)).toEqual(['empathy/confidence']);
  });

  it('finds an entry by a romanization recorded without characters', () => {
    expect(ids(search.resolveTerm('xinlai').matches)).toEqual(['trust']);
  });

  it('ranks a headword above a section heading of the same name', () => {
    const { matches } = search.resolveTerm('trust');
    expect(ids(matches)).toEqual(['trust']);
    expect(matches[0]).toMatchObject({ exact: true, matchedOn: 'term' });
  });

  it('lists every entry that matches equally well', () => {
    expect(ids(search.resolveTerm('David A. Welch').matches).sort()).toEqual(['empathy', 'threat-perception-gap']);
  });

  it('finds an author by a variant spelling', () => {
    // Only Trust records the variant "Jaaga"; both pieces are by Jagaa Menduul.
    expect(ids(search.resolveTerm('Jaaga Menduul').matches)).toEqual(['trust']);
    expect(ids(search.resolveTerm('Jagaa Menduul').matches).sort()).toEqual(['trust', 'trust-building-measures']);
  });

  it('offers suggestions, not matches, when not every word matches', () => {
    const result = search.resolveTerm('empathy xylophone');
    expect(result.matches).toEqual([]);
    expect(ids(result.suggestions)).toContain('empathy');
  });

  it('suggests an entry whose body mentions a word that names nothing', () => {
    const result = search.resolveTerm('notification');
    expect(result.matches).toEqual([]);
    expect(ids(result.suggestions)).toEqual(['trust-building-measures']);
  });

  it('addresses a section directly as entry/section', () => {
    expect(ids(search.resolveTerm('empathy/trust').matches)).toEqual(['empathy/trust']);
  });

  it('finds lexicon terms in a message in order of appearance, each once', () => {
    const found = search.termsInText('Do CBMs build trust? Confidence first, then trust; see 同理心.');
    expect(ids(found)).toEqual(['trust-building-measures', 'trust', 'empathy/confidence', 'empathy']);
  });

  it('cuts passages around accented words and marks them', () => {
    const [passage] = search.passages('effectivites', 3);
    expect(passage).toMatchObject({ entryId: 'maritime-cooperation-roadmap', sectionId: 'phase-1', paragraphIndex: 0 });
    const [start, end] = passage!.highlights[0]!;
    expect(passage!.excerpt.slice(start, end)).toBe('effectivités');
    expect(passage!.excerpt.length).toBeLessThanOrEqual(300);
  });
});
