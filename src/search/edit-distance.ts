/**
 * Edit distances for typo look-ups, on UTF-16 code units. "One typo" is an optimal-string-alignment
 * (restricted Damerau) distance of 1: one letter inserted, dropped or replaced, or two neighbouring
 * letters swapped.
 */

/**
 * Whether the first `length` code units of `query` are within one typo of `word`: 0 when equal,
 * 1 when one edit apart, 2 when further. Linear, allocates nothing.
 */
export function withinOneEdit(query: Uint16Array, length: number, word: string): 0 | 1 | 2 {
  const wordLength = word.length;
  if (length > wordLength + 1 || wordLength > length + 1) return 2;
  const shorter = Math.min(length, wordLength);
  let i = 0;
  while (i < shorter && query[i] === word.charCodeAt(i)) i++;
  if (length === wordLength) {
    if (i === length) return 0;
    if (tailsEqual(query, length, i + 1, word, i + 1)) return 1; // replaced
    return i + 1 < length && query[i] === word.charCodeAt(i + 1) && query[i + 1] === word.charCodeAt(i)
      && tailsEqual(query, length, i + 2, word, i + 2) ? 1 : 2; // swapped
  }
  // One letter more in the query (inserted) or one fewer (dropped).
  return length > wordLength ? (tailsEqual(query, length, i + 1, word, i) ? 1 : 2) : (tailsEqual(query, length, i, word, i + 1) ? 1 : 2);
}

function tailsEqual(query: Uint16Array, length: number, from: number, word: string, wordFrom: number): boolean {
  if (length - from !== word.length - wordFrom) return false;
  for (let i = from, j = wordFrom; i < length; i++, j++) if (query[i] !== word.charCodeAt(j)) return false;
  return true;
}

/**
 * Optimal-string-alignment distance between `a` and `b`, or `max + 1` as soon as it must exceed
 * `max`. The brute-force reference, and the look-up for more than one typo ("did you mean").
 */
export function osaDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let twoBack = new Array<number>(m + 1).fill(0);
  let previous = Array.from({ length: m + 1 }, (_, j) => j);
  let current = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, twoBack[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return Math.min(previous[m]!, max + 1);
}
