/**
 * Pre-ranked postings: for every term of a group of fields, the documents holding it, already
 * scored (BM25+, MiniSearch's formula and parameters, each field weighted by its boost) and sorted
 * best first when the index is built. A one-term query's first page is then a slice, and a query
 * of several terms adds up scores that are already computed.
 *
 * Stored as flat typed arrays (compressed sparse rows): `start[t]..start[t + 1]` are term t's
 * postings, each 16 bytes side by side (document, fields, score; see `docAt`), so that a list's
 * head is one cache line where three arrays cost three.
 */
import { indexTerms } from './tokenize.js';

/** MiniSearch's BM25+ defaults, so scores and ranking stay those the lexicon was tuned with. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };

/** Most fields one index can weigh (one bit each in `fields`). */
export const MAX_FIELDS = 16;

/** A `Uint32Array` that grows by doubling: index build without per-posting objects. */
class GrowableU32 {
  array = new Uint32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.array.length) {
      const bigger = new Uint32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = value;
  }
}

/** The terms of a group of fields and their ranked postings. Add documents in id order, then `finalize`. */
export class PostingsIndex {
  /** Term by id, and id by term. */
  readonly terms: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly boosts: readonly number[];
  /** Per field: token count of each document, and the running average MiniSearch keeps. */
  private readonly lengths: GrowableU32[];
  private readonly averageLength: number[];
  private documents = 0;
  // Postings as added: one row per (term, document, field).
  private readonly rawTerm = new GrowableU32();
  private readonly rawDoc = new GrowableU32();
  private readonly rawFieldTf = new GrowableU32();
  private readonly rawWhole = new GrowableU32();
  /** Per term: the document and field it was last counted for, and where its row is (term frequency). */
  private readonly lastSeen: number[] = [];
  private readonly lastRow: number[] = [];

  /** Terms by hash: slot s holds a term's hash at 2s and its id + 1 at 2s + 1 (0: free). See `termId`. */
  private termSlots = new Int32Array(32);
  start = new Uint32Array(1);
  /** Posting p: its document at 4p, its field bits at 4p + 1, and (in `scores`, the same memory) its score at 2p + 1. */
  private words = new Uint32Array(0);
  private scores = new Float64Array(0);
  private finalized = true;

  /**
   * @param boosts one weight per field, in field order
   * @param wholeNameBoost factor for a term that is a whole line of a field by itself (a name,
   *   not a word in a longer name): "inverted" ranks the synset named "inverted" above "inverted pleat"
   */
  constructor(boosts: readonly number[], private readonly wholeNameBoost = 1) {
    if (boosts.length > MAX_FIELDS) throw new Error(`at most ${MAX_FIELDS} fields per index`);
    this.boosts = boosts;
    this.lengths = boosts.map(() => new GrowableU32());
    this.averageLength = boosts.map(() => 0);
  }

  /** Adds the next document (its id is the number of documents added before it): one text per field, or undefined. */
  add(values: readonly (string | undefined)[]): void {
    const doc = this.documents++;
    this.finalized = false;
    for (let field = 0; field < this.boosts.length; field++) {
      const lengths = this.lengths[field]!;
      while (lengths.length <= doc) lengths.push(0);
      const text = values[field];
      if (text === undefined) continue;
      const rowsBefore = this.rawTerm.length;
      const stamp = doc * MAX_FIELDS + field + 1;
      if (this.wholeNameBoost === 1) {
        this.addTerms(indexTerms(text), doc, field, stamp, false);
      } else {
        // Line by line (a line of a name field is one name): a line of one term is a whole name.
        // Tokenizing the lines gives the text's terms (no token spans a line break).
        for (const line of text.split('\n')) {
          const terms = indexTerms(line);
          this.addTerms(terms, doc, field, stamp, terms.length === 1);
        }
      }
      // A field's length is its number of distinct terms (as MiniSearch counts it), and its average
      // MiniSearch's running one: documents without the field do not count at that moment.
      const distinct = this.rawTerm.length - rowsBefore;
      lengths.array[doc] = distinct;
      this.averageLength[field] = (this.averageLength[field]! * doc + distinct) / (doc + 1);
    }
  }

