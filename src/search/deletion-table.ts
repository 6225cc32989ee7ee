/**
 * A deletion-neighbourhood table (the SymSpell idea) for one-typo look-ups.
 *
 * Every term is filed under itself and under each string made by deleting one of its letters;
 * a query probes itself and its own one-letter deletions. Two words one typo apart (a letter
 * inserted, dropped, replaced, or two neighbours swapped) always share a key, so the probes yield
 * every candidate. Each entry also records where its deletion was made, so that most keys shared
 * by words two edits apart (both deletions far from each other) are dropped without reading the
 * term; `withinOneEdit` checks the rest (and any hash collision).
 *
 * Keys are 32-bit hashes, never strings: the table is one typed array of slots, each a full hash
 * beside its term id and deletion place, filed at the slot of the hash's top bits or, when that
 * one is taken, at the next free one after it (linear probing). A probe
 * reads one cache line where a directory and a separate array of entries cost two. On WordNet's
 * names that is about 17 MB where a `Map` of the 725,014 key strings costs about 77 MB, and a
 * look-up hashes the query's deletions in place, without building a single variant string.
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

/** Marks a key that is the whole term, not a deletion. */
const WHOLE = 63;

/**
 * The keys of one term: the hash of the term and of each one-letter deletion, into `out`, with
 * where each deletion was made: the run of equal letters the deleted one belongs to, `[from, to)`
 * (`WHOLE` for the term itself), since deleting any letter of a run gives one string, keyed once.
 * A polynomial hash, so every deletion's hash comes from a prefix and a suffix sum (linear in the
 * length, where hashing each deletion anew was quadratic). Returns how many keys.
 */
function keysOf(codes: Uint16Array, length: number, out: Uint32Array, from: Uint8Array, to: Uint8Array, prefix: Uint32Array): number {
  prefix[0] = 0;
  for (let i = 0; i < length; i++) prefix[i + 1] = (Math.imul(prefix[i]!, PRIME) + codes[i]! + 1) | 0;
  let count = 0;
  from[count] = WHOLE;
  to[count] = WHOLE;
  out[count++] = finish(prefix[length]!, length);
  let suffix = 0;
  let power = 1;
  let runEnd = length;
  for (let i = length - 1; i >= 0; i--) {
    if (i + 1 < length && codes[i] !== codes[i + 1]) runEnd = i + 1;
    if (i === 0 || codes[i] !== codes[i - 1]) {
      from[count] = i;
      to[count] = runEnd;
      out[count++] = finish((Math.imul(prefix[i]!, power) + suffix) | 0, length - 1);
    }
    suffix = (suffix + Math.imul(codes[i]! + 1, power)) | 0;
    power = Math.imul(power, PRIME);
  }
  return count;
}

/**
 * Whether a query key and a term key that hash alike can make the two words one typo apart: one
 * of them the whole word (a letter dropped or added), or both deletions made at the same place
 * (a letter replaced) or at neighbouring places (a swap). Deletions further apart mean two edits,
 * and the candidate is dropped without reading the term.
 */
function mayBeOneTypo(queryFrom: number, queryTo: number, termFrom: number, termTo: number): boolean {
  if (queryFrom === WHOLE) return termFrom !== WHOLE;
  return termFrom === WHOLE || (queryFrom <= termTo && termFrom <= queryTo);
}

/** `mayBeOneTypo` for a swap or a letter dropped from the term only: deletions side by side, or the query whole. */
function mayBeSwapOrDrop(queryFrom: number, queryTo: number, termFrom: number, termTo: number): boolean {
  if (queryFrom === WHOLE) return termFrom !== WHOLE;
  return termFrom !== WHOLE && (queryTo === termFrom || termTo === queryFrom);
}

/** Term id and deletion run in one 32-bit word: id above 12 bits, then `from` and `to` (6 bits each). */
const ID_SHIFT = 12;
/** Most terms a table can hold (ids in the top 20 bits). */
export const MAX_TABLE_TERMS = 2 ** (32 - ID_SHIFT);

/** See the module comment. Built once from a term list; read-only afterwards. */
export class DeletionTable {
  /**
   * Slot e: its key's hash at 2e, its term id and deletion run at 2e + 1 (see `ID_SHIFT`; 0 for a
   * free slot, which no entry is: a deletion's run ends after its start). A key's entries are at
   * its home slot (`hash >>> shift`) or after it, up to the next free slot (wrapping around).
   */
  private readonly slots: Uint32Array;
  private readonly shift: number;
  private readonly mask: number;
  private readonly entryCount: number;
  /** Scratch for a query's keys and candidate de-duplication, reused by every look-up. */
  private readonly queryKeys = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
  private readonly queryFrom = new Uint8Array(MAX_TABLE_TERM_LENGTH + 2);
  private readonly queryTo = new Uint8Array(MAX_TABLE_TERM_LENGTH + 2);
  private readonly prefix = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
  private readonly seenAt: Uint32Array;
  private generation = 0;

