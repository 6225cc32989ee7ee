import { describe, expect, it } from 'vitest';
import { DeletionTable, toCodes } from '../../src/search/deletion-table.js';
import { osaDistance } from '../../src/search/edit-distance.js';

/** A seeded generator, so the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Words over a four-letter alphabet: small enough that most have several one-typo neighbours. */
function corpus(count: number, random: () => number): string[] {
  const words = new Set<string>();
  while (words.size < count) {
    const length = 2 + Math.floor(random() * 7);
    words.add(Array.from({ length }, () => 'abcd'[Math.floor(random() * 4)]).join(''));
  }
  return [...words];
}

function neighbours(table: DeletionTable, query: string): string[] {
  const codes = new Uint16Array(64);
  const out = new Uint32Array(4096);
  const count = table.neighbours(codes, toCodes(query, codes), out);
  return [...out.subarray(0, count)].map((id) => terms[id]!).sort();
}

const random = seeded(11);
const terms = corpus(800, random);
const filed = (term: string): boolean => term.length >= 3;
const table = new DeletionTable(terms, filed);

describe('deletion-neighbourhood table', () => {
  it('finds exactly the filed terms one typo away, as a brute-force scan does', () => {
    // Queries: the terms themselves and random strings, many of them typos of terms.
    const queries = [...terms.slice(0, 200), ...corpus(300, random)];
    for (const query of queries) {
      const expected = terms.filter((term) => filed(term) && osaDistance(query, term, 1) === 1).sort();
      expect(neighbours(table, query), query).toEqual(expected);
    }
  });

  it('narrowed to swaps and dropped letters, still finds every one of those, and only one-typo neighbours', () => {
    const isSwap = (query: string, term: string): boolean => query.length === term.length
      && [...query].some((_, i) => i + 1 < query.length && query[i] !== query[i + 1]
        && query.slice(0, i) + query[i + 1] + query[i] + query.slice(i + 2) === term);
    const codes = new Uint16Array(64);
    const out = new Uint32Array(4096);
    for (const query of [...terms.slice(0, 200), ...corpus(300, seeded(12))]) {
      const all = neighbours(table, query);
      const count = table.neighbours(codes, toCodes(query, codes), out, true);
      const narrowed = [...out.subarray(0, count)].map((id) => terms[id]!).sort();
      const wanted = all.filter((term) => isSwap(query, term) || (term.length === query.length + 1));
      expect(narrowed.filter((term) => wanted.includes(term)), query).toEqual(wanted);
      expect(all, query).toEqual(expect.arrayContaining(narrowed));
    }
  });

  it('finds each kind of typo: swap, drop, insert, substitute', () => {
    const words = ['consociational', 'reassurance', 'empathy', 'trust'];
    const wordTable = new DeletionTable(words, () => true);
    const find = (query: string): string[] => {
      const codes = new Uint16Array(64);
      const out = new Uint32Array(16);
      const count = wordTable.neighbours(codes, toCodes(query, codes), out);
      return [...out.subarray(0, count)].map((id) => words[id]!);
    };
    expect(find('consociatoinal')).toEqual(['consociational']); // swap
    expect(find('reasurance')).toEqual(['reassurance']); // drop
    expect(find('empathey')).toEqual(['empathy']); // insert
    expect(find('trusk')).toEqual(['trust']); // substitute
    expect(find('trust')).toEqual([]); // the term itself is not its own neighbour
    expect(find('truks')).toEqual([]); // two typos
  });

  it('never offers a term that is not filed', () => {
    expect(neighbours(table, 'ab').every((term) => term.length >= 3)).toBe(true);
  });

  it('holds its keys in typed arrays, a few bytes per entry', () => {
    expect(table.size).toBeGreaterThan(terms.length);
    expect(table.bytes / table.size).toBeLessThan(24);
  });
});
