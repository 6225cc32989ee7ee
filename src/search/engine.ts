/**
 * A glossary search engine: headwords with their variants, and free text.
 *
 * It is generic (nothing here knows about the lexicon) so that the benchmark runs this very code
 * over WordNet. The short *name* fields (headword, aliases, headings, translations, …) and the long
 * *body* (definition, gloss) are two indexes of pre-ranked postings (`postings.ts`): every term's
 * documents are scored and sorted when the index is built, so a one-term query's first page is a
 * slice. Typo tolerance is used on the name fields only, and only when an exact search finds
 * nothing: one typo is looked up in a deletion-neighbourhood table of the name terms
 * (`deletion-table.ts`) without building variant strings. See docs/search-engine.md for the figures
 * behind each choice.
 */
import { RankedPage, ScoreAccumulator } from './accumulator.js';
import { DeletionTable, MAX_TABLE_TERM_LENGTH, toCodes } from './deletion-table.js';
import { osaDistance } from './edit-distance.js';
import { asciiSearchTerm } from './normalize.js';
import { PostingsIndex } from './postings.js';
import { isPlainQuery, queryTerms, tokenize } from './tokenize.js';

/** One glossary document: an id, its short name fields, and optional long text. */
export interface GlossaryDoc {
  id: string;
  /** Short fields by name (e.g. `{ term: 'Empathy', alias: 'empathetic' }`); several values joined by "\n". */
  names: Readonly<Record<string, string>>;
  /** Long text: definition, gloss, body. Searched exactly, never fuzzily. */
  body?: string;
}

/** How the engine weighs its fields. */
export interface GlossaryEngineOptions {
  /** Every name field with its boost, best field first, e.g. `{ term: 4, alias: 3 }`. */
  nameBoosts: Readonly<Record<string, number>>;
  /** Boost of the body relative to the name fields (default 0.5). */
  bodyBoost?: number;
  /**
   * Factor for a name that is the query term itself, over a longer name holding it (default 1:
   * none). The lexicon's resolver ranks whole-phrase matches first on its own; a plain dictionary
   * (the WordNet benchmark uses 2) needs the engine to: without it "inverted" answered
   * "inverted hang" before "inverted", and exact@1 was 96.5%.
   */
  wholeNameBoost?: number;
}

/** How a pass matched: exactly, with typos, or by prefix (autocomplete). */
export type MatchKind = 'exact' | 'typo' | 'prefix';

/** A document a search found. */
export interface GlossaryHit {
  id: string;
  score: number;
  /** The name fields (or "body") that matched. */
  fields: string[];
  /** The index terms that matched, as stored (folded). */
  matchedTerms: string[];
  /** The query terms that found something. */
  queryTerms: string[];
  /** Which pass found it. */
  kind: MatchKind;
}

/** Most terms a query is searched with; the rest are ignored (nobody types 16 words to name a term). */
export const MAX_QUERY_TERMS = 16;

/**
 * Typo tolerance per query term: none for short terms and CJK grams, otherwise one edit (insert,
 * delete, replace) or a swap of two neighbouring letters: together exactly "one typo" (Damerau
 * distance 1). Three-letter terms allow only a swap or a dropped letter (`addTypos`). Allowing two
 * edits on long words tripled the typo p99 on WordNet.
 */
