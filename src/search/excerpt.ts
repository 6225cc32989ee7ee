/**
 * Verbatim excerpts around the words a search matched, with the matched words marked.
 */
import { tokenize } from './tokenize.js';

/** Longest excerpt, in characters, ellipses included. */
export const MAX_EXCERPT_LENGTH = 300;

/** How much text to keep before the first hit when the paragraph has to be cut. */
const LEAD_IN = 80;

const ELLIPSIS = '…';

/** A cut of a paragraph and where the matched words sit in it. */
export interface Excerpt {
  text: string;
  /** [start, end) ranges of `text`, sorted, not overlapping. */
  highlights: [number, number][];
}

/**
 * Where `terms` (folded index terms) occur in `text`: ranges over the original characters, sorted;
 * overlapping ranges (CJK bigrams, a hyphenated word and its parts) are merged.
 */
export function findHits(text: string, terms: ReadonlySet<string>): [number, number][] {
  const ranges: [number, number][] = [];
  for (const token of tokenize(text)) {
    if (terms.has(token.term)) ranges.push([token.start, token.end]);
  }
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
  if (text.length <= MAX_EXCERPT_LENGTH) return { text, highlights: hits.map(([s, e]) => [s, e]) };
  const first = hits[0]?.[0] ?? 0;
  const room = MAX_EXCERPT_LENGTH - 2 * ELLIPSIS.length;

  let start = Math.max(0, Math.min(first - LEAD_IN, text.length - room));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first) start = space + 1;
  }
  let end = Math.min(text.length, start + room);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    // Never cut inside the first hit.
    if (space > start && space >= (hits[0]?.[1] ?? 0)) end = space;
  }

  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;

  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start;
  const highlights: [number, number][] = hits
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]) => [s + shift, e + shift]);
  return { text: prefix + text.slice(start, end) + suffix, highlights };
}