  /**
   * @param terms every term, by id
   * @param filed whether a term goes in the table (the rest are never offered as typo candidates)
   */
  constructor(private readonly terms: readonly string[], filed: (term: string) => boolean) {
    if (terms.length > MAX_TABLE_TERMS) throw new Error(`a deletion table holds at most ${MAX_TABLE_TERMS} terms`);
    const codes = new Uint16Array(MAX_TABLE_TERM_LENGTH + 1);
    const keys = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
    const from = new Uint8Array(MAX_TABLE_TERM_LENGTH + 2);
    const to = new Uint8Array(MAX_TABLE_TERM_LENGTH + 2);
    const prefix = new Uint32Array(MAX_TABLE_TERM_LENGTH + 2);
    // One pass keeps every term's keys (hash, term and run), growing its arrays; then a counting
    // sort by directory slot places them.
    let pairHashes = new Uint32Array(Math.max(16, terms.length * 8));
    let pairPacked = new Uint32Array(pairHashes.length);
    let at = 0;
    for (let id = 0; id < terms.length; id++) {
      const term = terms[id]!;
      if (term.length > MAX_TABLE_TERM_LENGTH || !filed(term)) continue;
      const count = keysOf(codes, toCodes(term, codes), keys, from, to, prefix);
      if (at + count > pairHashes.length) {
        const hashes = new Uint32Array(pairHashes.length * 2);
        hashes.set(pairHashes);
        pairHashes = hashes;
        const packed = new Uint32Array(pairPacked.length * 2);
        packed.set(pairPacked);
        pairPacked = packed;
      }
      for (let k = 0; k < count; k++) {
        const hash = keys[k]!;
        // Two keys of one term that hash alike (a collision) are filed once.
        if (includesBefore(keys, k, hash)) continue;
        pairHashes[at] = hash;
        pairPacked[at] = ((id << ID_SHIFT) | (from[k]! << 6) | to[k]!) >>> 0;
        at++;
      }
    }
    // A power of two of slots, filled to at most 0.6 (WordNet: 0.41): a probe that finds nothing
    // reads about two to four slots, in one cache line.
    const bits = Math.max(4, Math.min(24, Math.ceil(Math.log2(Math.max(1, at / 0.6)))));
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    const slots = new Uint32Array(2 << bits);
    for (let p = 0; p < at; p++) {
      // Entries of one key land in the order they come (term by term), as a probe reads them.
      let slot = pairHashes[p]! >>> this.shift;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
      slots[2 * slot] = pairHashes[p]!;
      slots[2 * slot + 1] = pairPacked[p]!;
    }
    this.slots = slots;
    this.entryCount = at;
    this.seenAt = new Uint32Array(terms.length);
  }

  /** Number of (key, term) entries. */
  get size(): number {
    return this.entryCount;
  }

  /** Bytes held by the table's arrays. */
  get bytes(): number {
    return this.slots.byteLength + this.seenAt.byteLength;
  }

  /**
   * Writes into `out` the id of every filed term within one typo of `codes[0..length)` but not
   * equal to it, and returns how many (at most `out.length`). Allocates nothing. `swapOrDrop`
   * narrows the look-up to swaps and letters the query dropped (the typos of a three-letter word):
   * the others are then skipped before they are checked; `out` may still hold a few.
   */
  neighbours(codes: Uint16Array, length: number, out: Uint32Array, swapOrDrop = false): number {
    if (length > MAX_TABLE_TERM_LENGTH) return 0;
    if (++this.generation === 0xffffffff) {
      this.seenAt.fill(0);
      this.generation = 1;
    }
    const slots = this.slots;
    const shift = this.shift;
    const mask = this.mask;
    let found = 0;
    const count = keysOf(codes, length, this.queryKeys, this.queryFrom, this.queryTo, this.prefix);
    for (let k = 0; k < count; k++) {
      const hash = this.queryKeys[k]!;
      const queryFrom = this.queryFrom[k]!;
      const queryTo = this.queryTo[k]!;
      for (let e = hash >>> shift; ; e = (e + 1) & mask) {
        const packed = slots[2 * e + 1]!;
        if (packed === 0) break;
        if (slots[2 * e] !== hash) continue;
        const termFrom = (packed >>> 6) & 63;
        const termTo = packed & 63;
        if (swapOrDrop ? !mayBeSwapOrDrop(queryFrom, queryTo, termFrom, termTo) : !mayBeOneTypo(queryFrom, queryTo, termFrom, termTo)) continue;
        const id = packed >>> ID_SHIFT;
        if (this.seen(id, out, found)) continue;
        if (found < out.length && withinOneEdit(codes, length, this.terms[id]!) === 1) out[found++] = id;
      }
    }
    return found;
  }

  /**
   * Whether term `id` came up before in this look-up. A few found terms are searched in `out` (in
   * cache, where a per-term stamp costs a memory read per candidate); beyond that, stamps.
   */
  private seen(id: number, out: Uint32Array, found: number): boolean {
    if (found < FEW) {
      for (let i = 0; i < found; i++) if (out[i] === id) return true;
      return false; // a candidate that failed the check may be checked again: rare, and harmless
    }
    if (found === FEW) for (let i = 0; i < found; i++) this.seenAt[out[i]!] = this.generation;
    if (this.seenAt[id] === this.generation) return true;
    this.seenAt[id] = this.generation;
    return false;
  }
}

/** Found terms up to this many are de-duplicated by a scan of the list. */
const FEW = 16;

function includesBefore(keys: Uint32Array, before: number, hash: number): boolean {
  for (let k = 0; k < before; k++) if (keys[k] === hash) return true;
  return false;
}
