/**
 * Per-query scratch for adding up document scores, allocated once per index and reused by every
 * query: typed arrays indexed by document, stamped with a generation so that a reset costs nothing.
 */

/** Adds up the scores of the documents a query's terms reach, and picks the best. */
export class ScoreAccumulator {
  private readonly stamp: Uint32Array;
  readonly score: Float64Array;
  /** Bit i: query term i reached the document. */
  readonly queryMask: Uint32Array;
  /** Bit f: field f of the index matched. */
  readonly fieldMask: Uint16Array;
  /** Head of each document's list of matched term ids in `matchTerm`/`matchNext` (-1: none). */
  private readonly head: Int32Array;
  private matchTerm = new Int32Array(256);
  private matchNext = new Int32Array(256);
  private matches = 0;
  private touched = new Uint32Array(256);
  private touchedCount = 0;
  private picked = new Uint32Array(256);
  private generation = 0;

  constructor(documents: number) {
    this.stamp = new Uint32Array(documents);
    this.score = new Float64Array(documents);
    this.queryMask = new Uint32Array(documents);
    this.fieldMask = new Uint16Array(documents);
    this.head = new Int32Array(documents);
  }

  /** Forgets the previous query. */
  reset(): void {
    this.touchedCount = 0;
    this.matches = 0;
    if (++this.generation === 0xffffffff) {
      this.stamp.fill(0);
      this.generation = 1;
    }
  }

  /** Adds `value` to `doc`'s score, reached by query term `queryIndex` through index term `termId` in `fields`. */
  add(doc: number, queryIndex: number, termId: number, value: number, fields: number): void {
    if (this.stamp[doc] !== this.generation) {
      this.stamp[doc] = this.generation;
      this.score[doc] = value;
      this.queryMask[doc] = 1 << queryIndex;
      this.fieldMask[doc] = fields;
      this.head[doc] = -1;
      if (this.touchedCount === this.touched.length) this.touched = grow(this.touched);
      this.touched[this.touchedCount++] = doc;
    } else {
      this.score[doc]! += value;
      this.queryMask[doc]! |= 1 << queryIndex;
      this.fieldMask[doc]! |= fields;
    }
    for (let m = this.head[doc]!; m !== -1; m = this.matchNext[m]!) if (this.matchTerm[m] === termId) return;
    if (this.matches === this.matchTerm.length) {
      this.matchTerm = grow(this.matchTerm);
      this.matchNext = grow(this.matchNext);
    }
    this.matchTerm[this.matches] = termId;
    this.matchNext[this.matches] = this.head[doc]!;
    this.head[doc] = this.matches++;
  }

  /** The terms that reached `doc`, in the order they did. */
  matchedTerms(doc: number, terms: readonly string[]): string[] {
    const matched: string[] = [];
    for (let m = this.head[doc]!; m !== -1; m = this.matchNext[m]!) matched.push(terms[this.matchTerm[m]!]!);
    return matched.reverse();
  }

  /**
   * The best `limit` documents whose query mask covers `required` (0: any), each score multiplied by
   * the number of query terms that reached it (MiniSearch's "quality"), best first, ties in
   * document order.
   */
  best(required: number, limit: number): Uint32Array {
    const score = this.score;
    let count = 0;
    for (let i = 0; i < this.touchedCount; i++) {
      const doc = this.touched[i]!;
      const mask = this.queryMask[doc]!;
      if ((mask & required) !== required) continue;
      score[doc] = score[doc]! * popcount(mask);
      if (count === this.picked.length) this.picked = grow(this.picked);
      this.picked[count++] = doc;
    }
    if (count > limit && limit <= INSERTION_LIMIT) return this.firstPage(count, limit);
    const all = this.picked.subarray(0, count).sort((a, b) => score[b]! - score[a]! || a - b);
    return count > limit ? all.subarray(0, limit) : all;
  }

