/**
 * Turns an entry's Markdown-ish paragraph text into the plain text a Reply carries: footnote
 * markers `[^12]` become superscript digits `¹²`, emphasis `*word*` becomes a highlight range,
 * Markdown escapes and autolinks are unwrapped. Every command renders through here, so "verbatim"
 * always means "verbatim after this rendering", and a quote can be cut from the rendered text by
 * raw offsets (see `sliceRendered`).
 */
import type { Highlight } from './reply.js';

const SUPERSCRIPT_DIGITS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
/** Put between two adjacent markers so that `[^3][^4]` does not read back as 34. */
const MARKER_SEPARATOR = '\u2009';

/** 12 -> "¹²". */
export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((digit) => SUPERSCRIPT_DIGITS[Number(digit)] ?? digit)
    .join('');
}

/** Footnote numbers referenced by `[^N]` markers in raw entry text, in order, without repeats. */
export function rawMarkers(raw: string): number[] {
  const seen = new Set<number>();
  for (const match of raw.matchAll(/\[\^(\d+)\]/g)) seen.add(Number(match[1]));
  return [...seen];
}

/** Footnote numbers referenced by superscript markers in rendered text, in order, without repeats. */
export function renderedMarkers(text: string): number[] {
  const seen = new Set<number>();
  for (const match of text.matchAll(SUPERSCRIPT_RUN)) {
    const digits = match[0]
      .split('')
      .map((char) => SUPERSCRIPT_DIGITS.indexOf(char))
      .join('');
    seen.add(Number(digits));
  }
  return [...seen];
}

/** Plain text rendered from raw entry text, with the author's emphasis and a raw->rendered offset map. */
export interface RenderedText {
  readonly text: string;
  /** Ranges of `text` the author emphasised (italics/bold in the document). */
  readonly emphasis: readonly Highlight[];
  /** `offsets[i]` is the position in `text` of raw character i (length raw.length + 1). */
  readonly offsets: readonly number[];
}

interface Edit {
  start: number;
  end: number;
  replacement: string;
}

/** Texts rendered so far: entries are read-only once loaded, and every answer renders the same paragraphs. */
const rendered = new Map<string, RenderedText>();
/** Bound on `rendered` (the whole document is about 1,100 paragraphs and footnotes). */
const MAX_RENDERED = 4096;

/**
 * Render raw entry text (markers, emphasis, escapes, autolinks) to plain text. Computed once per
 * text: the result is shared, so callers must not change it.
 */
export function renderText(raw: string): RenderedText {
  const known = rendered.get(raw);
  if (known) return known;
  const result = computeRenderedText(raw);
  if (rendered.size >= MAX_RENDERED) rendered.clear();
  rendered.set(raw, result);
  return result;
}

