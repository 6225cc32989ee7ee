/**
 * Footnote text and ownership. A footnote belongs to the entry whose running text cites it with
 * `<sup>N</sup>`, wherever the PDF page happened to print it (footnotes 30–35 sit after the
 * Trust-Building Measures heading but are cited in Trust).
 */
import { ImportError } from './errors.js';
import type { FlowFootnote } from './flow.js';
import { citedFootnotes, cleanInline } from './markup.js';
import type { Piece } from './pieces.js';

export interface ImportedFootnote {
  number: number;
  /** Verbatim text (Markdown kept); a footnote of several lines keeps them, joined with "\n". */
  text: string;
}

/** A footnote's text from its definition lines: hard breaks dropped, ordinals flattened. */
export function footnoteText(footnote: FlowFootnote): string {
  return footnote.lines
    .map((line) => cleanInline(line.trim()))
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * Assigns every footnote to the piece that cites it. Fails if a footnote is cited nowhere, cited
 * twice, or cited without a definition, so no footnote can end up in the wrong entry unnoticed.
 */
export function assignFootnotes(pieces: readonly Piece[], footnotes: readonly FlowFootnote[]): Map<string, ImportedFootnote[]> {
  const byNumber = new Map(footnotes.map((footnote) => [footnote.number, footnote]));
  const owner = new Map<number, string>();
  for (const piece of pieces) {
    for (const section of piece.sections) {
      for (const paragraph of section.paragraphs) {
        for (const number of citedFootnotes(paragraph)) {
          if (!byNumber.has(number)) throw new ImportError(`${piece.spec.id}: marker ${number} has no footnote definition in the document`);
          const previous = owner.get(number);
          if (previous !== undefined) throw new ImportError(`footnote ${number} is cited twice (in ${previous} and ${piece.spec.id})`);
          owner.set(number, piece.spec.id);
        }
      }
    }
  }
  const assigned = new Map<string, ImportedFootnote[]>(pieces.map((piece) => [piece.spec.id, []]));
  for (const footnote of footnotes) {
    const id = owner.get(footnote.number);
    if (id === undefined) throw new ImportError(`footnote ${footnote.number} (line ${footnote.line}) is never cited in the running text`);
    assigned.get(id)?.push({ number: footnote.number, text: footnoteText(footnote) });
  }
  for (const list of assigned.values()) list.sort((a, b) => a.number - b.number);
  return assigned;
}
