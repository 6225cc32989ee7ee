import { describe, expect, it } from 'vitest';
import { GlossaryEngine, mayHaveLostAnS, transpositions } from '../../src/search/engine.js';
import { stem } from '../../src/search/normalize.js';
import type { GlossaryDoc } from '../../src/search/engine.js';
import { MiniSearchGlossary } from '../../src/search/minisearch-glossary.js';

const DOCS: GlossaryDoc[] = [
  { id: 'trust', names: { term: 'trust' }, body: 'reliance on the integrity of a person' },
  { id: 'truss', names: { term: 'truss' }, body: 'a framework of beams' },
  { id: 'trustee', names: { term: 'trustee', alias: 'fiduciary' }, body: 'a person who holds property in trust' },
  { id: 'empathy', names: { term: 'empathy', alias: 'empathic understanding' }, body: 'understanding another' },
];

function engine(): GlossaryEngine {
  const e = new GlossaryEngine({ nameBoosts: { term: 3, alias: 2 } });
  e.addAll(DOCS);
  return e;
}

describe('glossary engine', () => {
  it('answers an exact hit from the exact pass, without fuzzy neighbours', () => {
    const e = engine();
    // A typo pass would also bring "truss" (one edit away); the exact hit never runs it.
    expect(e.searchNames('trust', 'typo', 'AND').map((h) => h.id)).toContain('truss');
    const hits = e.lookup('trust');
    expect(hits.map((h) => h.id)).toEqual(['trust']);
    expect(hits[0]!.kind).toBe('exact');
  });

  it('falls back to one typo only when nothing matches exactly', () => {
    const hits = engine().lookup('empathey');
    expect(hits.map((h) => h.id)).toEqual(['empathy']);
    expect(hits[0]!.kind).toBe('typo');
    expect(hits[0]!.matchedTerms).toEqual(['empathy']);
  });

  it.each([
    ['swap', 'emptahy'],
    ['drop', 'empahy'],
    ['insert', 'empatthy'],
    ['substitute', 'empachy'],
  ])('finds a word through one typo of each kind: %s (%s)', (_kind, typo) => {
    expect(engine().lookup(typo).map((h) => h.id)).toEqual(['empathy']);
  });

  it('does not take two typos for one', () => {
    expect(engine().lookup('emptahey')).toEqual([]);
    // "Did you mean" may ask for one more.
    expect(engine().searchNames('emptahey', 'typo', 'OR', 1).map((h) => h.id)).toEqual(['empathy']);
  });

  it('treats a swap of neighbouring letters as one typo, also in three-letter words', () => {
    expect(transpositions('trsut')).toContain('trust');
    expect(engine().lookup('trsut').map((h) => h.id)).toContain('trust');
    const e = new GlossaryEngine({ nameBoosts: { term: 1 } });
    e.addAll([{ id: 'cso', names: { term: 'CSO' } }, { id: 'csa', names: { term: 'CSA' } }]);
    expect(e.lookup('cos').map((h) => h.id)).toEqual(['cso']); // a swap
    expect(e.lookup('csx')).toEqual([]); // three letters: no replaced letter
  });

  it('finds a four-letter word from three letters with one dropped, and nothing else', () => {
    const e = new GlossaryEngine({ nameBoosts: { term: 1 } });
    e.addAll([{ id: 'best', names: { term: 'best' } }, { id: 'bat', names: { term: 'bat' } }]);
    expect(e.lookup('bst').map((h) => h.id)).toEqual(['best']); // dropped "e"
    expect(e.lookup('bet').map((h) => h.id)).toEqual(['best']); // dropped "s"; "bat" is a replaced letter away
    expect(e.lookup('bxt')).toEqual([]);
  });

  it('finds a word whose typo the plural stemmer shortened', () => {
    const e = new GlossaryEngine({ nameBoosts: { term: 1 } });
    e.addAll([{ id: 'stillness', names: { term: 'stillness' } }]);
    // "stillnes" stems to "stillne", two edits from "stillness"; the typo pass tries the "s" back on.
    expect(e.lookup('stillnes').map((h) => h.id)).toEqual(['stillness']);
  });

  it('looks up a typo that ends in an "s" as typed, not only as the stemmer left it', () => {
    const e = new GlossaryEngine({ nameBoosts: { term: 1 } });
    e.addAll([{ id: 'gorse', names: { term: 'gorse' } }, { id: 'gore', names: { term: 'gore' } }]);
    // "gors" ("gorse", its "e" dropped) stems to "gor", two edits from "gorse" but one from "gore".
    expect(e.lookup('gors').map((h) => h.id)).toEqual(expect.arrayContaining(['gorse', 'gore']));
    expect(e.lookup('gor').map((h) => h.id)).toEqual(['gore']);
  });

  it('tells the terms the plural stemmer makes from a word with one more "s", as the stemmer does', () => {
    const words = ['gor', 'stillne', 'pie', 'countrie', 'proces', 'consensu', 'analysi', "people'", 'tbm', 'measure', 'ab', 'trie', 'lie', 'cookie', '同理'];
    for (const word of words) expect(mayHaveLostAnS(word), word).toBe(word.length >= 3 && !/\p{Script=Han}/u.test(word) && stem(`${word}s`) === word);
  });

  it('never searches the body with typos', () => {
    // "framwork" is one edit from "framework", which only the body of "truss" holds.
    expect(engine().lookup('framwork')).toEqual([]);
    expect(engine().searchBody('framework', 'OR').map((h) => h.id)).toEqual(['truss']);
    expect(engine().searchBody('framework', 'OR')[0]!.fields).toEqual(['body']);
  });

  it('completes the last term as a prefix', () => {
    expect(engine().complete('emp').map((h) => h.id)).toEqual(['empathy']);
    expect(engine().complete('empathic und').map((h) => h.id)).toEqual(['empathy']);
    expect(engine().complete('trus').map((h) => h.id)).toEqual(['trust', 'truss', 'trustee']);
  });

  it('reports which name field matched', () => {
    expect(engine().lookup('fiduciary')[0]!.fields).toEqual(['alias']);
  });

  it('gives a search box its page of ids: the lookup, then the body to fill it, each once', () => {
    const e = engine();
    for (const query of ['trust', 'trsut', 'person', 'empathic understanding', 'framework', 'nothing here', '']) {
      const expected = e.lookup(query, 3).map((h) => h.id);
      for (const hit of e.searchBody(query, 'OR', 3)) if (expected.length < 3 && !expected.includes(hit.id)) expected.push(hit.id);
      expect(e.searchIds(query, 3), query).toEqual(expected);
    }
    expect(e.searchIds('person', 3)).toEqual(['trust', 'trustee']); // no name holds "person": the body's
    expect(e.searchIds('trust', 3)).toEqual(['trust', 'trustee']); // the name first, then the body's other one
  });

  it('refuses a duplicate id', () => {
    expect(() => engine().addAll([{ id: 'trust', names: { term: 'faith' } }])).toThrow(/duplicate id: trust/);
  });
});