function computeRenderedText(raw: string): RenderedText {
  const edits: Edit[] = [];
  const emphasisRaw: Highlight[] = [];
  for (const match of raw.matchAll(/\[\^(\d+)\]/g)) {
    const start = match.index;
    edits.push({ start, end: start + match[0].length, replacement: superscript(Number(match[1])) });
  }
  for (const match of raw.matchAll(/\\([\\`*_{}[\]()#+\-.!$<>|])/g)) {
    edits.push({ start: match.index, end: match.index + 2, replacement: match[1] ?? '' });
  }
  // Bold may hold italics ("**… (*effectivités*) are moot**"), so bold and italic are matched apart.
  const boldOrItalic = [/(\*\*)(?=[^\s*])([^\n]*?[^\s\\])\*\*/g, /(?<!\*)(\*)(?=[^\s*])([^*\n]*?[^\s*\\])\*(?!\*)/g];
  for (const match of boldOrItalic.flatMap((pattern) => [...raw.matchAll(pattern)])) {
    const open = match[1] ?? '*';
    const start = match.index;
    const innerStart = start + open.length;
    const innerEnd = innerStart + (match[2] ?? '').length;
    edits.push({ start, end: innerStart, replacement: '' });
    edits.push({ start: innerEnd, end: innerEnd + open.length, replacement: '' });
    emphasisRaw.push([innerStart, innerEnd]);
  }
  for (const match of raw.matchAll(/<(https?:\/\/[^>\s]+)>/g)) {
    const start = match.index;
    edits.push({ start, end: start + 1, replacement: '' });
    edits.push({ start: start + match[0].length - 1, end: start + match[0].length, replacement: '' });
  }
  // [label](url): keep the label (the document's links show their URL as the label).
  for (const match of raw.matchAll(/\[([^\]\n^][^\]\n]*)\]\((https?:\/\/[^)\s]+)\)/g)) {
    const start = match.index;
    const label = match[1] ?? '';
    const url = match[2] ?? '';
    // The PDF conversion escaped underscores in URL labels twice ("crat\\_atlarge"): show the clean target.
    if (label.replace(/\\/g, '') === url) {
      edits.push({ start, end: start + match[0].length, replacement: url });
      continue;
    }
    const labelEnd = start + 1 + label.length;
    edits.push({ start, end: start + 1, replacement: '' });
    edits.push({ start: labelEnd, end: start + match[0].length, replacement: '' });
  }
  // Inline math the PDF conversion produced, e.g. "$2+2=4$".
  for (const match of raw.matchAll(/\$([0-9+\-=×*/^(). ]*[+\-=×*/^][0-9+\-=×*/^(). ]*)\$/g)) {
    const start = match.index;
    edits.push({ start, end: start + 1, replacement: '' });
    edits.push({ start: start + match[0].length - 1, end: start + match[0].length, replacement: '' });
  }

  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  const offsets: number[] = new Array<number>(raw.length + 1);
  let text = '';
  let cursor = 0;
  let lastMarkerEnd = -1;
  for (const edit of edits) {
    if (edit.start < cursor) continue; // overlaps an earlier edit: keep the earlier one
    for (; cursor < edit.start; cursor++) {
      offsets[cursor] = text.length;
      text += raw[cursor];
    }
    const isMarker = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(edit.replacement);
    if (isMarker && lastMarkerEnd === edit.start) text += MARKER_SEPARATOR;
    for (let i = edit.start; i < edit.end; i++) offsets[i] = text.length;
    text += edit.replacement;
    cursor = edit.end;
    if (isMarker) lastMarkerEnd = edit.end;
  }
  for (; cursor < raw.length; cursor++) {
    offsets[cursor] = text.length;
    text += raw[cursor];
  }
  offsets[raw.length] = text.length;

  const emphasis = emphasisRaw
    .map(([start, end]): Highlight => [offsets[start] ?? 0, offsets[end] ?? 0])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  return { text, emphasis, offsets };
}

/** Plain text of raw entry text (convenience for `renderText(raw).text`). */
export function plainText(raw: string): string {
  return renderText(raw).text;
}

/**
 * The rendered text of the raw range [rawStart, rawEnd), trimmed, with the highlights that fall in
 * it rebased. The result is always a substring of `rendered.text`.
 */
export function sliceRendered(
  rendered: RenderedText,
  rawStart: number,
  rawEnd: number,
  extraHighlights: Highlight[] = [],
): { text: string; highlights: Highlight[] } {
  let start = rendered.offsets[rawStart] ?? 0;
  let end = rendered.offsets[rawEnd] ?? rendered.text.length;
  while (start < end && /\s/.test(rendered.text[start] ?? '')) start++;
  while (end > start && /\s/.test(rendered.text[end - 1] ?? '')) end--;
  const highlights = [...rendered.emphasis, ...extraHighlights]
    .map(([s, e]): Highlight => [Math.max(s, start) - start, Math.min(e, end) - start])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  return { text: rendered.text.slice(start, end), highlights };
}

/**
 * Remove control characters (and other invisible format characters except joiners) from user
 * input before it is echoed or searched; newlines and tabs become spaces.
 */
export function stripControlCharacters(input: string): string {
  return input
    // A pasted terminal escape sequence goes whole ("\x1b[31m"), not just its ESC byte.
    // eslint-disable-next-line no-control-regex -- matching escape sequences is the point
    .replace(/\u001b(?:\[[0-9;?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g, '')
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, ' ')
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g, '');
}
