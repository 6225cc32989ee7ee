/**
 * The verbatim quotes a definition is made of. Every quote is cut, by raw offsets, from the rendered
 * text of one section (its paragraphs joined by blank lines), so it is always a substring of that
 * rendered text: the authors' words, never a paraphrase.
 */
import type { Entry, Section } from './entry.js';
import type { Block, PagePlace, QuoteBlock, TableBlock } from './reply.js';
import type { Target } from './entry-views.js';
import { plainText, renderText, renderedMarkers, sliceRendered } from './render-text.js';

type QuotePart = QuoteBlock;

/** The raw text of a section: its paragraphs joined by a blank line. */
export function sectionRawText(section: Section): string {
  return section.paragraphs.join('\n\n');
}

/** A quote part from rendered text; highlights only when there are some; its place when known. */
function quote(slice: { text: string; highlights: [number, number][] }, place?: PagePlace): QuotePart {
  const part: QuotePart = slice.highlights.length > 0 ? { kind: 'quote', text: slice.text, highlights: slice.highlights } : { kind: 'quote', text: slice.text };
  if (place) part.place = place;
  return part;
}

/** The quote parts of the raw range [start, end) of a section's text, one per paragraph, each with its paragraph. */
function quotesOfRange(raw: string, start: number, end: number, where: { entryId: string; sectionId: string }): QuotePart[] {
  const rendered = renderText(raw);
  const parts: QuotePart[] = [];
  let from = start;
  // The paragraph `from` is in: the blank lines before it.
  let paragraphIndex = raw.slice(0, start).split('\n\n').length - 1;
  while (from < end) {
    const blank = raw.indexOf('\n\n', from);
    const to = blank === -1 || blank > end ? end : blank;
    const slice = sliceRendered(rendered, from, to);
    if (slice.text !== '') parts.push(quote(slice, { ...where, paragraphIndex }));
    from = to + 2;
    paragraphIndex += 1;
  }
  return parts;
}

/** The section a definition of the target is taken from. */
export function definitionSection(target: Target): Section | undefined {
  const { entry } = target;
  return target.section ?? entry.sections.find((s) => s.id === entry.lead.section) ?? entry.sections[0];
}

/**
 * The definition of an entry or section: the lead (the span that defines the term) first, then the
 * rest of its section from where the lead ends. A section other than the lead's is quoted whole.
 */
export function definitionQuotes(target: Target): { lead: QuotePart; rest: QuotePart[] } {
  const section = definitionSection(target);
  const { entry } = target;
  if (!section) return { lead: quote(sliceRendered(renderText(entry.lead.text), 0, entry.lead.text.length)), rest: [] };
  const raw = sectionRawText(section);
  const where = { entryId: entry.id, sectionId: section.id };
  if (section.id === entry.lead.section) {
    const at = raw.indexOf(entry.lead.text);
    if (at >= 0) {
      const end = at + entry.lead.text.length;
      const [lead] = quotesOfRange(raw, at, end, where);
      if (lead) return { lead, rest: quotesOfRange(raw, end, raw.length, where) };
    }
  }
  const [first, ...rest] = quotesOfRange(raw, 0, raw.length, where);
  if (!first) return { lead: quote(sliceRendered(renderText(entry.lead.text), 0, entry.lead.text.length)), rest: [] };
  if (section.id === entry.lead.section) {
    // The lead is verbatim but not found as one span (e.g. it spans a joined page break): quote it, then the section.
    return { lead: quote(sliceRendered(renderText(entry.lead.text), 0, entry.lead.text.length)), rest: [first, ...rest] };
  }
  return { lead: first, rest };
}

/** Words that show a paragraph defines something. */
const DEFINING = /\b(is|are|means?|meant|defin\w*|refers? to|denotes?|understood as|concept)\b/i;

/**
 * The first defining paragraph of a target, verbatim: the lead where the target is the entry or the
 * lead's section; otherwise the first paragraph of the section that names the heading and defines
 * it (with the next paragraph when it ends in a colon, as "…are as follows:").
 */
export function firstDefiningQuotes(target: Target): QuotePart[] {
  const section = definitionSection(target);
  const { entry } = target;
  if (!target.section || !section || section.id === entry.lead.section) return [definitionQuotes(target).lead];
  const raw = sectionRawText(section);
  const quotes = quotesOfRange(raw, 0, raw.length, { entryId: entry.id, sectionId: section.id });
  const name = (section.heading ?? entry.term).toLowerCase();
  const index = Math.max(
    0,
    quotes.findIndex((q) => q.text.toLowerCase().includes(name) && DEFINING.test(q.text)),
  );
  const chosen = quotes[index];
  if (!chosen) return [];
  const next = quotes[index + 1];
  return /:\s*$/.test(chosen.text) && next ? [chosen, next] : [chosen];
}

/** The entry's tables that belong to a section, as table blocks (cells verbatim, markers rendered). */
export function tablesOf(entry: Entry, sectionId: string): TableBlock[] {
  return entry.tables
    .filter((table) => table.section === sectionId)
    .map((table): TableBlock => {
      const block: TableBlock = {
        kind: 'table',
        caption: plainText(table.caption),
        columns: table.columns.map(plainText),
        rows: table.rows.map((row) => row.map(plainText)),
      };
      return table.note ? { ...block, note: plainText(table.note) } : block;
    });
}

/** The footnote numbers whose markers occur in quotes and tables, in order of appearance. */
export function markersIn(blocks: readonly Block[]): number[] {
  return [
    ...new Set(
      blocks.flatMap((block) =>
        block.kind === 'table'
          ? renderedMarkers([block.caption, ...block.columns, ...block.rows.flat(), block.note ?? ''].join(' '))
          : block.kind === 'quote'
            ? renderedMarkers(block.text)
            : [],
      ),
    ),
  ];
}
