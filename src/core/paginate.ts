/**
 * Splits a long reply into pages that fit every surface: a Discord embed description (4096
 * characters, 6000 for the whole message) and a Slack section (3000). A page's text parts stay under
 * PAGE_TEXT_BUDGET characters and, with the footnotes they cite, under PAGE_TOTAL_BUDGET.
 *
 * Paragraphs are kept whole where they fit on a page; a paragraph too long for one is split between
 * sentences, never inside one unless a single sentence is longer than a page. Title, subtitle,
 * fields, translations and see-also stay on every page; citations are filtered to the footnotes whose
 * markers appear on that page. Citations that no marker in the parts refers to (the `cite` command's
 * footnote list) are content themselves and are spread over the pages like parts.
 */
import type { ReplyDraft } from './command.js';
import type { Citation, Highlight, TextPart } from './reply.js';
import { renderedMarkers } from './render-text.js';

/** Most characters of text parts (and free citations) on one page. */
export const PAGE_TEXT_BUDGET = 2800;
/** Most characters on one page counting the footnotes its text cites. */
export const PAGE_TOTAL_BUDGET = 5000;

/**
 * Most characters of text on the first page of a definition: the lead and what follows it, short
 * enough to read at a glance in a meeting; the rest is a button (or /next) away.
 */
export const FIRST_DEFINITION_PAGE_BUDGET = 1500;

export interface PageBudget {
  text: number;
  total: number;
}

type Unit =
  | { type: 'part'; part: TextPart; origin: number; start: number; end: number; cost: number; markers: number[] }
  | { type: 'citation'; citation: Citation; cost: number };

interface Page {
  units: Unit[];
  textCost: number;
  totalCost: number;
  cited: Set<number>;
}

/** The pages of a reply draft, at least one. */
export function paginate(draft: ReplyDraft, budget: PageBudget = { text: PAGE_TEXT_BUDGET, total: PAGE_TOTAL_BUDGET }): ReplyDraft[] {
  const citationByNumber = new Map(draft.citations.map((citation) => [citation.number, citation]));
  const markedNumbers = new Set(draft.parts.flatMap((part) => markersOfPart(part)));
  const units: Unit[] = [];
  draft.parts.forEach((part, origin) => units.push(...partUnits(part, origin, budget.text)));
  for (const citation of draft.citations) {
    if (!markedNumbers.has(citation.number)) units.push({ type: 'citation', citation, cost: citationCost(citation) });
  }

  const pages: Page[] = [];
  let page = newPage();
  const footnoteCost = (unit: Unit, on: Page) =>
    unit.type === 'part'
      ? unit.markers.filter((n) => !on.cited.has(n)).reduce((sum, n) => sum + citationCostOf(citationByNumber.get(n)), 0)
      : 0;
  const quickFirstPage = draft.kind === 'definition';
  const textBudget = () => (quickFirstPage && pages.length === 0 ? Math.min(budget.text, FIRST_DEFINITION_PAGE_BUDGET) : budget.text);
  const fits = (unit: Unit, on: Page) =>
    on.textCost + unit.cost <= textBudget() && on.totalCost + unit.cost + footnoteCost(unit, on) <= budget.total;

  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    let fitsHere = fits(unit, page);
    // A heading, or a paragraph that leads into the next ("…President Park stressed:"), must not be
    // the last thing on a page: keep it with what follows.
    const next = units[i + 1];
    if (fitsHere && unit.type === 'part' && leadsIntoNext(unit, next) && next) {
      const probe: Page = { ...page, textCost: page.textCost + unit.cost, totalCost: page.totalCost + unit.cost };
      fitsHere = fits(next, probe);
    }
    if (!fitsHere && page.units.length > 0) {
      pages.push(page);
      page = newPage();
    }
    page.units.push(unit);
    page.totalCost += unit.cost + footnoteCost(unit, page);
    page.textCost += unit.cost;
    if (unit.type === 'part') unit.markers.forEach((n) => page.cited.add(n));
  }
  if (page.units.length > 0 || pages.length === 0) pages.push(page);

  return pages.map((p) => {
    const free = p.units.flatMap((unit) => (unit.type === 'citation' ? [unit.citation] : []));
    const partUnitsOnPage = p.units.filter((unit): unit is Extract<Unit, { type: 'part' }> => unit.type === 'part');
    const parts = mergePieces(partUnitsOnPage);
    const onPage = new Set(parts.flatMap((part) => markersOfPart(part)));
    const citations = draft.citations.filter((citation) => onPage.has(citation.number) || free.includes(citation));
    return { ...draft, parts, citations };
  });
}

