/**
 * Splits a long reply into pages that fit every surface: a Discord embed description (4096
 * characters, 6000 for the whole message) and a Slack section (3000). A page's flowing blocks stay
 * under PAGE_TEXT_BUDGET characters and, with the footnotes they cite, under PAGE_TOTAL_BUDGET.
 *
 * Blocks either flow across pages (quote, text, heading, table, results: cut between paragraphs,
 * sentences, table rows or results) or stay on every page (facts, translations, suggestions, see
 * also). A citations block is cut per page: each page keeps the footnotes whose markers it shows;
 * footnotes no marker refers to (the `cite` command's list) are content themselves and flow like text.
 * A block kind not named here stays on every page.
 */
import type { ReplyDraft } from './command.js';
import type { Block, BlockOf, Citation, Highlight, QuoteBlock } from './reply.js';
import { proseText } from './reply-text.js';
import { renderedMarkers } from './render-text.js';

/** Most characters of flowing blocks (and free citations) on one page. */
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

type FlowingBlock = BlockOf<'quote' | 'text' | 'heading' | 'table' | 'results'>;

const FLOWING = new Set<Block['kind']>(['quote', 'text', 'heading', 'table', 'results']);

function isFlowing(block: Block): block is FlowingBlock {
  return FLOWING.has(block.kind);
}

type Unit =
  | {
      type: 'block';
      block: FlowingBlock;
      origin: number;
      start: number;
      end: number;
      cost: number;
      markers: number[];
      /** The quote a piece was cut from, to rebuild merged pieces verbatim. */
      source?: QuoteBlock;
    }
  | { type: 'citation'; citation: Citation; cost: number };

type BlockUnit = Extract<Unit, { type: 'block' }>;

interface Page {
  units: Unit[];
  textCost: number;
  totalCost: number;
  cited: Set<number>;
}

/** The pages of a reply draft, at least one. */
export function paginate(draft: ReplyDraft, budget: PageBudget = { text: PAGE_TEXT_BUDGET, total: PAGE_TOTAL_BUDGET }): ReplyDraft[] {
  const allCitations = draft.blocks.flatMap((block) => (block.kind === 'citations' ? block.citations : []));
  const citationByNumber = new Map(allCitations.map((citation) => [citation.number, citation]));
  const markedNumbers = new Set(draft.blocks.flatMap((block) => (isFlowing(block) ? markersOf(block) : [])));
  const units: Unit[] = [];
  draft.blocks.forEach((block, origin) => {
    if (isFlowing(block)) units.push(...blockUnits(block, origin, budget.text));
  });
  for (const citation of allCitations) {
    if (!markedNumbers.has(citation.number)) units.push({ type: 'citation', citation, cost: citationCost(citation) });
  }

  const pages: Page[] = [];
  let page = newPage();
  const footnoteCost = (unit: Unit, on: Page) =>
    unit.type === 'block'
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
    if (fitsHere && unit.type === 'block' && leadsIntoNext(unit, next) && next) {
      const probe: Page = { ...page, textCost: page.textCost + unit.cost, totalCost: page.totalCost + unit.cost };
      fitsHere = fits(next, probe);
    }
    // A search's next page of results starts a page of its own, whatever room is left.
    if (unit.type === 'block' && unit.block.kind === 'results' && unit.block.startsPage === true && unit.start === 0 && page.units.length > 0) fitsHere = false;
    if (!fitsHere && page.units.length > 0) {
      pages.push(page);
      page = newPage();
    }
    page.units.push(unit);
    page.totalCost += unit.cost + footnoteCost(unit, page);
    page.textCost += unit.cost;
    if (unit.type === 'block') unit.markers.forEach((n) => page.cited.add(n));
  }
  if (page.units.length > 0 || pages.length === 0) pages.push(page);
  if (pages.length === 1) return [draft];

  return pages.map((p) => {
    const free = new Set(p.units.flatMap((unit) => (unit.type === 'citation' ? [unit.citation] : [])));
    const pieces = mergePieces(p.units.filter((unit): unit is BlockUnit => unit.type === 'block'));
    const onPage = new Set(pieces.flatMap(({ block }) => markersOf(block)));
    const citations = allCitations.filter((citation) => onPage.has(citation.number) || free.has(citation));
    const blocks: Block[] = [];
    let citationsPlaced = false;
    draft.blocks.forEach((block, origin) => {
      if (isFlowing(block)) blocks.push(...pieces.filter((piece) => piece.origin === origin).map((piece) => piece.block));
      else if (block.kind === 'citations') {
        if (!citationsPlaced && citations.length > 0) blocks.push({ kind: 'citations', citations });
        citationsPlaced = true;
      } else blocks.push(block);
    });
    return { ...draft, blocks };
  });
}

/**
 * Whether a unit introduces the one after it: a heading, or the end of a paragraph that stops on a
 * colon or mid-sentence (on a lowercase word, as "…when he stated that" before a quoted paragraph).
 */
