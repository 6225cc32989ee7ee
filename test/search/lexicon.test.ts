/**
 * Search over the real lexicon (entries/*.md), with queries in the document's own vocabulary.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEntries } from '../../src/core/load-entries.js';
import { createLexiconSearch } from '../../src/search/index.js';
import type { LexiconSearch, TermMatch } from '../../src/search/index.js';
import { queryTerms } from '../../src/search/tokenize.js';

let search: LexiconSearch;

beforeAll(async () => {
  search = createLexiconSearch(await loadEntries('entries'));
});

const address = (m: Pick<TermMatch, 'entryId' | 'sectionId'>): string =>
  (m.sectionId ? `${m.entryId}/${m.sectionId}` : m.entryId);
const resolved = (query: string): string[] => search.resolveTerm(query).matches.map(address);

describe('exact terms, aliases and acronyms', () => {
  it.each([
    ['Empathy', 'empathy'],
    ['Trust-Building Measures', 'trust-building-measures'],
    ['Consociational Security Order', 'consociational-security-order'],
    ['community of common destiny', 'community-of-human-destiny'],
    ['chance engineering', 'opportunity-engineering'],
    ['new type of great power relationship', 'new-model-of-major-power-relations'],
  ])('finds %s', (query, id) => {
    expect(resolved(query)).toEqual([id]);
    expect(search.resolveTerm(query).matches[0]!.exact).toBe(true);
  });

  it.each([
    ['TBMs', 'trust-building-measures'],
    ['CSO', 'consociational-security-order'],
    ['NMGPR', 'new-model-of-major-power-relations'],
  ])('finds the acronym %s', (query, id) => {
    expect(resolved(query)).toEqual([id]);
    expect(search.resolveTerm(query).matches[0]).toMatchObject({ matchedOn: 'alias', exact: true });
  });

  it('finds CBMs and CSBMs as the glossary terms the pieces spell out, not as aliases of TBMs', () => {
    for (const query of ['CBMs', 'CSBMs', 'confidence building measures']) {
      const matches = search.resolveTerm(query).matches;
      expect(matches.length, query).toBeGreaterThan(0);
      expect(matches.every((match) => match.matchedOn === 'glossary' && match.glossaryIndex !== undefined), query).toBe(true);
    }
    expect(search.resolveTerm('CBMs').matches.map((match) => match.entryId)).toEqual(expect.arrayContaining(['trust-building-measures', 'empathy', 'maritime-cooperation-roadmap']));
  });

  it('finds acronyms in either number and any case', () => {
    expect(resolved('tbm')).toEqual(['trust-building-measures']);
    expect(search.resolveTerm('CBM').matches[0]?.matchedOn).toBe('glossary');
    expect(resolved('csos')).toEqual(['consociational-security-order']);
  });

  it('finds singular and plural alike', () => {
    expect(resolved('trust-building measure')).toEqual(['trust-building-measures']);
    expect(resolved('trust-building measures')).toEqual(['trust-building-measures']);
  });

  it.each(['self restraint', 'SELF-RESTRAINT', 'Self-Restraint', 'selfrestraint', 'self–restraint'])(
    'finds Self-Restraint written %s',
    (query) => {
      expect(resolved(query)).toEqual(['self-restraint']);
    },
  );
});

describe('sections', () => {
  it('resolves "confidence" to the Confidence section of Empathy', () => {
    const { matches } = search.resolveTerm('confidence');
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ entryId: 'empathy', sectionId: 'confidence', matchedOn: 'section', exact: true });
    expect(matches[0]!.label).toBe('Empathy › Confidence');
  });

  it('resolves "phase 2" to its section of the maritime roadmap', () => {
    expect(resolved('phase 2')).toEqual(['maritime-cooperation-roadmap/phase-2-building-functional-cooperation-at-sea']);
    expect(resolved('Phase 1')).toEqual(['maritime-cooperation-roadmap/phase-1-clarify-the-legal-principles']);
  });
});

describe('typos and transpositions', () => {
  it.each([
    ['empathey', 'empathy'],
    ['reasurance', 'reassurance'],
    ['trsut', 'trust'],
    ['consociatonal', 'consociational-security-order'],
    ['Consociational Secuirty Order', 'consociational-security-order'],
  ])('finds %s', (query, id) => {
    const { matches } = search.resolveTerm(query);
    expect(matches.map(address)).toEqual([id]);
    expect(matches[0]!.exact).toBe(false);
  });
});

describe('Chinese, Japanese, Korean and romanized queries', () => {
  it.each([
    ['同理心', 'empathy'],
    ['共感', 'empathy'],
    ['공감', 'empathy'],
    ['协和安全机制', 'consociational-security-order'],
    ['xiehe anquan jizhi', 'consociational-security-order'],
    ['共同体安全机制', 'consociational-security-order'],
    ['xinlai', 'trust'],
    ['信任', 'trust'],
    ['XinRen', 'trust'],
    ['신뢰', 'trust'],
    ['新型大国关系', 'new-model-of-major-power-relations'],
  ])('finds %s', (query, id) => {
    const { matches } = search.resolveTerm(query);
    expect(matches.map(address)).toContain(id);
    expect(matches.find((m) => m.entryId === id)).toMatchObject({ matchedOn: 'translation', exact: true });
  });

  it('folds full-width Latin', () => {
    expect(resolved('ｅｍｐａｔｈｙ')).toEqual(['empathy']);
  });

  it('finds the passage with effectivités for "effectivites"', () => {
    const found = search.passages('effectivites', 5);
    expect(found.length).toBeGreaterThan(0);
    for (const passage of found) {
      expect(passage.entryId).toBe('maritime-cooperation-roadmap');
      expect(passage.excerpt).toContain('effectivités');
    }
  });
});

describe('ranking', () => {
  it('puts the headword "trust" above Trust-Building Measures and the Trust section of Empathy', () => {
    const { matches } = search.resolveTerm('trust');
    expect(matches.map(address)).toEqual(['trust']);
    expect(matches[0]).toMatchObject({ matchedOn: 'term', exact: true });
  });

  it('puts "trust-building measures" on Trust-Building Measures, not Trust', () => {
    expect(resolved('trust-building measures')).toEqual(['trust-building-measures']);
  });

  it('answers an exact query with exact hits only, never beside fuzzy neighbours', () => {
    for (const query of ['Trust', 'Reassurance', 'Empathy', 'CSO']) {
      const { matches } = search.resolveTerm(query);
      expect(matches.length).toBeGreaterThan(0);
      expect(matches.every((m) => m.exact)).toBe(true);
    }
  });

  it('ranks headword hits above body hits in autocomplete', () => {
    const [first] = search.suggest('empathy', 5);
    expect(first).toMatchObject({ entryId: 'empathy', matchedOn: 'term' });
  });
});

describe('ambiguity and "did you mean"', () => {
  it('lists both pieces by Zhang Linting', () => {
    expect(resolved('Zhang Linting').sort()).toEqual(['reassurance', 'self-restraint']);
  });

  it('lists both pieces by Welch', () => {
    expect(resolved('Welch').sort()).toEqual(['empathy', 'threat-perception-gap']);
  });

  it('finds the author under both spellings of his name', () => {
    expect(resolved('Zheng Yingqin')).toEqual(['opportunity-engineering']);
    expect(resolved('Zheng Yinqin')).toEqual(['opportunity-engineering']);
  });

  it('suggests instead of matching when a word matches nothing', () => {
    const result = search.resolveTerm('empathy qwxzv');
    expect(result.matches).toEqual([]);
    expect(result.suggestions[0]).toMatchObject({ entryId: 'empathy' });
  });

  it('suggests Empathy for a misspelling two edits away', () => {
    const result = search.resolveTerm('emphaty');
    expect(result.matches).toEqual([]);
    expect(result.suggestions.map(address)).toContain('empathy');
  });

  it('suggests the entry whose text mentions a word no heading holds', () => {
    const result = search.resolveTerm('Senkaku');
    expect(result.matches).toEqual([]);
    expect(result.suggestions.map(address)).toContain('maritime-cooperation-roadmap');
  });
});

describe('bad input', () => {
  const nonsense = [
    '', '   ', 'qwxzv', '!!!', '😀🎉', '<script>alert(1)</script>', '@everyone', '<!channel>',
    '\u0000\u0007\u001b[31m', '𝕥𝕣𝕦𝕤𝕥 ∑∫', 'x'.repeat(10_000), 'trust '.repeat(2_000), '同理心'.repeat(3_000),
  ];

  it.each(nonsense.map((q) => [q.length > 30 ? `${q.slice(0, 20)}… (${q.length} chars)` : JSON.stringify(q), q]))(
    'answers %s without throwing, quickly',
    (_label, query) => {
      const started = performance.now();
      const result = search.resolveTerm(query);
      search.suggest(query, 25);
      search.passages(query, 5);
      search.termsInText(query);
      // Generous bound: this proves "no runaway work", not speed (that is the benchmark's job).
      expect(performance.now() - started).toBeLessThan(500);
      expect(Array.isArray(result.matches)).toBe(true);
    },
  );

  it('matches nothing and suggests nothing for a word that is in no entry', () => {
    expect(search.resolveTerm('qwxzv')).toEqual({ matches: [], suggestions: [] });
    expect(search.resolveTerm('!!!')).toEqual({ matches: [], suggestions: [] });
    expect(search.resolveTerm('😀')).toEqual({ matches: [], suggestions: [] });
  });
});

describe('autocomplete', () => {
  it.each([
    ['emp', 'empathy'],
    ['empathey', 'empathy'],
    ['tbm', 'trust-building-measures'],
    ['同理', 'empathy'],
    ['consoc', 'consociational-security-order'],
    ['new model of maj', 'new-model-of-major-power-relations'],
  ])('completes %s', (query, id) => {
    const suggestions = search.suggest(query, 5);
    expect(suggestions[0]!.entryId).toBe(id);
    expect(suggestions.length).toBeLessThanOrEqual(5);
  });

  it('keeps every label within 100 characters', () => {
    for (const query of ['e', 'the', 'how', 'threat', 'phase', 'cooperation', 'empathy']) {
      for (const match of search.suggest(query, 25)) expect(match.label.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('passages', () => {
  it('returns verbatim excerpts whose highlights point at query words', () => {
    for (const query of ['virtuous spiral', 'self restraint', 'Senkaku Diaoyu', 'effectivites', 'CBMs']) {
      const found = search.passages(query, 5);
      expect(found.length).toBeGreaterThan(0);
      const asked = new Set(queryTerms(query));
      for (const passage of found) {
        expect(passage.excerpt.length).toBeLessThanOrEqual(300);
        expect(passage.highlights.length).toBeGreaterThan(0);
        for (const [start, end] of passage.highlights) {
          const marked = queryTerms(passage.excerpt.slice(start, end));
          expect(marked.length).toBeGreaterThan(0);
          for (const term of marked) expect(asked.has(term)).toBe(true);
        }
      }
    }
  });

  it('ranks the paragraph holding every word first', () => {
    const [first] = search.passages('virtuous spiral trust', 3);
    expect(first!.entryId).toBe('empathy');
    const words = first!.highlights.map(([s, e]) => first!.excerpt.slice(s, e).toLowerCase());
    expect(words).toEqual(expect.arrayContaining(['virtuous', 'spiral']));
  });

  it('finds passages despite a typo when nothing matches as typed', () => {
    const found = search.passages('Senkaku Diaoyu islnds', 3);
    expect(found.length).toBeGreaterThan(0);
  });
});

describe('terms in a message', () => {
  it('lists every lexicon term mentioned, in order, once each', () => {
    const found = search.termsInText(
      'Are CBMs the same as trust-building measures? Confidence comes first, then trust, '
      + 'then empathy (同理心); self restraint and the CSO idea too. Trust again.',
    );
    // CBMs: the acronym of the document's glossary, spelled out where it is used most (5A), not TBMs.
    expect(found[0]).toMatchObject({ entryId: 'empathy', matchedOn: 'glossary' });
    expect(found.map(address)).toEqual([
      'empathy',
      'trust-building-measures',
      'empathy/confidence',
      'trust',
      'empathy',
      'self-restraint',
      'consociational-security-order',
    ]);
  });

  it('points recorded renderings and romanizations where term search does', () => {
    const found = search.termsInText('在中文里，信任 and xinlai; 协和安全机制 (xiehe anquan jizhi) and 공감.');
    expect(found.map(address)).toEqual(['trust', 'consociational-security-order', 'empathy']);
  });

  it('finds nothing in a message without lexicon terms', () => {
    expect(search.termsInText('Lunch at noon? @everyone <!channel>')).toEqual([]);
  });
});