  /** Counts the terms of one field of `doc` (`stamp` tells them apart from other fields and documents). */
  private addTerms(terms: readonly string[], doc: number, field: number, stamp: number, whole: boolean): void {
    for (const term of terms) {
      const id = this.idOf(term);
      if (this.lastSeen[id] === stamp) {
        const row = this.lastRow[id]!;
        this.rawFieldTf.array[row]! += MAX_FIELDS; // tf lives above the field bits
        if (whole) this.rawWhole.array[row] = 1;
        continue;
      }
      this.lastSeen[id] = stamp;
      this.lastRow[id] = this.rawTerm.length;
      this.rawTerm.push(id);
      this.rawDoc.push(doc);
      this.rawFieldTf.push(MAX_FIELDS + field);
      this.rawWhole.push(whole ? 1 : 0);
    }
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.ids.set(term, id);
      this.lastSeen.push(0);
      this.lastRow.push(0);
    }
    return id;
  }

  /**
   * The id of a term, or -1. Once the index is ranked, from `termSlots`: a query's terms are
   * fresh strings, and a term that is not in the index (a typo) is then told apart in one cache
   * line, where the `Map` read two or three.
   */
  termId(term: string): number {
    if (!this.finalized) return this.ids.get(term) ?? -1;
    const slots = this.termSlots;
    const mask = (slots.length >>> 1) - 1;
    const hash = hashTerm(term);
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = slots[2 * slot + 1]!;
      if (id === 0) return -1;
      if (slots[2 * slot] === hash && this.terms[id - 1] === term) return id - 1;
    }
  }

  /** Files every term in `termSlots` (open addressing, linear probing, filled to at most one half). */
  private fileTerms(): void {
    let size = 16;
    while (size < this.terms.length * 2) size *= 2;
    const slots = new Int32Array(2 * size);
    const mask = size - 1;
    for (let id = 0; id < this.terms.length; id++) {
      const hash = hashTerm(this.terms[id]!);
      let slot = hash & mask;
      while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = hash;
      slots[2 * slot + 1] = id + 1;
    }
    this.termSlots = slots;
  }

  /** Posting p's document. */
  docAt(p: number): number {
    return this.words[4 * p]!;
  }

  /** Posting p's score (BM25+, boosts applied). */
  scoreAt(p: number): number {
    return this.scores[2 * p + 1]!;
  }

  /** Posting p's fields: bit f for field f. */
  fieldsAt(p: number): number {
    return this.words[4 * p + 1]!;
  }

  /** Number of postings. */
  get postingCount(): number {
    return this.start[this.terms.length]!;
  }

  /** Number of documents added. */
  get documentCount(): number {
    return this.documents;
  }

  /** Bytes held by the postings arrays. */
  get bytes(): number {
    return this.start.byteLength + this.words.byteLength + this.termSlots.byteLength;
  }

  /** Scores and ranks every term's postings. Idempotent; the next `add` reopens the index. */
  finalize(): void {
    if (this.finalized) return;
    this.finalized = true;
    const termCount = this.terms.length;
    const rows = this.rawTerm.length;
    const rawTerm = this.rawTerm.array;
    // Counting sort of the rows by term, stable: each term's rows stay in document order.
    const rowStart = new Uint32Array(termCount + 1);
    for (let r = 0; r < rows; r++) rowStart[rawTerm[r]! + 1]!++;
    for (let t = 0; t < termCount; t++) rowStart[t + 1]! += rowStart[t]!;
    const byTerm = new Uint32Array(rows);
    const fill = rowStart.slice(0, termCount);
    for (let r = 0; r < rows; r++) byTerm[fill[rawTerm[r]!]!++] = r;

    const start = new Uint32Array(termCount + 1);
    const doc = new Uint32Array(rows);
    const score = new Float64Array(rows);
    const fields = new Uint16Array(rows);
    const fieldCount = this.boosts.length;
    const idf = new Float64Array(fieldCount);
    const matching = new Uint32Array(fieldCount);
    let out = 0;
    for (let t = 0; t < termCount; t++) {
      start[t] = out;
      const from = rowStart[t]!;
      const to = rowStart[t + 1]!;
      matching.fill(0);
      for (let i = from; i < to; i++) matching[this.rawFieldTf.array[byTerm[i]!]! % MAX_FIELDS]!++;
      for (let f = 0; f < fieldCount; f++) {
        idf[f] = Math.log(1 + (this.documents - matching[f]! + 0.5) / (matching[f]! + 0.5));
      }
      for (let i = from; i < to; i++) {
        const row = byTerm[i]!;
        const d = this.rawDoc.array[row]!;
        const fieldTf = this.rawFieldTf.array[row]!;
        const field = fieldTf % MAX_FIELDS;
        const tf = Math.floor(fieldTf / MAX_FIELDS);
        const length = this.lengths[field]!.array[d]!;
        const boost = this.rawWhole.array[row] === 1 ? this.boosts[field]! * this.wholeNameBoost : this.boosts[field]!;
        const weighted = boost * idf[field]!
          * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + (BM25.b * length) / this.averageLength[field]!)));
        // A term in several fields of one document: one posting, its scores added.
        if (out > start[t]! && doc[out - 1] === d) {
          score[out - 1]! += weighted;
          fields[out - 1]! |= 1 << field;
        } else {
          doc[out] = d;
          score[out] = weighted;
          fields[out] = 1 << field;
          out++;
        }
      }
      if (out - start[t]! > 1) sortSegment(doc, score, fields, start[t]!, out);
    }
    start[termCount] = out;
    this.fileTerms();
    this.start = start;
    const postings = new ArrayBuffer(out * POSTING_BYTES);
    const words = new Uint32Array(postings);
    const scores = new Float64Array(postings);
    for (let p = 0; p < out; p++) {
      words[4 * p] = doc[p]!;
      words[4 * p + 1] = fields[p]!;
      scores[2 * p + 1] = score[p]!;
    }
    this.words = words;
    this.scores = scores;
  }
}