export function maxEdits(term: string): number {
  if (term.length < 4 || isCjk(term)) return 0;
  return 1;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** Whether a term has a CJK character; terms all below U+1100 (Hangul Jamo, the first CJK block) skip the regular expression. */
function isCjk(term: string): boolean {
  for (let i = 0; i < term.length; i++) if (term.charCodeAt(i) >= 0x1100) return CJK.test(term);
  return false;
}

/** Weight of a term found only through a typo, relative to an exact one (MiniSearch's default). */
export const TYPO_WEIGHT = 0.45;
/** Weight of a longer term found by prefix, relative to an exact one (MiniSearch's default). */
const PREFIX_WEIGHT = 0.375;

/** Pages up to this long are ranked by `mergeFirstPage` (one query term); longer ones by adding up every posting. */
const MAX_PAGE = 64;

/** Where `rank` left its documents: none, a slice of one ranked list, the merged page, or the accumulator's best. */
const FROM_NOTHING = 0;
const FROM_SLICE = 1;
const FROM_PAGE = 2;
const FROM_ACCUMULATOR = 3;

/** The field name reported for body hits. */
const BODY = 'body';

/** Index terms a query term stands for, with weights: filled per query into reused arrays. */
class Expansion {
  termIds: number[] = [];
  weights: number[] = [];
  queryIndex: number[] = [];
  count = 0;
  clear(): void {
    this.count = 0;
  }
  push(termId: number, weight: number, queryIndex: number): void {
    // One index term reached twice by the same query term keeps its best weight.
    for (let i = this.count - 1; i >= 0 && this.queryIndex[i] === queryIndex; i--) {
      if (this.termIds[i] === termId) {
        if (weight > this.weights[i]!) this.weights[i] = weight;
        return;
      }
    }
    this.termIds[this.count] = termId;
    this.weights[this.count] = weight;
    this.queryIndex[this.count] = queryIndex;
    this.count++;
  }
}

/**
 * A glossary index: build it once with `addAll`, then `lookup` (exact, then typo-tolerant),
 * `complete` (prefix, for autocomplete) and `searchBody` (free text).
 */
export class GlossaryEngine {
  private readonly nameFields: string[];
  private readonly names: PostingsIndex;
  private readonly body: PostingsIndex;
  private readonly ids: string[] = [];
  private readonly known = new Set<string>();
  private table: DeletionTable | undefined;
  private accumulator = new ScoreAccumulator(0);
  /** Name term ids in alphabetical order, for prefix look-ups; built on the first one. */
  private alphabetical: Uint32Array | undefined;
  /** A query term's code units (and room for one more letter), hashed and compared in place. */
  private readonly codes = new Uint16Array(MAX_TABLE_TERM_LENGTH + 2);
  private readonly expansion = new Expansion();
  /** Typo neighbours of one query term (more are dropped: a term has a few hundred at most). */
  private readonly found = new Uint32Array(4096);
  /** Field-name lists by bit mask, made on first use. */
  private readonly fieldLists: (string[] | undefined)[] = [];
  /** Each query term's name term id (-1: none), from `findNameIds`. */
  private readonly termIds = new Int32Array(MAX_QUERY_TERMS);
  /** Scratch of `pageHits`: each term's one-element list of matched terms. */
  private readonly singleTerms: { id: number; list: string[] }[] = [];
  /** Scratch of `mergeFirstPage`: the page, and each list still read: where, its head's score, its end, its term and weight. */
  private readonly page = new RankedPage(MAX_PAGE);
  private readonly heads = new Uint32Array(4096);
  private readonly headScores = new Float64Array(4096);
  private readonly ends = new Uint32Array(4096);
  private readonly listTerms = new Uint32Array(4096);
  private readonly listWeights = new Float64Array(4096);
  /** What the last `rank` found: how many documents, where they are (`FROM_*`), in which index. */
  private resultCount = 0;
  private resultSource = FROM_NOTHING;
  private resultIndex: PostingsIndex;
  private sliceFrom = 0;
  private best: Uint32Array = new Uint32Array(0);
  /** Scratch of `searchIds`: the documents the names gave. */
  private taken = new Uint32Array(MAX_PAGE);

  constructor(options: GlossaryEngineOptions) {
    this.nameFields = Object.keys(options.nameBoosts);
    this.names = new PostingsIndex(this.nameFields.map((field) => options.nameBoosts[field]!), options.wholeNameBoost ?? 1);
    this.body = new PostingsIndex([options.bodyBoost ?? 0.5]);
    this.resultIndex = this.names;
  }

  /** Indexes documents, then ranks every term's postings. Ids must be unique. */
  addAll(docs: Iterable<GlossaryDoc>): void {
    const values: (string | undefined)[] = new Array<string | undefined>(this.nameFields.length);
    const bodyValue: (string | undefined)[] = [undefined];
    for (const doc of docs) {
      if (this.known.has(doc.id)) throw new Error(`duplicate id: ${doc.id}`);
      this.known.add(doc.id);
      this.ids.push(doc.id);
      for (let f = 0; f < this.nameFields.length; f++) values[f] = doc.names[this.nameFields[f]!];
      this.names.add(values);
      bodyValue[0] = doc.body;
      this.body.add(bodyValue);
    }
    this.names.finalize();
    this.body.finalize();
    this.table = new DeletionTable(this.names.terms, (term) => term.length >= 3 && !isCjk(term));
    this.alphabetical = undefined;
    this.accumulator = new ScoreAccumulator(this.ids.length);
  }

  /** Number of documents indexed. */
  get documentCount(): number {
    return this.ids.length;
  }

  /** Sizes of the index structures, for the benchmark. */
  get stats(): { nameTerms: number; bodyTerms: number; deletionEntries: number; bytes: number } {
    return {
      nameTerms: this.names.terms.length,
      bodyTerms: this.body.terms.length,
      deletionEntries: this.table?.size ?? 0,
      bytes: this.names.bytes + this.body.bytes + (this.table?.bytes ?? 0),
    };
  }

  /**
   * Finds documents whose name fields hold every query term: exactly if any do, otherwise with
   * one typo per term (see `maxEdits`). `limit` caps the hits returned.
   */
  lookup(query: string | readonly string[], limit = Number.POSITIVE_INFINITY): GlossaryHit[] {
    const terms = toTerms(query);
    const kind = this.rankLookup(query, terms, limit);
    return this.hits(this.names, terms, kind);
  }

  /**
   * The ids of the best `limit` documents for a query typed in a search box: `lookup`'s, then
   * those of `searchBody(query, 'OR', limit)` to fill the page, each once. The same ranking as
   * those two calls, but the query is tokenized once and no hit objects are built: a query in, a
   * page of ids out (the WordNet benchmark's job).
   */
  searchIds(query: string, limit: number): string[] {
    const terms = toTerms(query);
    const ids: string[] = [];
    this.rankLookup(query, terms, limit);
    const count = this.resultCount;
    if (count > this.taken.length) this.taken = new Uint32Array(count);
    const taken = this.taken;
    for (let i = 0; i < count; i++) {
      const doc = this.resultDoc(i);
      taken[i] = doc;
      ids.push(this.ids[doc]!);
    }
    if (count >= limit || terms.length === 0) return ids;
    this.expandBody(terms);
    const more = this.rank(this.body, terms.length, 'OR', limit);
    for (let i = 0; i < more && ids.length < limit; i++) {
      const doc = this.resultDoc(i);
      if (!includes(taken, count, doc)) ids.push(this.ids[doc]!);
    }
    return ids;
  }

  /**
   * Searches the name fields in one mode. `combineWith` "AND" wants every term, "OR" any.
   * `extraEdits` loosens typo tolerance for "did you mean" suggestions; `limit` caps the hits returned.
   */
  searchNames(
    query: string | readonly string[],
    kind: MatchKind,
    combineWith: 'AND' | 'OR',
    extraEdits = 0,
    limit = Number.POSITIVE_INFINITY,
  ): GlossaryHit[] {
    const terms = toTerms(query);
    if (terms.length === 0) return [];
    this.findNameIds(terms);
    this.rankNames(terms, kind, combineWith, extraEdits, limit, kind === 'typo' && typeof query === 'string' ? typedPlurals(query, terms) : undefined);
    return this.hits(this.names, terms, kind);
  }

  /**
   * Ranks `lookup`'s documents (see `rank`): the exact pass when every term is a name term (an
   * exact AND cannot find anything otherwise) and it finds something, else the typo pass (the
   * rule of `exactThenTypo`). Returns the pass.
   */
  private rankLookup(query: string | readonly string[], terms: readonly string[], limit: number): 'exact' | 'typo' {
    if (terms.length === 0) {
      this.expansion.clear();
      this.rank(this.names, 0, 'AND', limit);
      return 'exact';
    }
    if (this.findNameIds(terms)) {
      this.expand(terms, 'exact', 0, false, undefined);
      if (this.rank(this.names, terms.length, 'AND', limit) > 0) return 'exact';
    }
    this.rankNames(terms, 'typo', 'AND', 0, limit, typeof query === 'string' ? typedPlurals(query, terms) : undefined);
    return 'typo';
  }

  /**
   * Each term's name term id into `termIds` (-1: not a name term); whether all are name terms.
   * `expand` reads them: call this first.
   */
  private findNameIds(terms: readonly string[]): boolean {
    let all = true;
    for (let i = 0; i < terms.length; i++) {
      const id = this.names.termId(terms[i]!);
      this.termIds[i] = id;
      if (id === -1) all = false;
    }
    return all;
  }

  /** `searchNames` ranked (see `rank`) after `findNameIds`; `plurals`: terms the stemmer took an "s" from as typed (their typos are looked up with it too). */
  private rankNames(
    terms: readonly string[],
    kind: MatchKind,
    combineWith: 'AND' | 'OR',
    extraEdits: number,
    limit: number,
    plurals: ReadonlySet<string> | undefined,
  ): number {
    this.expand(terms, kind, extraEdits, false, plurals);
    let count = this.rank(this.names, terms.length, combineWith, limit);
    if (kind === 'typo' && count === 0 && terms.some(mayHaveLostAnS)) {
      // The stemmer may have taken a typo's last "s" for a plural ("stillnes" → "stillne"): try it back on.
      this.expand(terms, kind, extraEdits, true, undefined);
      count = this.rank(this.names, terms.length, combineWith, limit);
    }
    return count;
  }

  /** Fills the expansion: each query term's exact index term (from `findNameIds`), and its prefixed or typo neighbours. */
  private expand(terms: readonly string[], kind: MatchKind, extraEdits: number, retryWithS: boolean, plurals: ReadonlySet<string> | undefined): void {
    this.expansion.clear();
    const last = terms.length - 1;
    for (let i = 0; i <= last; i++) {
      const term = terms[i]!;
      const id = this.termIds[i]!;
      if (id !== -1) this.expansion.push(id, 1, i);
      if (kind === 'prefix' && i === last) this.addPrefixed(term, i);
      else if (kind === 'typo') this.addTypos(term, i, extraEdits, false);
      if (retryWithS ? mayHaveLostAnS(term) : kind === 'typo' && plurals?.has(term) === true) {
        const withS = this.names.termId(`${term}s`);
        if (withS !== -1) this.expansion.push(withS, 1, i);
        this.addTypos(term, i, extraEdits, true);
      }
    }
  }

  /** Autocomplete: every term, the last one as a prefix; falls back to typo tolerance. */
  complete(query: string | readonly string[]): GlossaryHit[] {
    const terms = toTerms(query);
    if (terms.length === 0) return [];
    const prefixed = this.searchNames(terms, 'prefix', 'AND');
    return prefixed.length > 0 ? prefixed : this.searchNames(terms, 'typo', 'AND');
  }

  /** Exact search of the body text; "OR" ranks documents holding more of the terms higher. `limit` caps the hits. */
  searchBody(query: string | readonly string[], combineWith: 'AND' | 'OR', limit = Number.POSITIVE_INFINITY): GlossaryHit[] {
    const terms = toTerms(query);
    if (terms.length === 0) return [];
    this.expandBody(terms);
    this.rank(this.body, terms.length, combineWith, limit);
    return this.hits(this.body, terms, 'exact');
  }

  /** Fills the expansion with the terms' body term ids. */
  private expandBody(terms: readonly string[]): void {
    this.expansion.clear();
    for (let i = 0; i < terms.length; i++) {
      const id = this.body.termId(terms[i]!);
      if (id !== -1) this.expansion.push(id, 1, i);
    }
  }

  /** Name terms within the term's typo tolerance (see `maxEdits`); `withS`: as if it ended in one more "s". */
  private addTypos(term: string, queryIndex: number, extraEdits: number, withS: boolean): void {
    const oneTypo = maxEdits(term);
    const edits = oneTypo + (oneTypo > 0 ? extraEdits : 0);
    if (edits === 0 && (term.length < 3 || isCjk(term))) return;
    const terms = this.names.terms;
    if (edits > 1) {
      // Two typos: "did you mean" only, after everything else failed; a scan of the terms is fine there.
      const asked = withS ? `${term}s` : term;
      for (let id = 0; id < terms.length; id++) {
        const distance = osaDistance(asked, terms[id]!, edits);
        if (distance > 0 && distance <= edits) this.expansion.push(id, typoWeight(terms[id]!, distance), queryIndex);
      }
      return;
    }
    if (term.length > MAX_TABLE_TERM_LENGTH) return;
    let length = toCodes(term, this.codes);
    if (withS) this.codes[length++] = 115; // s
    const swapOnly = edits === 0;
    const found = this.table?.neighbours(this.codes, length, this.found, swapOnly) ?? 0;
    for (let n = 0; n < found; n++) {
      const id = this.found[n]!;
      const word = terms[id]!;
      // Three letters: a swap, or a letter dropped from a four-letter word ("bst" → "best"), never a
      // replaced or added letter: two of three letters right say too little.
      if (swapOnly && word.length !== length + 1 && !isSwap(this.codes, length, word)) continue;
      this.expansion.push(id, typoWeight(word, 1), queryIndex);
    }
  }

  /** Every longer name term starting with `prefix`, weighted down by how much longer it is. */
  private addPrefixed(prefix: string, queryIndex: number): void {
    const terms = this.names.terms;
    const sorted = (this.alphabetical ??= Uint32Array.from(terms.keys()).sort((a, b) => (terms[a]! < terms[b]! ? -1 : 1)));
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (terms[sorted[middle]!]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < sorted.length; i++) {
      const term = terms[sorted[i]!]!;
      if (!term.startsWith(prefix)) break;
      const distance = term.length - prefix.length;
      if (distance > 0) this.expansion.push(sorted[i]!, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance), queryIndex);
    }
  }

  /**
   * Ranks the expansion's documents in `index`, best first, at most `limit`; returns how many.
   * `resultDoc` reads them and `hits` turns them into hits, until the next call. One index term:
   * its postings are already ranked, the page is a slice. One query term with several (typo or
   * prefix neighbours): a merge of their ranked lists (`mergeFirstPage`). Otherwise every posting
   * is added up.
   */
  private rank(index: PostingsIndex, termCount: number, combineWith: 'AND' | 'OR', limit: number): number {
    const expansion = this.expansion;
    this.resultIndex = index;
    if (expansion.count === 0) {
      this.resultSource = FROM_NOTHING;
      this.resultCount = 0;
    } else if (termCount === 1 && expansion.count === 1) {
      const termId = expansion.termIds[0]!;
      const from = index.start[termId]!;
      const to = Math.min(index.start[termId + 1]!, from + Math.min(limit, index.documentCount));
      this.resultSource = FROM_SLICE;
      this.sliceFrom = from;
      this.resultCount = to - from;
    } else if (termCount === 1 && limit <= MAX_PAGE) {
      this.mergeFirstPage(index, limit);
      this.resultSource = FROM_PAGE;
      this.resultCount = this.page.size;
    } else {
      const accumulator = this.accumulator;
      accumulator.reset();
      for (let e = 0; e < expansion.count; e++) {
        const termId = expansion.termIds[e]!;
        const weight = expansion.weights[e]!;
        const queryIndex = expansion.queryIndex[e]!;
        for (let p = index.start[termId]!, end = index.start[termId + 1]!; p < end; p++) {
          accumulator.add(index.docAt(p), queryIndex, termId, weight * index.scoreAt(p), index.fieldsAt(p));
        }
      }
      const required = combineWith === 'AND' ? (2 ** termCount) - 1 : 0;
      this.best = accumulator.best(required, limit);
      this.resultSource = FROM_ACCUMULATOR;
      this.resultCount = this.best.length;
    }
    return this.resultCount;
  }

  /** The i-th document `rank` found. */
  private resultDoc(i: number): number {
    switch (this.resultSource) {
      case FROM_SLICE: return this.resultIndex.docAt(this.sliceFrom + i);
      case FROM_PAGE: return this.page.docs[i]!;
      default: return this.best[i]!;
    }
  }

  /** The documents `rank` found as hits. */
  private hits(index: PostingsIndex, terms: readonly string[], kind: MatchKind): GlossaryHit[] {
    const hits: GlossaryHit[] = [];
    const count = this.resultCount;
    if (count === 0) return hits;
    const fieldNames = index === this.body ? undefined : this.nameFields;
    const expansion = this.expansion;
    if (this.resultSource === FROM_SLICE) {
      const termId = expansion.termIds[0]!;
      const weight = expansion.weights[0]!;
      const matched = index.terms[termId]!;
      const hitKind = kind === 'typo' && matched === terms[0] ? 'exact' : kind;
      // The hits of one page share their (read-only) term lists.
      const matchedTerms = [matched];
      const queryTerms = [terms[0]!];
      for (let p = this.sliceFrom, to = this.sliceFrom + count; p < to; p++) {
        hits.push({
          id: this.ids[index.docAt(p)]!,
          score: weight * index.scoreAt(p),
          fields: this.fieldList(index.fieldsAt(p), fieldNames),
          matchedTerms,
          queryTerms,
          kind: hitKind,
        });
      }
      return hits;
    }
    if (this.resultSource === FROM_PAGE) return this.pageHits(index, terms[0]!, kind);
    const accumulator = this.accumulator;
    for (const doc of this.best) {
      const matchedTerms = accumulator.matchedTerms(doc, index.terms);
      hits.push({
        id: this.ids[doc]!,
        score: accumulator.score[doc]!,
        fields: this.fieldList(accumulator.fieldMask[doc]!, fieldNames),
        matchedTerms,
        queryTerms: terms.length === 1 ? [terms[0]!] : terms.filter((_, i) => (accumulator.queryMask[doc]! & (1 << i)) !== 0),
        // A typo pass that only matched asked terms counts as exact.
        kind: kind === 'typo' && matchedTerms.every((term) => terms.includes(term)) ? 'exact' : kind,
      });
    }
    return hits;
  }

  /**
   * The first page for one query term reaching several index terms (its typo or prefix
   * neighbours). Their postings are ranked, so the page is a merge of the lists, best posting
   * first, stopped when the page is full: a page of 10 over 13 neighbours reads about 10 postings
   * and allocates nothing. A document held by two of the terms gets both scores added only if the
   * second posting comes while the page is still filling (it may otherwise rank a little low; on
   * WordNet one typo's neighbours rarely share a synset).
   */
  private mergeFirstPage(index: PostingsIndex, limit: number): void {
    const expansion = this.expansion;
    const page = this.page;
    const heads = this.heads;
    const ends = this.ends;
    const headScores = this.headScores;
    const listTerms = this.listTerms;
    const listWeights = this.listWeights;
    // The lists still to read, [0, active), in the expansion's order (ties go to the first one).
    let active = 0;
    for (let e = 0; e < expansion.count && active < heads.length; e++) {
      const termId = expansion.termIds[e]!;
      const p = index.start[termId]!;
      if (p === index.start[termId + 1]) continue;
      heads[active] = p;
      ends[active] = index.start[termId + 1]!;
      listTerms[active] = termId;
      listWeights[active] = expansion.weights[e]!;
      // Each list's head score is kept, so a step multiplies only for the list it advanced.
      headScores[active] = expansion.weights[e]! * index.scoreAt(p);
      active++;
    }
    page.clear(limit);
    while (active > 0 && !page.full()) {
      let best = 0;
      let bestScore = headScores[0]!;
      let bestDoc = index.docAt(heads[0]!);
      for (let e = 1; e < active; e++) {
        const score = headScores[e]!;
        if (score > bestScore || (score === bestScore && index.docAt(heads[e]!) < bestDoc)) {
          best = e;
          bestScore = score;
          bestDoc = index.docAt(heads[e]!);
        }
      }
      const p = heads[best]!;
      page.take(bestDoc, bestScore, index.fieldsAt(p), listTerms[best]!);
      if (p + 1 < ends[best]!) {
        heads[best] = p + 1;
        headScores[best] = listWeights[best]! * index.scoreAt(p + 1);
        continue;
      }
      // A list read to its end leaves the scan; most typo neighbours are rare words, with a posting or two.
      active--;
      for (let e = best; e < active; e++) {
        heads[e] = heads[e + 1]!;
        ends[e] = ends[e + 1]!;
        headScores[e] = headScores[e + 1]!;
        listTerms[e] = listTerms[e + 1]!;
        listWeights[e] = listWeights[e + 1]!;
      }
    }
  }

  /** `mergeFirstPage`'s page as hits. */
  private pageHits(index: PostingsIndex, term: string, kind: MatchKind): GlossaryHit[] {
    const page = this.page;
    const fieldNames = index === this.body ? undefined : this.nameFields;
    const queryTerms = [term];
    const hits: GlossaryHit[] = [];
    // Hits reached through one term share its (read-only) list.
    const single = this.singleTerms;
    single.length = 0;
    for (let i = 0; i < page.size; i++) {
      let matchedTerms: string[];
      if (page.moreTerms[i] === undefined) {
        const termId = page.firstTerm[i]!;
        let at = 0;
        while (at < single.length && single[at]!.id !== termId) at++;
        if (at === single.length) single.push({ id: termId, list: [index.terms[termId]!] });
        matchedTerms = single[at]!.list;
      } else {
        matchedTerms = page.termIds(i).map((id) => index.terms[id]!);
      }
      hits.push({
        id: this.ids[page.docs[i]!]!,
        score: page.scores[i]!,
        fields: this.fieldList(page.fields[i]!, fieldNames),
        matchedTerms,
        queryTerms,
        kind: kind === 'typo' && matchedTerms.every((matched) => matched === term) ? 'exact' : kind,
      });
    }
    return hits;
  }

  /** The names of the fields in a bit mask (shared, read-only lists); "body" for the body index. */
  private fieldList(mask: number, fieldNames: readonly string[] | undefined): string[] {
    if (fieldNames === undefined) return BODY_FIELDS;
    let list = this.fieldLists[mask];
    if (list === undefined) {
      list = fieldNames.filter((_, f) => (mask & (1 << f)) !== 0);
      this.fieldLists[mask] = list;
    }
    return list;
  }
}

