import { describe, expect, it } from 'vitest';
import { PostingsIndex } from '../../src/search/postings.js';

describe('postings index', () => {
  it('finds every term by its id once ranked, and no other string, also after more documents', () => {
    const index = new PostingsIndex([1]);
    const words = Array.from({ length: 3000 }, (_, i) => `q${i}`);
    for (let i = 0; i < words.length; i += 3) index.add([words.slice(i, i + 3).join(' ')]);
    index.finalize();
    words.forEach((word, i) => expect(index.termId(word)).toBe(i));
    expect(index.termId('q')).toBe(-1);
    expect(index.termId('nothing')).toBe(-1);
    index.add(['fresh q0']);
    expect(index.termId('fresh')).toBe(words.length); // before ranking, as after
    index.finalize();
    expect(index.termId('fresh')).toBe(words.length);
    expect(index.termId('q0')).toBe(0);
  });

  it('keeps each posting\'s document, fields and score side by side, best first', () => {
    const index = new PostingsIndex([2, 1]);
    index.add(['alpha', 'beta']);
    index.add(['beta gamma', 'beta']);
    index.add([undefined, 'alpha alpha']);
    index.finalize();
    const beta = index.termId('beta');
    const postings = [];
    for (let p = index.start[beta]!; p < index.start[beta + 1]!; p++) postings.push({ doc: index.docAt(p), fields: index.fieldsAt(p), score: index.scoreAt(p) });
    expect(postings.map((p) => [p.doc, p.fields])).toEqual([[1, 0b11], [0, 0b10]]);
    expect(postings[0]!.score).toBeGreaterThan(postings[1]!.score);
    expect(index.postingCount).toBe(index.start[index.terms.length]);
  });
});