/**
 * Whether a unit introduces the one after it: a heading, or the end of a paragraph that stops on a
 * colon or mid-sentence (on a lowercase word, as "…when he stated that" before a quoted paragraph).
 */
function leadsIntoNext(unit: Extract<Unit, { type: 'part' }>, next: Unit | undefined): boolean {
  if (unit.part.kind === 'heading') return true;
  if (unit.part.kind === 'table') return false;
  // A piece cut from a long paragraph that continues into the next piece ends mid-paragraph anyway.
  if (next?.type === 'part' && next.origin === unit.origin) return false;
  return endsOnColonOrLowercase(unit.part.text);
}

/**
 * `/(?::|\p{Ll})\s*$/u` without the regular expression, which tried every position of a long
 * paragraph: 7% of a `define` in the profile, where this looks at the last few characters only.
 */
function endsOnColonOrLowercase(text: string): boolean {
  let end = text.length;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === 0) return false;
  const last = String.fromCodePoint(text.codePointAt(end - 1 - (isLowSurrogate(text.charCodeAt(end - 1)) && end > 1 ? 1 : 0))!);
  return last === ':' || /^\p{Ll}$/u.test(last);
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function newPage(): Page {
  return { units: [], textCost: 0, totalCost: 0, cited: new Set() };
}

function citationCost(citation: Citation): number {
  return citation.text.length + citation.urls.reduce((sum, url) => (citation.text.includes(url) ? sum : sum + url.length + 1), 0);
}

function citationCostOf(citation: Citation | undefined): number {
  return citation ? citationCost(citation) : 0;
}

function markersOfPart(part: TextPart): number[] {
  switch (part.kind) {
    case 'table':
      return renderedMarkers([part.caption, ...part.columns, ...part.rows.flat(), part.note ?? ''].join(' '));
    default:
      return renderedMarkers(part.text);
  }
}

function partCost(part: TextPart): number {
  switch (part.kind) {
    case 'table':
      return (
        part.caption.length +
        (part.note?.length ?? 0) +
        part.columns.join(' | ').length +
        part.rows.reduce((sum, row) => sum + row.join(' | ').length + 4, 0)
      );
    case 'heading':
      return part.text.length + 4;
    default:
      return part.text.length + 2;
  }
}

/** A part as one unit, or (too long for a page) as sentence-sized pieces, or table row groups. */
function partUnits(part: TextPart, origin: number, textBudget: number): Unit[] {
  const whole = (): Unit => ({ type: 'part', part, origin, start: 0, end: 0, cost: partCost(part), markers: markersOfPart(part) });
  if (partCost(part) <= textBudget) return [whole()];
  if (part.kind === 'table') return tableUnits(part, origin, textBudget);
  if (part.kind === 'heading') return [whole()];
  return pieceSpans(part.text, textBudget).map(([start, end]) => {
    const piece = pieceOf(part, start, end);
    originalTexts.set(piece, part);
    return { type: 'part', part: piece, origin, start, end, cost: partCost(piece), markers: markersOfPart(piece) };
  });
}

function tableUnits(table: Extract<TextPart, { kind: 'table' }>, origin: number, textBudget: number): Unit[] {
  const units: Unit[] = [];
  let rows: string[][] = [];
  const flush = () => {
    if (rows.length === 0) return;
    const part: TextPart = { ...table, rows };
    units.push({ type: 'part', part, origin, start: units.length, end: units.length, cost: partCost(part), markers: markersOfPart(part) });
    rows = [];
  };
  for (const row of table.rows) {
    const candidate: TextPart = { ...table, rows: [...rows, row] };
    if (rows.length > 0 && partCost(candidate) > textBudget) flush();
    rows.push(row);
  }
  flush();
  return units;
}

function pieceOf(part: Extract<TextPart, { kind: 'quote' | 'text' }>, start: number, end: number): TextPart {
  const text = part.text.slice(start, end);
  if (part.kind === 'text') return { kind: 'text', text };
  const highlights = rebase(part.highlights, start, end);
  return highlights ? { kind: 'quote', text, highlights } : { kind: 'quote', text };
}

function rebase(highlights: Highlight[] | undefined, start: number, end: number): Highlight[] | undefined {
  if (!highlights) return undefined;
  return highlights
    .map(([s, e]): Highlight => [Math.max(s, start) - start, Math.min(e, end) - start])
    .filter(([s, e]) => e > s);
}

