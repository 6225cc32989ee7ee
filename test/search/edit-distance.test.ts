import { describe, expect, it } from 'vitest';
import { osaDistance, withinOneEdit } from '../../src/search/edit-distance.js';

/** The textbook optimal-string-alignment distance, with no early exit: the reference. */
function reference(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

function codes(text: string): Uint16Array {
  return Uint16Array.from(text, (c) => c.charCodeAt(0));
}

/** Every string over a small alphabet up to a length: dense in near neighbours. */
function allStrings(alphabet: string, maxLength: number): string[] {
  const out = [''];
  for (let i = 0; i < out.length; i++) {
    if (out[i]!.length === maxLength) continue;
    for (const c of alphabet) out.push(out[i]! + c);
  }
  return out;
}

describe('edit distance', () => {
  const words = allStrings('abc', 4);

  it('osaDistance equals the reference, capped at max + 1', () => {
    for (const a of words) {
      for (const b of words) {
        expect(osaDistance(a, b, 2)).toBe(Math.min(reference(a, b), 3));
      }
    }
  });

  it('withinOneEdit says 0, 1 or "further" exactly as the reference does', () => {
    for (const a of words) {
      for (const b of words) {
        expect(withinOneEdit(codes(a), a.length, b)).toBe(Math.min(reference(a, b), 2));
      }
    }
  });

  it('counts a swap of neighbouring letters as one typo, two swaps as more', () => {
    expect(withinOneEdit(codes('trsut'), 5, 'trust')).toBe(1);
    expect(withinOneEdit(codes('rtsut'), 5, 'trust')).toBe(2);
  });
});
