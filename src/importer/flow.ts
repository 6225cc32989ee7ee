/**
 * Restores the running text across PDF page breaks: a paragraph that a page break, a rule, a
 * figure label or an interleaved footnote block cut in two is joined again, and a table that a
 * page break cut in two is put back together. Footnote definitions are set aside.
 */
import type { LayoutItem } from './layout.js';

/** A table of the running text, with every part a page break cut it into. */
export interface FlowTable {
  kind: 'table';
  /** The Markdown table lines of every part of the table, in order. */
  parts: string[][];
  caption?: string;
  line: number;
}

/** A heading, a paragraph or a table of the restored running text. */
export type FlowItem =
  | { kind: 'heading'; text: string; line: number }
  | { kind: 'paragraph'; text: string; line: number }
  | FlowTable;

/** A footnote definition as printed: its number and its lines. */
export interface FlowFootnote {
  number: number;
  lines: string[];
  line: number;
}

/** The running text restored across page breaks, with the footnotes set aside. */
export interface Flow {
  items: FlowItem[];
  footnotes: FlowFootnote[];
  /** Where two halves of a paragraph were joined, for tests and the import summary. */
  joins: Array<{ before: string; after: string; line: number }>;
}

/** A table's caption in this document: "Appendix: …" or "**Table 1: …**". */
const CAPTION = /^(?:\*\*)?((?:Table \d+|Appendix):[^*]*?)(?:\*\*)?$/;

/** True when a paragraph stops mid-sentence (so a page break, not the author, ended it). */
export function endsMidSentence(text: string): boolean {
  const trimmed = text.trimEnd();
  if (/<sup>\d+<\/sup>$/.test(trimmed)) return false;
  return !/[.!?:;”"’)\]…]$/.test(trimmed);
}

/** Joins the halves of a cut paragraph; a word cut at a hyphen ("major-" + "power") keeps its hyphen. */
export function joinHalves(before: string, after: string): string {
  const head = before.trimEnd();
  return /\w-$/.test(head) ? head + after.trimStart() : `${head} ${after.trimStart()}`;
}

/** The running text of `items` with cut paragraphs and tables joined, and its footnotes. */
export function restoreFlow(items: readonly LayoutItem[]): Flow {
  const out: FlowItem[] = [];
  const footnotes: FlowFootnote[] = [];
  const joins: Flow['joins'] = [];
  let interrupted = false;

  for (const item of items) {
    const last = out.at(-1);
    switch (item.kind) {
      case 'break':
        interrupted = true;
        break;
      case 'footnote':
        footnotes.push({ number: item.number, lines: item.lines, line: item.line });
        interrupted = true;
        break;
      case 'heading':
        out.push({ kind: 'heading', text: item.text, line: item.line });
        interrupted = false;
        break;
      case 'table':
        if (last?.kind === 'table' && interrupted) {
          last.parts.push(item.lines);
        } else {
          const table: FlowTable = { kind: 'table', parts: [item.lines], line: item.line };
          const caption = last?.kind === 'paragraph' ? CAPTION.exec(last.text) : null;
          if (caption?.[1]) {
            out.pop();
            table.caption = caption[1].trim();
          }
          out.push(table);
        }
        interrupted = false;
        break;
      case 'paragraph': {
        const caption = CAPTION.exec(item.text);
        if (caption?.[1] && last?.kind === 'table' && last.caption === undefined) {
          last.caption = caption[1].trim();
        } else if (last?.kind === 'paragraph' && interrupted && endsMidSentence(last.text)) {
          joins.push({ before: last.text, after: item.text, line: item.line });
          last.text = joinHalves(last.text, item.text);
        } else {
          out.push({ kind: 'paragraph', text: item.text, line: item.line });
        }
        interrupted = false;
        break;
      }
    }
  }
  return { items: out, footnotes, joins };
}
