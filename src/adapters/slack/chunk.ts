/**
 * Long text with emphasis, packed into mrkdwn pieces that each fit one Block Kit text field.
 * Paragraphs stay whole where they fit; a paragraph longer than a field is broken between words
 * (between graphemes for unbroken text such as CJK), never inside an emoji or an escape sequence.
 */
import type { Highlight } from '../../core/reply.js';
import { boldSpan, eachGrapheme, escapeMrkdwn } from './mrkdwn.js';

/** A stretch of text, emphasised or not. */
export interface Run {
  text: string;
  bold: boolean;
  /** A URL of our own data, rendered as an explicit link (mrkdwn is sent verbatim, so nothing auto-links). */
  link?: boolean;
}

/** What a bold run may add around its text: two asterisks and two zero-width spaces. */
const BOLD_OVERHEAD = 4;

/** Split text into lines of runs, with the highlighted ranges bold. */
export function linesWithHighlights(text: string, highlights: readonly Highlight[] = []): Run[][] {
  if (highlights.length === 0) return plainLines(text);
  const bold = new Uint8Array(text.length);
  for (const [start, end] of highlights) {
    for (let i = Math.max(0, start); i < Math.min(text.length, end); i += 1) bold[i] = 1;
  }
  // A range edge between the two halves of a surrogate pair would split a character: move it.
  for (let i = 1; i < text.length; i += 1) {
    if (isLowSurrogate(text.charCodeAt(i)) && isHighSurrogate(text.charCodeAt(i - 1))) bold[i] = bold[i - 1] ?? 0;
  }
  const lines: Run[][] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const runs: Run[] = [];
    let i = 0;
    while (i < line.length) {
      const isBold = bold[offset + i] === 1;
      let j = i + 1;
      while (j < line.length && (bold[offset + j] === 1) === isBold) j += 1;
      runs.push({ text: line.slice(i, j), bold: isBold });
      i = j;
    }
    lines.push(runs);
    offset += line.length + 1;
  }
  return lines;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Plain text as lines of unemphasised runs. */
export function plainLines(text: string): Run[][] {
  return text.split('\n').map((line) => (line === '' ? [] : [{ text: line, bold: false }]));
}

const costOf = (run: Run) => (run.link ? linkOf(run.text).length : escapeMrkdwn(run.text).length + (run.bold ? BOLD_OVERHEAD : 0));

/** A URL as a mrkdwn link; characters that would end or split the link are percent-encoded. */
export function linkOf(url: string): string {
  return `<${url.replace(/[<>|]/g, (char) => encodeURIComponent(char)).replace(/&/g, '&amp;')}>`;
}

/** Break runs into words (whitespace kept with the word before it), and over-long words into pieces. */
function* atomsOf(runs: Run[], limit: number): Generator<Run> {
  for (const run of runs) {
    if (run.link && costOf(run) <= limit) {
      yield run;
      continue;
    }
    for (const word of run.text.split(/(?<=\s)/)) {
      const atom = { text: word, bold: run.bold };
      if (costOf(atom) <= limit) {
        yield atom;
        continue;
      }
      let piece = '';
      let pieceCost = run.bold ? BOLD_OVERHEAD : 0;
      for (const grapheme of eachGrapheme(word)) {
        const graphemeCost = escapeMrkdwn(grapheme).length;
        if (piece !== '' && pieceCost + graphemeCost > limit) {
          yield { text: piece, bold: run.bold };
          piece = '';
          pieceCost = run.bold ? BOLD_OVERHEAD : 0;
        }
        piece += grapheme;
        pieceCost += graphemeCost;
      }
      if (piece !== '') yield { text: piece, bold: run.bold };
    }
  }
}

/** Render one line of runs as mrkdwn, merging neighbours of the same emphasis. */
export function renderRuns(runs: readonly Run[]): string {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    if (last && !last.link && !run.link && last.bold === run.bold) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged
    .map((run, index) => {
      if (run.link) return linkOf(run.text);
      const escaped = escapeMrkdwn(run.text);
      if (!run.bold) return escaped;
      return boldSpan(escaped, merged[index - 1]?.text ?? '', merged[index + 1]?.text ?? '');
    })
    .join('');
}

/**
 * Pack lines into mrkdwn strings of at most `max` characters each, every line starting with
 * `prefix` (e.g. "> " for a block quote), and at most `maxChunks` of them (no message holds more
 * blocks, so the rest is never rendered). Empty lines are kept as paragraph breaks.
 */
export function packMrkdwn(lines: readonly Run[][], max: number, prefix = '', maxChunks = 100): string[] {
  const chunks: string[] = [];
  let chunk = '';
  const blank = prefix.trimEnd();
  const addLine = (line: string): boolean => {
    const candidate = chunk === '' ? line : `${chunk}\n${line}`;
    if (chunk !== '' && candidate.length > max) {
      const trimmed = trimBlankLines(chunk, blank);
      if (trimmed !== '') chunks.push(trimmed);
      chunk = line;
    } else {
      chunk = candidate;
    }
    return chunks.length < maxChunks;
  };
  const lineMax = max - prefix.length;
  outer: for (const runs of lines) {
    if (runs.length === 0 || runs.every((run) => run.text.trim() === '')) {
      if (!addLine(blank)) break;
      continue;
    }
    // Most paragraphs fit whole: render them as they are.
    const whole = prefix + renderRuns(runs).trimEnd();
    if (whole.length <= max) {
      if (!addLine(whole)) break;
      continue;
    }
    let current: Run[] = [];
    let cost = 0;
    for (const atom of atomsOf(runs, lineMax)) {
      const atomCost = costOf(atom);
      if (current.length > 0 && cost + atomCost > lineMax) {
        if (!addLine(prefix + renderRuns(current).trimEnd())) break outer;
        current = [];
        cost = 0;
      }
      current.push(atom);
      cost += atomCost;
    }
    if (current.length > 0 && !addLine(prefix + renderRuns(current).trimEnd())) break;
  }
  const last = trimBlankLines(chunk, blank);
  if (last !== '' && chunks.length < maxChunks) chunks.push(last);
  return chunks;
}

function trimBlankLines(text: string, blank: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && (lines[0] === blank || lines[0] === '')) lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] === blank || lines[lines.length - 1] === '')) lines.pop();
  return lines.join('\n');
}