describe('ranking', () => {
  /** A corpus where BM25's field length, term frequency and boosts all decide something. */
  const corpus: GlossaryDoc[] = [
    { id: 'a', names: { term: 'security dilemma', alias: 'spiral model' }, body: 'security competition among states' },
    { id: 'b', names: { term: 'security', alias: 'safety' }, body: 'freedom from danger' },
    { id: 'c', names: { term: 'collective security regime of the region' }, body: 'security for all, security by all' },
    { id: 'd', names: { term: 'dilemma' }, body: 'a hard choice between security and trust' },
    { id: 'e', names: { term: 'cooperative security', alias: 'security cooperation' } },
    { id: 'f', names: { term: 'securty council' } },
  ];
  const ours = new GlossaryEngine({ nameBoosts: { term: 3, alias: 2 } });
  ours.addAll(corpus);
  const before = new MiniSearchGlossary({ nameBoosts: { term: 3, alias: 2 } });
  before.addAll(corpus);

  it.each([
    ['security', 'exact', 'OR'],
    ['security dilemma', 'exact', 'AND'],
    ['security dilemma', 'exact', 'OR'],
    ['cooperation security', 'exact', 'OR'],
    ['secur', 'prefix', 'AND'],
  ] as const)('ranks %s (%s, %s) as the MiniSearch engine did, with the same scores', (query, kind, combineWith) => {
    const expected = before.searchNames(query, kind, combineWith);
    const actual = ours.searchNames(query, kind, combineWith);
    expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
    actual.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 9));
  });

  it('ranks the body as the MiniSearch engine did', () => {
    const expected = before.searchBody('security trust', 'OR');
    const actual = ours.searchBody('security trust', 'OR');
    expect(actual.map((h) => h.id)).toEqual(expected.map((h) => h.id));
    actual.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i]!.score, 9));
  });

  it('gives the first page of a ranked list as a slice: the same hits as the full list', () => {
    const all = ours.searchNames('security', 'exact', 'OR');
    expect(ours.searchNames('security', 'exact', 'OR', 0, 2)).toEqual(all.slice(0, 2));
    expect(ours.searchNames('securty', 'typo', 'OR', 0, 3)).toEqual(ours.searchNames('securty', 'typo', 'OR').slice(0, 3));
  });

  it('ranks a typo neighbour below the exact term', () => {
    const hits = ours.searchNames('securty', 'typo', 'OR');
    expect(hits[0]!.id).toBe('f'); // "securty" is itself a name term
    expect(hits.slice(1).every((hit) => hit.kind === 'typo')).toBe(true);
  });

  it('lifts a name that is the term itself above longer names holding it, when asked to', () => {
    const plain = new GlossaryEngine({ nameBoosts: { words: 1 } });
    const whole = new GlossaryEngine({ nameBoosts: { words: 1 }, wholeNameBoost: 2 });
    const docs = [
      { id: 'pleat', names: { words: 'inverted pleat' } },
      { id: 'inverted', names: { words: 'anatropous\ninverted\nupside down' } },
    ];
    plain.addAll(docs);
    whole.addAll(docs);
    expect(plain.lookup('inverted').map((h) => h.id)).toEqual(['pleat', 'inverted']);
    expect(whole.lookup('inverted').map((h) => h.id)).toEqual(['inverted', 'pleat']);
  });
});
