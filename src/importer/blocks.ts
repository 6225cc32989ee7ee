/**
 * Splits the converted document into blocks (runs of non-blank lines) and remembers how many
 * blank lines preceded each: the converter marks a PDF page break with two or more blank lines,
 * a paragraph break with one.
 */

export interface Block {
  /** The block's lines, right-trimmed except for Markdown hard breaks (two trailing spaces). */
  lines: string[];
  /** 1-based line number of the first line in the document. */
  line: number;
  /** Blank lines between this block and the previous one. */
  blanksBefore: number;
}

/** Blank lines that mean "a new PDF page starts here". */
export const PAGE_BREAK_BLANKS = 2;

/** The blocks of `text` in order; `firstLine` is the document line number of its first line. */
export function readBlocks(text: string, firstLine = 1): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let blanks = 0;
  let current: Block | undefined;
  lines.forEach((raw, index) => {
    if (raw.trim() === '') {
      current = undefined;
      blanks++;
      return;
    }
    const line = raw.endsWith('  ') ? raw.replace(/\s+$/, '') + '  ' : raw.replace(/\s+$/, '');
    if (!current) {
      current = { lines: [], line: index + firstLine, blanksBefore: blanks };
      blocks.push(current);
      blanks = 0;
    }
    current.lines.push(line);
  });
  return blocks;
}