const BODY_FIELDS = [BODY];

/** Whether `docs[0..count)` holds `doc`. */
function includes(docs: Uint32Array, count: number, doc: number): boolean {
  for (let i = 0; i < count; i++) if (docs[i] === doc) return true;
  return false;
}

/** MiniSearch's weight of a term found at `distance` edits: weaker the further, less so the longer the word. */
function typoWeight(word: string, distance: number): number {
  return (TYPO_WEIGHT * word.length) / (word.length + distance);
}

/** Whether `word` is the query with two neighbouring letters swapped. */
function isSwap(codes: Uint16Array, length: number, word: string): boolean {
  if (word.length !== length) return false;
  let i = 0;
  while (i < length && codes[i] === word.charCodeAt(i)) i++;
  if (i + 1 >= length || codes[i] !== word.charCodeAt(i + 1) || codes[i + 1] !== word.charCodeAt(i)) return false;
  for (let j = i + 2; j < length; j++) if (codes[j] !== word.charCodeAt(j)) return false;
  return true;
}

/**
 * The look-up rule of both engines: the exact pass when every term is a name term (an exact AND
 * cannot find anything otherwise) and it finds something, else the typo pass. `MiniSearchGlossary`
 * calls it; `GlossaryEngine.rankLookup` applies it on term ids it looks up once, without closures.
 */
