import { describe, expect, it } from 'vitest';
import { indexTerms, plainQueryTerms, queryTerms, tokenize } from '../../src/search/tokenize.js';

describe('tokenizer', () => {
  it('keeps CJK as character bigrams, a lone character as a unigram', () => {
    expect(queryTerms('同理心')).toEqual(['同理', '理心']);
    expect(queryTerms('공감')).toEqual(['공감']);
    expect(queryTerms('信')).toEqual(['信']);
    expect(queryTerms('协和安全机制')).toEqual(['协和', '和安', '安全', '全机', '机制']);
  });

  it('splits mixed scripts into CJK grams and Latin words', () => {
    expect(queryTerms('同理心 (Tong Li Xin)')).toEqual(['同理', '理心', 'tong', 'li', 'xin']);
  });

  it('indexes a hyphenated word as its parts and its joined whole; queries use the parts', () => {
    expect(indexTerms('Self-Restraint')).toEqual(['self', 'restraint', 'selfrestraint']);
    expect(queryTerms('SELF-RESTRAINT')).toEqual(['self', 'restraint']);
    expect(queryTerms('self restraint')).toEqual(['self', 'restraint']);
  });

  it('indexes camel-cased romanizations whole and in parts', () => {
    expect(indexTerms('XinRen')).toEqual(['xinren', 'xin', 'ren']);
  });

  it('skips footnote markers', () => {
    expect(queryTerms('interests.[^28] Trust')).toEqual(['interest', 'trust']);
  });

  it('finds no terms in punctuation, emoji or bare markup', () => {
    expect(queryTerms('!!! ??? … 😀🎉')).toEqual([]);
    expect(queryTerms('<script>')).toEqual(['script']);
  });

  it('gives offsets that point at the words as written', () => {
    const text = 'Efforts (*effectivités*) and 同理心 or self-restraint';
    for (const token of tokenize(text)) {
      expect(indexTerms(text.slice(token.start, token.end))).toContain(token.term);
    }
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toContain('effectivités');
  });
});

describe('ASCII fast path', () => {
  it('tokenizes ASCII text exactly as the general Unicode path does', () => {
    const samples = [
      "Self-Restraint and TBMs: the U.S.-China relationship's co---existence, Phase 2 of 2013.[^12]",
      "XinRen (Tong Li Xin) isn't McDonald's; e-mail, 21st-century, well-ordered x-ray",
      'CSBMs -- confidence- and security-building measures; policies, analyses, buses',
      "[^12 [^] [^x] [[^3]] a--  -lead trail- x' 'quoted' don't' a-'b 9-11 ^^ _snake_case_ x--y--z",
    ];
    for (const text of samples) {
      // A trailing no-break space is not a token but makes the text non-ASCII, forcing the general path.
      expect(tokenize(text)).toEqual(tokenize(`${text}\u00A0`));
    }
  });

  it('gives a query of letters, digits and spaces the terms the general path gives it', () => {
    const samples = ['trust', 'Trust Building Measures', '  gors  ', 'TBMs the CSO', 'XinRen phase 2 phase 2', 'a', 'Stillnes 21st century', ''];
    for (const text of samples) {
      // The no-break space sends the text down the general (Unicode) path.
      expect(plainQueryTerms(text)).toEqual(queryTerms(`${text}\u00A0`));
    }
    expect(plainQueryTerms("don't")).toBeUndefined();
    expect(plainQueryTerms('self-restraint')).toBeUndefined();
    expect(plainQueryTerms('同理心')).toBeUndefined();
  });
});
