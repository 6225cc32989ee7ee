import { describe, expect, it } from 'vitest';
import { GlossaryEngine, transpositions } from '../../src/search/engine.js';

function engine(): GlossaryEngine {
  const e = new GlossaryEngine({ nameBoosts: { term: 3, alias: 2 } });
  e.addAll([
    { id: 'trust', names: { term: 'trust' }, body: 'reliance on the integrity of a person' },
    { id: 'truss', names: { term: 'truss' }, body: 'a framework of beams' },
    { id: 'trustee', names: { term: 'trustee', alias: 'fiduciary' }, body: 'a person who holds property in trust' },
    { id: 'empathy', names: { term: 'empathy', alias: 'empathic understanding' }, body: 'understanding another' },
  ]);
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
  });

  it('treats a swap of neighbouring letters as one typo', () => {
    expect(transpositions('trsut')).toContain('trust');
    expect(engine().lookup('trsut').map((h) => h.id)).toContain('trust');
  });

  it('finds a word whose typo the plural stemmer shortened', () => {
    const e = new GlossaryEngine({ nameBoosts: { term: 1 } });
    e.addAll([{ id: 'stillness', names: { term: 'stillness' } }]);
    // "stillnes" stems to "stillne", two edits from "stillness"; the typo pass tries the "s" back on.
    expect(e.lookup('stillnes').map((h) => h.id)).toEqual(['stillness']);
  });

  it('never searches the body with typos', () => {
    // "framwork" is one edit from "framework", which only the body of "truss" holds.
    expect(engine().lookup('framwork')).toEqual([]);
    expect(engine().searchBody('framework', 'OR').map((h) => h.id)).toEqual(['truss']);
  });

  it('completes the last term as a prefix', () => {
    expect(engine().complete('emp').map((h) => h.id)).toEqual(['empathy']);
    expect(engine().complete('empathic und').map((h) => h.id)).toEqual(['empathy']);
  });

  it('reports which name field matched', () => {
    expect(engine().lookup('fiduciary')[0]!.fields).toEqual(['alias']);
  });
});