export function exactThenTypo(
  terms: readonly string[],
  isNameTerm: (term: string) => boolean,
  search: (kind: 'exact' | 'typo') => GlossaryHit[],
): GlossaryHit[] {
  if (terms.length === 0) return [];
  const exact = terms.every(isNameTerm) ? search('exact') : [];
  return exact.length > 0 ? exact : search('typo');
}

/** A query as its search terms (tokenized and folded when a string), at most `MAX_QUERY_TERMS`. */
export function toTerms(query: string | readonly string[]): string[] {
  const terms = typeof query === 'string' ? queryTerms(query) : [...query];
  return terms.slice(0, MAX_QUERY_TERMS);
}

/**
 * The query's terms that the stemmer made from a word typed with a final "s" ("gors" → "gor"). A
 * typo can leave such a word: "gorse" with its "e" dropped is "gors", which stems to "gor", two
 * edits from "gorse"; the typo pass looks these up as typed too. Undefined when there are none.
 */
function typedPlurals(query: string, terms: readonly string[]): Set<string> | undefined {
  if (!/s\b/i.test(query)) return undefined;
  let plurals: Set<string> | undefined;
  if (isPlainQuery(query)) {
    // Each run between spaces is one word token (see `plainQueryTerms`): no need to tokenize again.
    for (let start = 0, end = 0; start < query.length; start = end + 1) {
      end = query.indexOf(' ', start);
      if (end === -1) end = query.length;
      if (end === start || (query.charCodeAt(end - 1) | 0x20) !== 115 /* s */) continue;
      const term = asciiSearchTerm(query.slice(start, end));
      if (term !== '' && terms.includes(term) && !term.endsWith('s') && mayHaveLostAnS(term)) (plurals ??= new Set()).add(term);
    }
    return plurals;
  }
  for (const token of tokenize(query)) {
    if (token.kind !== 'word' || !terms.includes(token.term)) continue;
    const last = query.charCodeAt(token.end - 1) | 0x20;
    if (last === 115 /* s */ && !token.term.endsWith('s') && mayHaveLostAnS(token.term)) (plurals ??= new Set()).add(token.term);
  }
  return plurals;
}

/** Whether the plural stemmer would have produced `term` from `term + "s"`. */
export function mayHaveLostAnS(term: string): boolean {
  if (term.length < 3 || isCjk(term)) return false;
  // `stem(term + "s") === term`, without building the string: the stemmer keeps "-ss", "-us", "-is"
  // and "'s" whole, and turns "-ies" (past four letters) into "-y".
  const last = term.charCodeAt(term.length - 1);
  if (last === 115 /* s */ || last === 117 /* u */ || last === 105 /* i */ || last === 39 /* ' */) return false;
  return !(term.length >= 4 && term.endsWith('ie'));
}

/** Every word made by swapping two neighbouring letters ("trsut" → "rtsut", "tsrut", "truts", "trust", …). */
export function transpositions(term: string): string[] {
  const swaps = new Set<string>();
  for (let i = 0; i + 1 < term.length; i++) {
    if (term[i] === term[i + 1]) continue;
    swaps.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2));
  }
  return [...swaps];
}
