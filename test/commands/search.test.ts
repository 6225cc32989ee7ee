import { describe, expect, it } from 'vitest';
import { fixtureLexicon } from '../fixtures/lexicon.js';
import { ask } from './helpers.js';

describe('/search', () => {
  it('returns passages with their entry, author and the matched words marked', () => {
    const reply = ask(fixtureLexicon(), 'search OED definition');
    expect(reply.kind).toBe('search');
    expect(reply.entryId).toBeNull();
    expect(reply.results?.length).toBeGreaterThan(0);
    for (const result of reply.results ?? []) {
      expect(result.entryId).toBe('empathy');
      expect(result.authors).toEqual(['David A. Welch']);
      expect(result.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of result.highlights) {
        expect(['oed', 'definition']).toContain(result.excerpt.slice(start, end).toLowerCase());
      }
    }
    expect(reply.results?.map((r) => r.entryTitle)).toEqual(['Empathy › Confidence', 'Empathy › Empathy']);
  });

  it('renders footnote markers in excerpts and keeps the highlights on the right words', () => {
    const reply = ask(fixtureLexicon(), 'search sharing');
    const result = reply.results?.[0];
    expect(result?.excerpt).toContain('perspective.⁵⁷');
    expect(result?.excerpt).not.toContain('[^57]');
    const [start, end] = result?.highlights[0] ?? [0, 0];
    expect(result?.excerpt.slice(start, end)).toBe('sharing');
    expect(reply.citations.map((c) => c.number)).toEqual([57]);
  });

  it('summarises the results as parts: a heading with entry and author, then the excerpt', () => {
    const reply = ask(fixtureLexicon(), 'search voluntary');
    expect(reply.parts[0]).toEqual({ kind: 'heading', text: 'Self-Restraint — Zhang Linting' });
    expect(reply.parts[1]).toMatchObject({ kind: 'quote', text: expect.stringContaining('voluntary') });
    expect(reply.actions.map((a) => a.request)).toEqual([
      { command: 'search', options: { query: 'voluntary' } },
      { command: 'define', options: { term: 'self-restraint' } },
    ]);
  });

  it('answers nothing found with suggestions', () => {
    const reply = ask(fixtureLexicon(), 'search zebra crossing');
    expect(reply.kind).toBe('no-match');
    expect(reply.title).toBe('Nothing found for “zebra crossing”');
    expect(reply.suggestions.length).toBeGreaterThan(0);
  });
});
