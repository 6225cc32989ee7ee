import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../../src/core/answer-cache.js';

describe('AnswerCache', () => {
  it('computes once per key and evicts the least recently used beyond its capacity', () => {
    const cache = new AnswerCache<number>(2);
    let computed = 0;
    const compute = () => ++computed;
    expect(cache.get('a', compute)).toBe(1);
    expect(cache.get('a', compute)).toBe(1);
    cache.get('b', compute);
    cache.get('a', compute); // a is now the most recent
    cache.get('c', compute); // evicts b
    expect(cache.size).toBe(2);
    expect(cache.get('b', compute)).toBe(4);
    expect(cache.get('a', () => -1)).toBe(-1); // a was evicted by b's return
  });

  it('keeps nothing with capacity 0, and never keeps a failed computation', () => {
    const off = new AnswerCache<number>(0);
    off.get('a', () => 1);
    expect(off.size).toBe(0);
    const cache = new AnswerCache<number>(4);
    expect(() => cache.get('x', () => { throw new Error('boom'); })).toThrow('boom');
    expect(cache.get('x', () => 7)).toBe(7);
  });
});