/** Put back together consecutive pieces of the same part that landed on the same page. */
function mergePieces(units: Extract<Unit, { type: 'part' }>[]): TextPart[] {
  const parts: TextPart[] = [];
  let run: Extract<Unit, { type: 'part' }>[] = [];
  const flush = (all: TextPart[]) => {
    const first = run[0];
    const last = run[run.length - 1];
    if (!first || !last) return;
    if (run.length === 1) all.push(first.part);
    else if (first.part.kind === 'table') {
      all.push({ ...first.part, rows: run.flatMap((unit) => (unit.part.kind === 'table' ? unit.part.rows : [])) });
    } else all.push(mergedText(run, first, last));
    run = [];
  };
  for (const unit of units) {
    const previous = run[run.length - 1];
    if (previous && previous.origin !== unit.origin) flush(parts);
    run.push(unit);
  }
  flush(parts);
  return parts;
}

function mergedText(
  run: Extract<Unit, { type: 'part' }>[],
  first: Extract<Unit, { type: 'part' }>,
  last: Extract<Unit, { type: 'part' }>,
): TextPart {
  // Pieces are spans of one original text; rebuild the exact span so a quote stays verbatim.
  const original = originalTexts.get(first.part);
  const joined = run.map((unit) => (unit.part.kind === 'quote' || unit.part.kind === 'text' ? unit.part.text : '')).join(' ');
  const text = original ? original.text.slice(first.start, last.end) : joined;
  if (first.part.kind === 'text') return { kind: 'text', text };
  const highlights = original?.kind === 'quote' ? rebase(original.highlights, first.start, last.end) : undefined;
  return highlights ? { kind: 'quote', text, highlights } : { kind: 'quote', text };
}

/** Each piece remembers the part it was cut from, to rebuild merged spans verbatim. */
const originalTexts = new WeakMap<TextPart, Extract<TextPart, { kind: 'quote' | 'text' }>>();

/**
 * [start, end) spans of `text`, trimmed, at sentence boundaries, each at most `budget` characters
 * (a sentence longer than that is cut at a space).
 */
export function pieceSpans(text: string, budget: number): [number, number][] {
  const spans: [number, number][] = [];
  for (const [start, end] of sentenceSpans(text)) {
    if (end - start <= budget) {
      spans.push([start, end]);
      continue;
    }
    let from = start;
    while (end - from > budget) {
      const window = text.slice(from, from + budget);
      const cut = window.lastIndexOf(' ');
      const to = cut > budget / 2 ? from + cut : from + budget;
      spans.push([from, to]);
      from = to;
      while (from < end && /\s/.test(text[from] ?? '')) from++;
    }
    if (end > from) spans.push([from, end]);
  }
  return spans;
}

const ABBREVIATIONS = new Set(
  [
    'e.g', 'i.e', 'etc', 'vs', 'cf', 'mr', 'mrs', 'ms', 'dr', 'prof', 'no', 'nos', 'vol', 'pp', 'p', 'ed', 'eds', 'trans',
    'st', 'jr', 'sr', 'inc', 'co', 'al', 'abr', 'gen', 'lt', 'col', 'sen', 'rep', 'gov', 'fig', 'approx', 'ca', 'op',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  ],
);

/** [start, end) spans of the sentences of a text (whitespace between them excluded). */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  while (start < text.length && /\s/.test(text[start] ?? '')) start++;
  const boundary = /([.!?…]|[。！？])["”’)\]⁰¹²³⁴⁵⁶⁷⁸⁹\u2009]*(\s+)(?=["“‘([A-Z0-9]|[\u3040-\u9fff\uac00-\ud7af])|[。！？](?=\S)/g;
  for (const match of text.matchAll(boundary)) {
    const punctuationEnd = match.index + match[0].length - (match[2]?.length ?? 0);
    if (match[1] === '.' && isAbbreviation(text, match.index)) continue;
    if (punctuationEnd > start) spans.push([start, punctuationEnd]);
    start = match.index + match[0].length;
  }
  let end = text.length;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end > start) spans.push([start, end]);
  return spans;
}

function isAbbreviation(text: string, periodIndex: number): boolean {
  const before = text.slice(Math.max(0, periodIndex - 12), periodIndex);
  const word = /([A-Za-z.]+)$/.exec(before)?.[1] ?? '';
  if (word === '') return false;
  if (/^[A-Z]$/.test(word) || /^([A-Za-z]\.)+[A-Za-z]$/.test(word)) return true; // "U.S", "A" in "David A."
  return ABBREVIATIONS.has(word.toLowerCase());
}
