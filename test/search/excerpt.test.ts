import { describe, expect, it } from 'vitest';
import { excerptAround, findHits, MAX_EXCERPT_LENGTH } from '../../src/search/excerpt.js';

const LONG = `${'Opening words that say nothing in particular about the matter at hand. '.repeat(6)}`
  + 'Here the *effectivités* doctrine appears. '
  + `${'Closing words that go on for a while longer than anyone would like to read. '.repeat(6)}`;

describe('excerpts', () => {
  it('marks the matched words exactly, accents and markup aside', () => {
    const hits = findHits(LONG, new Set(['effectivite']));
    expect(hits).toHaveLength(1);
    const [start, end] = hits[0]!;
    expect(LONG.slice(start, end)).toBe('effectivités');
  });

  it('merges overlapping CJK bigrams into one highlight', () => {
    const text = '协和安全机制 (xiehe anquan jizhi)';
    const hits = findHits(text, new Set(['协和', '和安', '安全', '全机', '机制']));
    expect(hits.map(([s, e]) => text.slice(s, e))).toEqual(['协和安全机制']);
  });

  it('cuts a long paragraph around the hit with ellipses, within the length limit', () => {
    const excerpt = excerptAround(LONG, findHits(LONG, new Set(['effectivite'])));
    expect(excerpt.text.length).toBeLessThanOrEqual(MAX_EXCERPT_LENGTH);
    expect(excerpt.text.startsWith('…')).toBe(true);
    expect(excerpt.text.endsWith('…')).toBe(true);
    const [start, end] = excerpt.highlights[0]!;
    expect(excerpt.text.slice(start, end)).toBe('effectivités');
    // Verbatim: the excerpt without its ellipses is a piece of the paragraph.
    expect(LONG).toContain(excerpt.text.slice(1, -1));
  });

  it('keeps a short paragraph whole', () => {
    const text = 'Trust is built slowly.';
    const excerpt = excerptAround(text, findHits(text, new Set(['trust'])));
    expect(excerpt).toEqual({ text, highlights: [[0, 5]] });
  });
});
