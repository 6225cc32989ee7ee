/**
 * Sorts the document's blocks into what they are on the PDF page: headings, running text,
 * tables, footnote definitions, and page debris (rules, page breaks, figure labels).
 *
 * Footnotes are recognised by number: the document numbers them 1, 2, 3 … in order, so a block
 * opening with `<sup>N</sup>` where N is the next expected number is a footnote definition. A
 * footnote may continue in a following block: on the next page right after the rule (footnote
 * 70), or on its own line with a URL or a second source (78, 89, 122, 131).
 */
import { PAGE_BREAK_BLANKS } from './blocks.js';
import type { Block } from './blocks.js';
import { ImportError } from './errors.js';

/** A block of the document as the PDF page shows it. */
export type LayoutItem =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'table'; lines: string[]; line: number }
  | { kind: 'footnote'; number: number; lines: string[]; line: number }
  /** Page debris between two pieces of running text: a rule, a page break, a figure label. */
  | { kind: 'break'; line: number };

const RULE = /^-{3,}$/;
const FOOTNOTE_START = /^<sup>(\d+)<\/sup>\s*/;
const URL = /https?:\/\//;
/** The figures themselves were not converted; only their labels remain, sometimes mid-sentence. */
const FIGURE_LABEL = /^Figure \d+$/;

/** Strips Markdown heading hashes and bold markers: "## **Phase 1: …**" → "Phase 1: …". */
export function headingText(line: string): string {
  return line.replace(/^#+\s*/, '').replace(/^\*\*(.+)\*\*$/, '$1').trim();
}

function isHeading(block: Block): boolean {
  if (block.lines.length !== 1) return false;
  const line = block.lines[0] ?? '';
  // A bold-only line is a heading (e.g. "**5B. Empathy, Part II: …**"), unless it captions a table.
  return /^#{1,6}\s/.test(line) || (/^\*\*[^*].*\*\*$/.test(line) && !/^\*\*Table \d+:/.test(line));
}

/**
 * The layout items of `blocks`, footnote continuations folded into their footnote and hard line
 * breaks inside running text turned into separate paragraphs.
 */
export function layoutItems(blocks: readonly Block[], firstFootnote = 1): LayoutItem[] {
  const items: LayoutItem[] = [];
  let nextFootnote = firstFootnote;
  let lastFootnote: Extract<LayoutItem, { kind: 'footnote' }> | undefined;
  let inNotes = false;
  let afterRule = false;

  for (const block of blocks) {
    const first = block.lines[0] ?? '';
    const pageBreak = block.blanksBefore >= PAGE_BREAK_BLANKS;
    if (pageBreak) {
      items.push({ kind: 'break', line: block.line });
      inNotes = false;
    }

    if (RULE.test(first) && block.lines.length === 1) {
      items.push({ kind: 'break', line: block.line });
      inNotes = true;
      afterRule = true;
      continue;
    }
    const justAfterRule = afterRule;
    afterRule = false;

    const footnote = FOOTNOTE_START.exec(first);
    if (footnote) {
      const number = Number(footnote[1]);
      if (number !== nextFootnote) {
        throw new ImportError(`line ${block.line}: footnote ${number} found where footnote ${nextFootnote} was expected`);
      }
      nextFootnote++;
      lastFootnote = { kind: 'footnote', number, lines: [first.slice(footnote[0].length), ...block.lines.slice(1)], line: block.line };
      items.push(lastFootnote);
      inNotes = true;
      continue;
    }

    if (inNotes && lastFootnote && !isHeading(block) && !first.startsWith('|')) {
      // Still in the footnote area of a page: a continuation of the last footnote, unless it
      // is running text resuming after the notes on the same page (no URL, not right after the rule).
      if (justAfterRule) {
        // The footnote was cut by the page break: its sentence goes on.
        const last = lastFootnote.lines.length - 1;
        lastFootnote.lines[last] = `${(lastFootnote.lines[last] ?? '').trimEnd()} ${block.lines[0] ?? ''}`;
        lastFootnote.lines.push(...block.lines.slice(1));
        continue;
      }
      if (block.lines.some((line) => URL.test(line))) {
        lastFootnote.lines.push(...block.lines);
        continue;
      }
    }
    inNotes = false;

    if (isHeading(block)) {
      items.push({ kind: 'heading', text: headingText(first), line: block.line });
    } else if (first.startsWith('|')) {
      items.push({ kind: 'table', lines: block.lines, line: block.line });
    } else if (FIGURE_LABEL.test(first) && block.lines.length === 1) {
      items.push({ kind: 'break', line: block.line });
    } else {
      // Lines of one block are separate paragraphs (list items, hard-broken example sentences).
      block.lines.forEach((line, offset) => {
        items.push({ kind: 'paragraph', text: line.trim(), line: block.line + offset });
      });
    }
  }
  return items;
}
