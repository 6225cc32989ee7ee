/**
 * User-perceived characters (graphemes): text we echo back or cut to a limit is cut between them,
 * never inside an emoji, a flag, a surrogate pair or a letter with its combining marks.
 */
let segmenter: Intl.Segmenter | undefined;
/** Made on first use: creating it loads ICU's break rules, tens of milliseconds of every start otherwise. */
function graphemeSegmenter(): Intl.Segmenter {
  return (segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' }));
}

/**
 * Anything that can join characters into one grapheme: marks, joiners, variation selectors,
 * surrogates (emoji, rare CJK), Hangul jamo, regional indicators, CR. Text without them is one
 * grapheme per code unit, which spares the (slow) segmenter for most Latin and CJK text.
 */
const MAY_CLUSTER = /\p{M}|\u200C|\u200D|[\uFE00-\uFE0F]|[\u{10000}-\u{10FFFF}]|[\uD800-\uDFFF]|[\u1100-\u11FF]|\r/u;

/** The graphemes of a text, one at a time (stop early without segmenting the rest). */
export function* eachGrapheme(text: string): Generator<string> {
  if (!MAY_CLUSTER.test(text)) {
    for (let i = 0; i < text.length; i += 1) yield text[i] as string;
    return;
  }
  for (const segment of graphemeSegmenter().segment(text)) yield segment.segment;
}

/** Split text into user-perceived characters (an emoji with modifiers stays whole). */
export function splitGraphemes(text: string): string[] {
  return Array.from(eachGrapheme(text));
}

/**
 * `text` when it has at most `max` graphemes; otherwise its first `max - 1` graphemes and "…".
 */
export function clipGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept: string[] = [];
  for (const grapheme of eachGrapheme(text)) {
    if (kept.length === max) return kept.slice(0, max - 1).join('').trimEnd() + '…';
    kept.push(grapheme);
  }
  return text;
}
