/**
 * Pre-ranked postings: for every term of a group of fields, the documents holding it, already
 * scored (BM25+, MiniSearch's formula and parameters, each field weighted by its boost) and sorted
 * best first when the index is built. A one-term query's first page is then a slice, and a query
 * of several terms adds up scores that are already computed.
 *
 * Stored as flat typed arrays (compressed sparse rows): `start[t]..start[t + 1]` are term t's
 * postings in `doc`, `score` and `fields` (a bit per field that holds the term).
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

  start = new Uint32Array(1);
  doc = new Uint32Array(0);
  score = new Float64Array(0);
  fields = new Uint16Array(0);
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

  /** The id of a term, or -1. */
  termId(term: string): number {
    return this.ids.get(term) ?? -1;
  }

  /** Number of documents added. */
  get documentCount(): number {
    return this.documents;
  }

  /** Bytes held by the postings arrays. */
  get bytes(): number {
    return this.start.byteLength + this.doc.byteLength + this.score.byteLength + this.fields.byteLength;
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
    this.start = start;
    this.doc = doc.slice(0, out);
    this.score = score.slice(0, out);
    this.fields = fields.slice(0, out);
  }
}

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
