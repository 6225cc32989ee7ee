/**
 * A deletion-neighbourhood table (the SymSpell idea) for one-typo look-ups.
 *
 * Every term is filed under itself and under each string made by deleting one of its letters;
 * a query probes itself and its own one-letter deletions. Two words one typo apart (a letter
 * inserted, dropped, replaced, or two neighbours swapped) always share a key, so the probes yield
 * every candidate; `withinOneEdit` then drops the few that share a key without being one typo apart
 * (and any hash collision).
 *
 * Keys are 32-bit hashes, never strings: the table is three typed arrays (a directory by the hash's
 * top bits, then each entry's full hash and term id, grouped by directory slot). On WordNet's
 * names that is about 9 MB where a `Map` of the 725,014 key strings costs about 77 MB, and a look-up
 * hashes the query's deletions in place, without building a single variant string.
 */
import { withinOneEdit } from './edit-distance.js';

/** Longest term filed: longer "words" are codes or URLs nobody mistypes by one letter. */
export const MAX_TABLE_TERM_LENGTH = 40;

/** Multiplier of the polynomial hash (odd, so that multiplying by it loses nothing modulo 2^32). */
const PRIME = 0x01000193;

/** murmur3's finalizer with the string's length mixed in: spreads a polynomial hash over all 32 bits. */
function finish(hash: number, length: number): number {
  let h = hash ^ Math.imul(length, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Copies `text` into `codes` (which must be long enough); returns its length. */
export function toCodes(text: string, codes: Uint16Array): number {
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  return text.length;
}

/**
 * The keys of one term: the hash of the term and of each one-letter deletion, into `out`; returns
 * how many. A polynomial hash, so every deletion's hash comes from a prefix and a suffix sum
 * (linear in the length, where hashing each deletion anew was quadratic). A run of equal letters
 * gives the same deletion once per letter: it is keyed once.
 */
function keysOf(codes: Uint16Array, length: number, out: Uint32Array, prefix: Uint32Array): number {
  prefix[0] = 0;
  for (let i = 0; i < length; i++) prefix[i + 1] = (Math.imul(prefix[i]!, PRIME) + codes[i]! + 1) | 0;
  let count = 0;
  out[count++] = finish(prefix[length]!, length);
  let suffix = 0;
  let power = 1;
  for (let i = length - 1; i >= 0; i--) {
    if (i === 0 || codes[i] !== codes[i - 1]) out[count++] = finish((Math.imul(prefix[i]!, power) + suffix) | 0, length - 1);
    suffix = (suffix + Math.imul(codes[i]! + 1, power)) | 0;
    power = Math.imul(power, PRIME);
  }
  return count;
}

/** See the module comment. Built once from a term list; read-only afterwards. */
export class DeletionTable {
  /** Entries of directory slot s are at [directory[s], directory[s + 1]). */
  private readonly directory: Uint32Array;
  private readonly hashes: Uint32Array;
  private readonly termIds: Uint32Array;
  private readonly shift: number;
  /** Scratch for a query's keys and candidate de-duplication, reused by every look-up. */
  private readonly queryKeys = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
  private readonly prefix = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
  private readonly seenAt: Uint32Array;
  private generation = 0;

  /**
   * @param terms every term, by id
   * @param filed whether a term goes in the table (the rest are never offered as typo candidates)
   */
  constructor(private readonly terms: readonly string[], filed: (term: string) => boolean) {
    const codes = new Uint16Array(MAX_TABLE_TERM_LENGTH + 1);
    const keys = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
    const prefix = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
    // Pass 1: how many entries, to size the directory (about two entries per slot).
    let total = 0;
    const isFiled = new Uint8Array(terms.length);
    for (let id = 0; id < terms.length; id++) {
      const term = terms[id]!;
      if (term.length > MAX_TABLE_TERM_LENGTH || !filed(term)) continue;
      isFiled[id] = 1;
      total += keysOf(codes, toCodes(term, codes), keys, prefix);
    }
    const bits = Math.max(4, Math.min(24, Math.ceil(Math.log2(Math.max(1, total / 2)))));
    this.shift = 32 - bits;
    const directory = new Uint32Array((1 << bits) + 1);
    // Pass 2 keeps every term's keys (hash, term) in order, pass 3 places them by slot (a counting sort).
    const pairHashes = new Uint32Array(total);
    const pairTerms = new Uint32Array(total);
    let at = 0;
    for (let id = 0; id < terms.length; id++) {
      if (isFiled[id] === 0) continue;
      const count = keysOf(codes, toCodes(terms[id]!, codes), keys, prefix);
      for (let k = 0; k < count; k++) {
        const hash = keys[k]!;
        // Two keys of one term that hash alike (a collision) are filed once.
        if (includesBefore(keys, k, hash)) continue;
        pairHashes[at] = hash;
        pairTerms[at] = id;
        directory[(hash >>> this.shift) + 1]!++;
        at++;
      }
    }
    for (let s = 1; s < directory.length; s++) directory[s]! += directory[s - 1]!;
    const fill = directory.slice(0, -1);
    this.hashes = new Uint32Array(at);
    this.termIds = new Uint32Array(at);
    for (let p = 0; p < at; p++) {
      const slot = pairHashes[p]! >>> this.shift;
      const to = fill[slot]!++;
      this.hashes[to] = pairHashes[p]!;
      this.termIds[to] = pairTerms[p]!;
    }
    this.directory = directory;
    this.seenAt = new Uint32Array(terms.length);
  }

  /** Number of (key, term) entries. */
  get size(): number {
    return this.hashes.length;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.directory.byteLength + this.hashes.byteLength + this.termIds.byteLength + this.seenAt.byteLength;
  }

  /**
   * Writes into `out` the id of every filed term within one typo of `codes[0..length)` but not
   * equal to it, and returns how many (at most `out.length`). Allocates nothing.
   */
  neighbours(codes: Uint16Array, length: number, out: Uint32Array): number {
    if (length > MAX_TABLE_TERM_LENGTH) return 0;
    if (++this.generation === 0xffffffff) {
      this.seenAt.fill(0);
      this.generation = 1;
    }
    let found = 0;
    const count = keysOf(codes, length, this.queryKeys, this.prefix);
    for (let k = 0; k < count; k++) {
      const hash = this.queryKeys[k]!;
      const slot = hash >>> this.shift;
      for (let e = this.directory[slot]!, end = this.directory[slot + 1]!; e < end; e++) {
        if (this.hashes[e] !== hash) continue;
        const id = this.termIds[e]!;
        if (this.seenAt[id] === this.generation) continue;
        this.seenAt[id] = this.generation;
        if (found < out.length && withinOneEdit(codes, length, this.terms[id]!) === 1) out[found++] = id;
      }
    }
    return found;
  }
}

function includesBefore(keys: Uint32Array, before: number, hash: number): boolean {
  for (let k = 0; k < before; k++) if (keys[k] === hash) return true;
  return false;
}
