/**
 * Verbatim excerpts around the words a search matched, with the matched words marked. The window
 * is chosen to hold every distinct matched word: the shortest stretch of the paragraph that holds
 * them all, or, when they sit too far apart for one excerpt, one verbatim piece around each,
 * joined by "…".
 */
import { tokenize, type Token } from './tokenize.js';

/** Longest excerpt, in characters, ellipses included. */
export const MAX_EXCERPT_LENGTH = 300;

/** How much text to keep before the first hit when the paragraph has to be cut. */
const LEAD_IN = 80;

const ELLIPSIS = '…';
/** Between two pieces of one paragraph. */
const GAP = ' … ';

/** A cut of a paragraph and where the matched words sit in it. */
export interface Excerpt {
  text: string;
  /** [start, end) ranges of `text`, sorted, not overlapping. */
  highlights: [number, number][];
}

/** One matched word in a paragraph: where it is and which folded term it is. */
export interface TermHit {
  start: number;
  end: number;
  term: string;
}

/** Every occurrence of `terms` (folded index terms) in `text` (or in its `tokens`), in order. */
export function findTermHits(text: string, terms: ReadonlySet<string>, tokens: readonly Token[] = tokenize(text)): TermHit[] {
  const hits: TermHit[] = [];
  for (const token of tokens) if (terms.has(token.term)) hits.push({ start: token.start, end: token.end, term: token.term });
  return hits;
}

/**
 * Where `terms` (folded index terms) occur in `text`: ranges over the original characters, sorted;
 * overlapping ranges (CJK bigrams, a hyphenated word and its parts) are merged.
 */
export function findHits(text: string, terms: ReadonlySet<string>): [number, number][] {
  return mergeRanges(findTermHits(text, terms).map((hit) => [hit.start, hit.end]));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] < last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * Cuts `text` to at most `MAX_EXCERPT_LENGTH` characters around its first hit, at word boundaries,
 * marking each cut with "…", and moves the hit ranges into the excerpt.
 */
export function excerptAround(text: string, hits: readonly [number, number][]): Excerpt {
  return excerptCovering(text, hits.map(([start, end]) => ({ start, end, term: text.slice(start, end) })).slice(0, 1).concat(
    hits.slice(1).map(([start, end]) => ({ start, end, term: '' })),
  ));
}

/**
 * An excerpt of `text` of at most `MAX_EXCERPT_LENGTH` characters that holds every distinct term
 * of `hits` (hits with the term '' are marked when they fall inside but not sought): the shortest
 * stretch holding them all when it fits, else one piece around each (as many as fit), verbatim.
 */
export function excerptCovering(text: string, hits: readonly TermHit[]): Excerpt {
  const ranges = mergeRanges(hits.map((hit) => [hit.start, hit.end]));
  if (text.length <= MAX_EXCERPT_LENGTH) return { text, highlights: ranges };
  const sought = hits.filter((hit) => hit.term !== '');
  const [from, to] = shortestCover(sought) ?? [ranges[0]?.[0] ?? 0, ranges[0]?.[1] ?? 0];
  const room = MAX_EXCERPT_LENGTH - 2 * ELLIPSIS.length;
  if (to - from <= room) return withHighlights(text, [window(text, from, to, room)], ranges);

  // Too far apart for one window: a piece around the first occurrence of each term in the cover.
  const anchors = pickAnchors(sought, from, to);
  const pieceRoom = Math.floor((MAX_EXCERPT_LENGTH - 2 * ELLIPSIS.length - (anchors.length - 1) * GAP.length) / anchors.length);
  const spans = anchors.map((anchor) => window(text, anchor.start, anchor.end, pieceRoom));
  return withHighlights(text, joinOverlapping(spans), ranges);
}

/** The [start, end) of the shortest stretch holding every distinct term (sliding window over the hits). */
function shortestCover(hits: readonly TermHit[]): [number, number] | undefined {
  if (hits.length === 0) return undefined;
  const sorted = [...hits].sort((a, b) => a.start - b.start);
  const distinct = new Set(sorted.map((hit) => hit.term)).size;
  const counts = new Map<string, number>();
  let best: [number, number] | undefined;
  let left = 0;
  for (let right = 0; right < sorted.length; right++) {
    const hit = sorted[right]!;
    counts.set(hit.term, (counts.get(hit.term) ?? 0) + 1);
    while (counts.size === distinct) {
      const first = sorted[left]!;
      const end = Math.max(...sorted.slice(left, right + 1).map((h) => h.end));
      if (!best || end - first.start < best[1] - best[0]) best = [first.start, end];
      const count = counts.get(first.term)! - 1;
      if (count === 0) counts.delete(first.term);
      else counts.set(first.term, count);
      left++;
    }
  }
  return best;
}

/** One occurrence per distinct term inside [from, to], at most as many as can each get a readable piece. */
function pickAnchors(hits: readonly TermHit[], from: number, to: number): TermHit[] {
  const inside = hits.filter((hit) => hit.start >= from && hit.end <= to).sort((a, b) => a.start - b.start);
  const picked: TermHit[] = [];
  const seen = new Set<string>();
  for (const hit of inside) {
    if (seen.has(hit.term)) continue;
    seen.add(hit.term);
    picked.push(hit);
  }
  // Four pieces of about seventy characters is the most that still reads as text.
  return picked.slice(0, 4);
}

/**
 * A [start, end) window of at most `room` characters holding [from, to), a little context before
 * it, cut at spaces, never inside the held stretch.
 */
function window(text: string, from: number, to: number, room: number): [number, number] {
  const spare = Math.max(0, room - (to - from));
  const lead = Math.min(LEAD_IN, Math.floor(spare / 2));
  let start = Math.max(0, Math.min(from - lead, text.length - room));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < from) start = space + 1;
  }
  let end = Math.min(text.length, Math.max(to, start + room));
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= to) end = space;
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** Windows in order, overlapping or touching ones merged. */
function joinOverlapping(spans: [number, number][]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span[0] <= last[1] + 1) last[1] = Math.max(last[1], span[1]);
    else out.push([span[0], span[1]]);
  }
  return out;
}

/** The pieces of `text` joined, "…" marking every cut, with the hit ranges that fall inside moved in. */
function withHighlights(text: string, spans: readonly [number, number][], ranges: readonly [number, number][]): Excerpt {
  let out = '';
  const highlights: [number, number][] = [];
  spans.forEach(([start, end], i) => {
    out += i === 0 ? (start > 0 ? ELLIPSIS : '') : GAP;
    const shift = out.length - start;
    for (const [s, e] of ranges) if (s >= start && e <= end) highlights.push([s + shift, e + shift]);
    out += text.slice(start, end);
  });
  const last = spans[spans.length - 1];
  if (last && last[1] < text.length) out += ELLIPSIS;
  return { text: out, highlights };
}
