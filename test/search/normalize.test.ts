import { describe, expect, it } from 'vitest';
import { foldWord, searchTerm, stem } from '../../src/search/normalize.js';

describe('folding', () => {
  it('strips accents and diacritics so "effectivites" meets "effectivités"', () => {
    expect(foldWord('effectivités')).toBe(foldWord('effectivites'));
    expect(foldWord('Ōkubo')).toBe('okubo');
  });

  it('folds full-width Latin letters to plain lower case', () => {
    expect(foldWord('ｅｍｐａｔｈｙ')).toBe('empathy');
    expect(foldWord('ＥＭＰＡＴＨＹ')).toBe('empathy');
  });

  it('unifies apostrophes and drops the possessive', () => {
    expect(foldWord('another’s')).toBe('another');
    expect(foldWord("another's")).toBe('another');
    expect(foldWord('don’t')).toBe('dont');
  });
});

describe('stemming', () => {
  it('reduces plurals and acronym plurals to one form', () => {
    expect(stem('measures')).toBe('measure');
    expect(stem('tbms')).toBe('tbm');
    expect(stem('countries')).toBe('country');
  });

  it('leaves -ss, -us and -is words alone', () => {
    expect(stem('process')).toBe('process');
    expect(stem('consensus')).toBe('consensus');
    expect(stem('analysis')).toBe('analysis');
  });

  it('is idempotent, so a stemmed term is never stemmed again', () => {
    for (const word of ['measures', 'countries', 'buses', 'analyses', 'tbms', 'relations', 'glasses']) {
      expect(stem(stem(word))).toBe(stem(word));
    }
  });
});

describe('search terms', () => {
  it('drops stop words and lone letters but keeps single digits ("phase 2")', () => {
    expect(searchTerm('the')).toBe('');
    expect(searchTerm('A')).toBe('');
    expect(searchTerm('2')).toBe('2');
    expect(searchTerm('US')).toBe('us');
  });
});