function leadsIntoNext(unit: BlockUnit, next: Unit | undefined): boolean {
  const { block } = unit;
  if (block.kind === 'heading') return true;
  if (block.kind === 'table' || block.kind === 'results') return false;
  // A piece cut from a long paragraph that continues into the next piece ends mid-paragraph anyway.
  if (next?.type === 'block' && next.origin === unit.origin) return false;
  return endsOnColonOrLowercase(block.kind === 'quote' ? block.text : proseText(block.text));
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

function markersOf(block: FlowingBlock): number[] {
  switch (block.kind) {
    case 'table':
      return renderedMarkers([block.caption, ...block.columns, ...block.rows.flat(), block.note ?? ''].join(' '));
    case 'results':
      return renderedMarkers(block.results.map((result) => result.excerpt).join(' '));
    case 'text':
      return [];
    default:
      return renderedMarkers(block.text);
  }
}

function blockCost(block: FlowingBlock): number {
  switch (block.kind) {
    case 'table':
      return (
        block.caption.length +
        (block.note?.length ?? 0) +
        block.columns.join(' | ').length +
        block.rows.reduce((sum, row) => sum + row.join(' | ').length + 4, 0)
      );
    case 'results':
      return block.results.reduce((sum, result) => sum + result.entryTitle.length + result.excerpt.length + 8, 0);
    case 'heading':
      return block.text.length + 4;
    case 'text':
      return proseText(block.text).length + 2;
    default:
      return block.text.length + 2;
  }
}

/** A block as one unit, or (too long for a page) as sentence-sized pieces, table row groups or result groups. */
function blockUnits(block: FlowingBlock, origin: number, textBudget: number): Unit[] {
  const unit = (piece: FlowingBlock, start = 0, end = 0): BlockUnit => ({ type: 'block', block: piece, origin, start, end, cost: blockCost(piece), markers: markersOf(piece) });
  const quoted = block.kind === 'quote' ? block : undefined;
  if (blockCost(block) <= textBudget || block.kind === 'heading' || block.kind === 'text') return [unit(block)];
  if (block.kind === 'table') return groups(block.rows, (rows) => blockCost({ ...block, rows }), textBudget).map((rows, i) => unit({ ...block, rows }, i, i));
  if (block.kind === 'results') return groups(block.results, (results) => blockCost({ ...block, results }), textBudget).map((results, i) => unit({ ...block, results }, i, i));
  return pieceSpans(block.text, textBudget).map(([start, end]) => ({ ...unit(quotePiece(block, start, end), start, end), ...(quoted ? { source: quoted } : {}) }));
}

/** Items in consecutive groups, each within `budget` by `cost` (an item too big alone is a group of its own). */
function groups<T>(items: readonly T[], cost: (group: T[]) => number, budget: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  for (const item of items) {
    if (current.length > 0 && cost([...current, item]) > budget) {
      out.push(current);
      current = [];
    }
    current.push(item);
  }
  if (current.length > 0) out.push(current);
  return out;
}

function quotePiece(block: QuoteBlock, start: number, end: number): QuoteBlock {
  const highlights = rebase(block.highlights, start, end);
  const piece: QuoteBlock = highlights ? { kind: 'quote', text: block.text.slice(start, end), highlights } : { kind: 'quote', text: block.text.slice(start, end) };
  // Every piece of a quote is still in the same paragraph.
  if (block.place) piece.place = block.place;
  return piece;
}

function rebase(highlights: Highlight[] | undefined, start: number, end: number): Highlight[] | undefined {
  if (!highlights) return undefined;
  return highlights
    .map(([s, e]): Highlight => [Math.max(s, start) - start, Math.min(e, end) - start])
    .filter(([s, e]) => e > s);
}

/** Put back together consecutive pieces of the same block that landed on the same page. */
function mergePieces(units: BlockUnit[]): { origin: number; block: FlowingBlock }[] {
  const merged: { origin: number; block: FlowingBlock }[] = [];
  let run: BlockUnit[] = [];
  const flush = () => {
    const first = run[0];
    const last = run[run.length - 1];
    if (first && last) merged.push({ origin: first.origin, block: run.length === 1 ? first.block : mergedBlock(run, first, last) });
    run = [];
  };
  for (const unit of units) {
    const previous = run[run.length - 1];
    if (previous && previous.origin !== unit.origin) flush();
    run.push(unit);
  }
  flush();
  return merged;
}

function mergedBlock(run: BlockUnit[], first: BlockUnit, last: BlockUnit): FlowingBlock {
  const block = first.block;
  if (block.kind === 'table') return { ...block, rows: run.flatMap((unit) => (unit.block.kind === 'table' ? unit.block.rows : [])) };
  if (block.kind === 'results') return { ...block, results: run.flatMap((unit) => (unit.block.kind === 'results' ? unit.block.results : [])) };
  // Pieces are spans of one original quote; rebuild the exact span so the quote stays verbatim.
  return first.source ? quotePiece(first.source, first.start, last.end) : block;
}

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