/** FNV-1a over a term's UTF-16 code units, with a final mix so that the low bits (the slot) depend on every unit. */
function hashTerm(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) hash = Math.imul(hash ^ term.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}

/** Bytes of one posting: document and fields (4 bytes each), then the score (8). */
const POSTING_BYTES = 16;

/** Segments up to this long are sorted by insertion. */
const SMALL_SEGMENT = 24;

/** Sorts postings [from, to) by score, best first, then by document (the order they were added). */
function sortSegment(doc: Uint32Array, score: Float64Array, fields: Uint16Array, from: number, to: number): void {
  const length = to - from;
  if (length <= SMALL_SEGMENT) {
    // Most terms have a handful of postings: sorted in place, without the arrays and comparator below.
    for (let i = from + 1; i < to; i++) {
      const d = doc[i]!;
      const s = score[i]!;
      const f = fields[i]!;
      let j = i - 1;
      while (j >= from && (score[j]! < s || (score[j] === s && doc[j]! > d))) {
        doc[j + 1] = doc[j]!;
        score[j + 1] = score[j]!;
        fields[j + 1] = fields[j]!;
        j--;
      }
      doc[j + 1] = d;
      score[j + 1] = s;
      fields[j + 1] = f;
    }
    return;
  }
  const order = new Uint32Array(length);
  for (let i = 0; i < length; i++) order[i] = from + i;
  order.sort((a, b) => score[b]! - score[a]! || doc[a]! - doc[b]!);
  const docs = new Uint32Array(length);
  const scores = new Float64Array(length);
  const masks = new Uint16Array(length);
  for (let i = 0; i < length; i++) {
    docs[i] = doc[order[i]!]!;
    scores[i] = score[order[i]!]!;
    masks[i] = fields[order[i]!]!;
  }
  doc.set(docs, from);
  score.set(scores, from);
  fields.set(masks, from);
}
