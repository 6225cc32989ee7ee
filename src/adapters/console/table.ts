/**
 * Tables from the document as aligned terminal text: columns share the width fairly and cells
 * wrap inside their column, so a table never runs off the right edge.
 */
import type { Painter } from './ansi.js';
import { displayWidth, padEnd, wrapHanging, wrapText } from './text-width.js';

const COLUMN_GAP = ' │ ';
const GAP_WIDTH = 3;
/** Below this many cells a column, a table is shown as one "column: value" block a row instead. */
const MIN_COLUMN_WIDTH = 6;

export interface TableView {
  caption: string;
  columns: string[];
  rows: string[][];
  note?: string;
}

/** Render a table to lines no wider than `width` cells (except where one cell cannot shrink to 1). */
export function renderTable(table: TableView, width: number, paint: Painter): string[] {
  const columnCount = Math.max(table.columns.length, ...table.rows.map((row) => row.length), 1);
  const cellAt = (row: string[], column: number) => row[column] ?? '';
  const hasHeader = table.columns.some((name) => name.trim() !== '');
  const allRows = hasHeader ? [table.columns, ...table.rows] : table.rows;

  const natural = Array.from({ length: columnCount }, (_, column) =>
    Math.max(1, ...allRows.map((row) => longestLine(cellAt(row, column)))),
  );
  const longestWord = Array.from({ length: columnCount }, (_, column) =>
    Math.max(1, ...allRows.flatMap((row) => cellAt(row, column).split(/\s+/).map(displayWidth))),
  );
  const available = width - GAP_WIDTH * (columnCount - 1);
  if (available < columnCount * MIN_COLUMN_WIDTH) return renderStacked(table, columnCount, width, paint);
  const widths = fitColumns(natural, longestWord, available);

  const wrappedRows = allRows.map((row) =>
    widths.map((columnWidth, column) => wrapText(cellAt(row, column), columnWidth)),
  );
  const multiLine = wrappedRows.some((cells) => cells.some((lines) => lines.length > 1));
  const rule = paint(widths.map((columnWidth) => '─'.repeat(columnWidth)).join('─┼─'), 'dim');

  const lines: string[] = [];
  if (table.caption.trim() !== '') lines.push(...wrapText(table.caption, width).map((line) => paint(line, 'bold')));
  wrappedRows.forEach((cells, rowIndex) => {
    const isHeader = hasHeader && rowIndex === 0;
    // Rows that span several lines need a rule between them to be told apart; otherwise only the header does.
    if (rowIndex > 0 && (multiLine || (hasHeader && rowIndex === 1))) lines.push(rule);
    const height = Math.max(...cells.map((cell) => cell.length));
    for (let lineIndex = 0; lineIndex < height; lineIndex += 1) {
      const text = cells
        .map((cell, column) => {
          const padded = padEnd(cell[lineIndex] ?? '', widths[column]!);
          return isHeader ? paint(padded, 'bold') : padded;
        })
        .join(paint(COLUMN_GAP, 'dim'));
      lines.push(text.trimEnd());
    }
  });
  if (table.note && table.note.trim() !== '') lines.push(...wrapText(table.note, width).map((line) => paint(line, 'dim')));
  return lines;
}

/** A narrow terminal: each row as "column: value" lines, rows separated by a short rule. */
function renderStacked(table: TableView, columnCount: number, width: number, paint: Painter): string[] {
  const lines: string[] = [];
  if (table.caption.trim() !== '') lines.push(...wrapText(table.caption, width).map((line) => paint(line, 'bold')));
  table.rows.forEach((row, rowIndex) => {
    if (rowIndex > 0) lines.push(paint('─'.repeat(Math.min(width, 12)), 'dim'));
    for (let column = 0; column < columnCount; column += 1) {
      const cell = (row[column] ?? '').replace(/\n/g, ' / ');
      if (cell.trim() === '') continue;
      const name = (table.columns[column] ?? '').trim();
      const prefix = name === '' ? '' : `${name}: `;
      lines.push(...wrapHanging(prefix, cell, width, '  ', (text) => paint(text, 'bold')));
    }
  });
  if (table.note && table.note.trim() !== '') lines.push(...wrapText(table.note, width).map((line) => paint(line, 'dim')));
  return lines;
}

function longestLine(cell: string): number {
  return Math.max(0, ...cell.split('\n').map(displayWidth));
}

/**
 * Share `available` cells among columns. Each column first gets room for its longest word (so words
 * are not cut), then the rest goes to columns in proportion to how much more they would use. When
 * even the longest words do not fit, columns share the room fairly (narrow ones keep their width).
 */
export function fitColumns(natural: number[], longestWord: number[], available: number): number[] {
  const total = sum(natural);
  if (total <= available) return [...natural];
  const minimum = natural.map((value, index) => Math.max(2, Math.min(value, longestWord[index] ?? 1)));
  if (sum(minimum) > available) return shareFairly(minimum, available);
  const extra = available - sum(minimum);
  const wanted = natural.map((value, index) => value - minimum[index]!);
  const wantedTotal = sum(wanted);
  const widths = minimum.map((value, index) => value + Math.floor((extra * wanted[index]!) / wantedTotal));
  // Hand out the cells lost to rounding, widest wish first.
  let left = available - sum(widths);
  for (const index of wanted.map((value, index) => ({ value, index })).sort((a, b) => b.value - a.value).map((item) => item.index)) {
    if (left <= 0) break;
    if (widths[index]! < natural[index]!) {
      widths[index]! += 1;
      left -= 1;
    }
  }
  return widths;
}

/** Water-filling: narrow columns keep their width, the others split what remains equally. */
function shareFairly(demand: number[], available: number): number[] {
  const widths = new Array<number>(demand.length).fill(2);
  const order = demand.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  let remaining = Math.max(available, demand.length);
  order.forEach(({ value, index }, position) => {
    // Two cells at least, so a CJK character always fits.
    const given = Math.max(2, Math.min(value, Math.floor(remaining / (order.length - position))));
    widths[index] = given;
    remaining -= given;
  });
  return widths;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