  /** The best `limit` of the `count` picked documents, by insertion into a short sorted page. */
  private firstPage(count: number, limit: number): Uint32Array {
    const score = this.score;
    const page = this.picked;
    let size = 0;
    for (let i = 0; i < count; i++) {
      const doc = page[i]!;
      if (size === limit && !better(score, doc, page[size - 1]!)) continue;
      // The page is built at the front of `picked`, behind the reading position i.
      let at = size < limit ? size++ : size - 1;
      while (at > 0 && better(score, doc, page[at - 1]!)) {
        page[at] = page[at - 1]!;
        at--;
      }
      page[at] = doc;
    }
    return page.subarray(0, size);
  }
}

/** Pages up to this long are picked by insertion; longer ones by sorting everything. */
const INSERTION_LIMIT = 64;

/**
 * A short page of documents in rank order, filled best first by a merge of ranked lists (see
 * `GlossaryEngine.firstPage`): a new document goes at the end, a document already on the page adds
 * the score up and rises. Typed arrays and no allocation per posting; a document reached through
 * more than one term (rare) keeps the extra term ids in a small list.
 */
export class RankedPage {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  readonly fields: Uint16Array;
  /** The first term id that reached each entry. */
  readonly firstTerm: Int32Array;
  /** Further term ids that reached an entry, if any. */
  readonly moreTerms: (number[] | undefined)[];
  size = 0;
  private limit = 0;

  constructor(capacity: number) {
    this.docs = new Int32Array(capacity);
    this.scores = new Float64Array(capacity);
    this.fields = new Uint16Array(capacity);
    this.firstTerm = new Int32Array(capacity);
    this.moreTerms = new Array<number[] | undefined>(capacity).fill(undefined);
  }

  /** Empties the page and sets its length (at most the capacity). */
  clear(limit: number): void {
    this.size = 0;
    this.limit = Math.min(limit, this.docs.length);
  }

  full(): boolean {
    return this.size >= this.limit;
  }

  /**
   * Takes the next posting of the merge: its score is at most that of every posting taken before,
   * so a new document goes at the end; one already on the page adds the score up and rises.
   */
  take(doc: number, score: number, fields: number, termId: number): void {
    for (let i = 0; i < this.size; i++) {
      if (this.docs[i] !== doc) continue;
      this.scores[i]! += score;
      this.fields[i]! |= fields;
      if (this.firstTerm[i] !== termId) {
        const more = (this.moreTerms[i] ??= []);
        if (!more.includes(termId)) more.push(termId);
      }
      this.rise(i);
      return;
    }
    if (this.size >= this.limit) return;
    const at = this.size++;
    this.docs[at] = doc;
    this.scores[at] = score;
    this.fields[at] = fields;
    this.firstTerm[at] = termId;
    this.moreTerms[at] = undefined;
  }

  /** The term ids that reached entry i, in the order they did. */
  termIds(i: number): number[] {
    const more = this.moreTerms[i];
    return more === undefined ? [this.firstTerm[i]!] : [this.firstTerm[i]!, ...more];
  }

  /** Moves entry i up to its rank. */
  private rise(i: number): void {
    const docs = this.docs;
    const scores = this.scores;
    while (i > 0 && (scores[i]! > scores[i - 1]! || (scores[i] === scores[i - 1] && docs[i]! < docs[i - 1]!))) {
      const up = i - 1;
      const doc = docs[i]!;
      docs[i] = docs[up]!;
      docs[up] = doc;
      const score = scores[i]!;
      scores[i] = scores[up]!;
      scores[up] = score;
      const fields = this.fields[i]!;
      this.fields[i] = this.fields[up]!;
      this.fields[up] = fields;
      const first = this.firstTerm[i]!;
      this.firstTerm[i] = this.firstTerm[up]!;
      this.firstTerm[up] = first;
      const more = this.moreTerms[i];
      this.moreTerms[i] = this.moreTerms[up];
      this.moreTerms[up] = more;
      i = up;
    }
  }
}

function better(score: Float64Array, a: number, b: number): boolean {
  return score[a]! > score[b]! || (score[a] === score[b] && a < b);
}

function popcount(mask: number): number {
  let bits = mask - ((mask >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

function grow<T extends Uint32Array | Int32Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}
