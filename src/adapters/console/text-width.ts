/**
 * Terminal text measuring and wrapping. Columns are counted per grapheme: CJK and emoji take two
 * cells, combining marks none. Wrapping returns character offsets into the original text, so the
 * caller can still apply highlight ranges (given as offsets) after wrapping.
 */

let made: Intl.Segmenter | undefined;
/** Made on first use: creating it loads ICU's break rules, tens of milliseconds of a start otherwise. */
const segmenter = { segment: (text: string): Intl.Segments => (made ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })).segment(text) };

/** Ranges of code points that a terminal draws two cells wide (East Asian Wide/Fullwidth, emoji). */
const WIDE_RANGES: [number, number][] = [
  [0x1100, 0x115f], // Hangul Jamo leading consonants
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo extended A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width forms
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f680, 0x1f6ff], // transport and map
  [0x1f900, 0x1f9ff], // supplemental symbols and pictographs
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd], // CJK extensions B onwards
];

function isWide(codePoint: number): boolean {
  for (const [low, high] of WIDE_RANGES) {
    if (codePoint < low) return false;
    if (codePoint <= high) return true;
  }
  return false;
}

/** Combining marks take no cell of their own. */
const COMBINING_MARK = /^\p{M}$/u;

/** Zero-width: combining marks, zero-width spaces and joiners, variation selectors. */
function isZeroWidth(grapheme: string): boolean {
  for (const char of grapheme) {
    const codePoint = char.codePointAt(0) ?? 0;
    const invisible = (codePoint >= 0x200b && codePoint <= 0x200f) || codePoint === 0x2060 || (codePoint >= 0xfe00 && codePoint <= 0xfe0f);
    if (!invisible && !COMBINING_MARK.test(char)) return false;
  }
  return true;
}

/** How many terminal cells one grapheme takes. */
function graphemeWidth(grapheme: string): number {
  if (isZeroWidth(grapheme)) return 0;
  // An emoji presentation selector makes even a narrow symbol two cells wide.
  if (grapheme.includes('\ufe0f')) return 2;
  for (const char of grapheme) {
    if (isWide(char.codePointAt(0) ?? 0)) return 2;
  }
  return 1;
}

/** The number of terminal cells a text (without escape sequences) takes on one line. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** A wrapped line as a [start, end) range of offsets into the original text. */
export type LineRange = [start: number, end: number];

/**
 * Word-wrap `text` to `width` cells. Hard line breaks ("\n") are kept; a word wider than the line
 * (a URL, a run of CJK) is broken between graphemes. Spaces at a soft break are dropped.
 */
export function wrapRanges(text: string, width: number): LineRange[] {
  const limit = Math.max(1, width);
  const lines: LineRange[] = [];
  let offset = 0;
  for (const hardLine of text.split('\n')) {
    wrapOneLine(text, offset, offset + hardLine.length, limit, lines);
    offset += hardLine.length + 1;
  }
  return lines;
}

function wrapOneLine(text: string, start: number, end: number, limit: number, out: LineRange[]): void {
  const graphemes = [...segmenter.segment(text.slice(start, end))].map(({ segment, index }) => ({
    start: start + index,
    end: start + index + segment.length,
    width: graphemeWidth(segment),
    space: segment === ' ',
  }));
  if (graphemes.length === 0) {
    out.push([start, start]);
    return;
  }

  let lineStart = 0; // index into graphemes
  let lineWidth = 0;
  let lastSpace = -1; // index of the last space on the current line, a place to break
  let index = 0;
  while (index < graphemes.length) {
    const grapheme = graphemes[index]!;
    if (lineWidth + grapheme.width <= limit || index === lineStart) {
      if (grapheme.space) lastSpace = index;
      lineWidth += grapheme.width;
      index += 1;
      continue;
    }
    // The grapheme does not fit: break at the last space, or inside the word if there is none.
    if (grapheme.space) {
      out.push(range(graphemes, lineStart, index));
      index = skipSpaces(graphemes, index);
    } else if (lastSpace > lineStart) {
      out.push(range(graphemes, lineStart, trimEnd(graphemes, lineStart, lastSpace)));
      index = skipSpaces(graphemes, lastSpace);
    } else {
      // A link longer than the line stays whole: a terminal can only open it unbroken.
      const isLink = /^https?:\/\//.test(text.slice(graphemes[lineStart]!.start, end));
      if (isLink) while (index < graphemes.length && !graphemes[index]!.space) index += 1;
      out.push(range(graphemes, lineStart, index));
      if (isLink) index = skipSpaces(graphemes, index);
    }
    lineStart = index;
    lineWidth = 0;
    lastSpace = -1;
  }
  if (lineStart < graphemes.length) out.push(range(graphemes, lineStart, trimEnd(graphemes, lineStart, graphemes.length)));
}

type Cell = { start: number; end: number; width: number; space: boolean };

function range(graphemes: Cell[], from: number, to: number): LineRange {
  if (to <= from) return [graphemes[from]!.start, graphemes[from]!.start];
  return [graphemes[from]!.start, graphemes[to - 1]!.end];
}

function skipSpaces(graphemes: Cell[], from: number): number {
  let index = from;
  while (index < graphemes.length && graphemes[index]!.space) index += 1;
  return index;
}

function trimEnd(graphemes: Cell[], from: number, to: number): number {
  let end = to;
  while (end > from && graphemes[end - 1]!.space) end -= 1;
  return end;
}

/** Word-wrap `text` to `width` cells, returning the lines. */
export function wrapText(text: string, width: number): string[] {
  return wrapRanges(text, width).map(([start, end]) => text.slice(start, end));
}

/** Pad `text` with spaces on the right to `width` cells. */
export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/**
 * Wrap `text` behind a first-line `prefix`, with the following lines indented by `indent`
 * (a hanging indent, as for footnotes and list items). `paintPrefix` styles the prefix only.
 */
export function wrapHanging(prefix: string, text: string, width: number, indent: string, paintPrefix: (text: string) => string = (text) => text): string[] {
  const firstWidth = width - displayWidth(prefix);
  if (firstWidth < Math.min(12, width / 2)) {
    // No useful room beside a long prefix: give it its own line(s).
    return [...wrapText(prefix.trimEnd(), width).map(paintPrefix), ...wrapText(text, width - indent.length).map((line) => indent + line)];
  }
  const ranges = wrapRanges(text, firstWidth);
  const first = ranges[0];
  if (first === undefined) return [paintPrefix(prefix)];
  const head = paintPrefix(prefix) + text.slice(first[0], first[1]);
  if (ranges.length === 1) return [head];
  const rest = text.slice(first[1]).replace(/^[ \n]/, '').replace(/^ +/, '');
  return [head, ...wrapText(rest, width - indent.length).map((line) => indent + line)];
}
