import { describe, expect, it } from 'vitest';
import { fixtureLexicon } from '../fixtures/lexicon.js';
import { ask, citationsOf, resultsOf, suggestionsOf } from './helpers.js';

describe('/search', () => {
  it('returns passages with their entry, author and the matched words marked', () => {
    const reply = ask(fixtureLexicon(), 'search OED definition');
    expect(reply.kind).toBe('search');
    expect(reply.entryId).toBeNull();
    expect(resultsOf(reply)?.length).toBeGreaterThan(0);
    for (const result of resultsOf(reply) ?? []) {
      expect(result.entryId).toBe('empathy');
      expect(result.authors).toEqual(['David A. Welch']);
      expect(result.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of result.highlights) {
        // The real search stems: "definition" also marks "definitions".
        expect(result.excerpt.slice(start, end).toLowerCase()).toMatch(/^(oed|definitions?)$/);
      }
    }
    expect(resultsOf(reply).map((r) => r.entryTitle)).toContain('Empathy › Confidence');
  });

  it('renders footnote markers in excerpts and keeps the highlights on the right words', () => {
    const reply = ask(fixtureLexicon(), 'search sharing');
    const result = resultsOf(reply)?.[0];
    expect(result?.excerpt).toContain('perspective.⁵⁷');
    expect(result?.excerpt).not.toContain('[^57]');
    const [start, end] = result?.highlights[0] ?? [0, 0];
    expect(result?.excerpt.slice(start, end)).toBe('sharing');
    expect(citationsOf(reply).map((c) => c.number)).toEqual([57]);
  });

  it('states the results once, in one results block, and replays the whole query', () => {
    const reply = ask(fixtureLexicon(), 'search voluntary');
    expect(reply.blocks.map((block) => block.kind)).toEqual(['results', 'citations']);
    expect(resultsOf(reply)[0]).toMatchObject({ entryTitle: 'Self-Restraint', authors: ['Zhang Linting'], excerpt: expect.stringContaining('voluntary') });
    expect(reply.actions.map((a) => a.request)).toEqual([
      { command: 'search', options: { query: 'voluntary' } },
      { command: 'define', options: { term: 'self-restraint' } },
    ]);
  });

  it('answers nothing found with suggestions', () => {
    const reply = ask(fixtureLexicon(), 'search zebra crossing');
    expect(reply.kind).toBe('no-match');
    expect(reply.title).toBe('Nothing found for “zebra crossing”');
    expect(suggestionsOf(reply).map((s) => s.entryId).length).toBeGreaterThan(0);
  });
});
