/**
 * The document's three tables as data: Markdown pipes and the converter's HTML (`<br>`, `<ul>`)
 * turned into cells of plain lines. Each table has its own shape in the PDF, so each has a small
 * shaping rule here; the cell texts themselves are never edited.
 */
import type { Table } from '../core/entry.js';
import { ImportError } from './errors.js';
import type { FlowTable } from './flow.js';

/** One Markdown table line → its cells, trimmed, HTML turned into lines. */
export function tableCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map(cellText);
}

/** A cell's HTML (`<br>`, `<ul><li>`) as plain lines joined with "\n". */
export function cellText(cell: string): string {
  const items = [...cell.matchAll(/<li>(.*?)<\/li>/g)].map((match) => (match[1] ?? '').trim());
  const text = items.length > 0 ? items.join('\n') : cell.replace(/<br\s*\/?>/g, '\n');
  const lines = text.split('\n').map((part) => part.replace(/\s+/g, ' ').trim()).filter((part) => part !== '');
  const joined = lines.join('\n');
  if (/<\/?[a-z]/i.test(joined)) throw new ImportError(`unexpected HTML left in table cell: ${joined}`);
  return joined;
}

const SEPARATOR = /^\|?[\s|:-]+\|?$/;

/** The rows of one table part, with separator lines dropped. */
function partRows(lines: readonly string[]): string[][] {
  return lines.filter((line) => !SEPARATOR.test(line.trim())).map(tableCells);
}

/** Joins a row that a page break cut off into the row above it, cell by cell. */
function continueRow(above: string[], continuation: readonly string[]): void {
  continuation.forEach((cell, index) => {
    if (cell === '') return;
    const previous = above[index] ?? '';
    // A sentence cut mid-way ("…resting on dispositional" / "considerations …") goes on with a
    // space; a further item in a list cell (another rendering) goes on a new line.
    above[index] = previous === '' ? cell : /[a-z,]$/.test(previous) && /^[a-z]/.test(cell) ? `${previous} ${cell}` : `${previous}\n${cell}`;
  });
}

/**
 * A table with one header row, possibly cut by a page break: a continuation part repeats an empty
 * header, and a row with an empty key column continues the row above (the 5A appendix).
 */
export function simpleTable(source: FlowTable, keyColumn: number): { columns: string[]; rows: string[][] } {
  const [first, ...rest] = source.parts;
  const [header, ...rows] = partRows(first ?? []);
  if (!header) throw new ImportError(`line ${source.line}: empty table`);
  for (const part of rest) {
    for (const row of partRows(part)) {
      if (row.every((cell) => cell === '')) continue;
      const above = rows.at(-1);
      if (row[keyColumn] === '' && above) continueRow(above, row);
      else rows.push(row);
    }
  }
  return { columns: header, rows };
}

/**
 * A table whose first header cell names the row key and whose second spans the other columns
 * (5B: "Perceiver" | "Perceived threat(s): ● Serious, ◎ Moderate, ○ Low"), the column names
 * following in the first body row. The spanning header, with its legend, becomes the note.
 */
export function spannedHeaderTable(source: FlowTable): { columns: string[]; rows: string[][]; note: string } {
  const rows = source.parts.flatMap(partRows);
  const [header, subHeader, ...body] = rows;
  if (!header || !subHeader || subHeader[0] !== '') throw new ImportError(`line ${source.line}: table does not have a spanning header`);
  const note = header.slice(1).filter((cell) => cell !== '').join(' ');
  return { columns: [header[0] ?? '', ...subHeader.slice(1)], rows: body, note };
}

/**
 * A two-by-two matrix printed as a grid (6: Leadership across, Integration down): rows become
 * the down-axis values, columns "<across>: <value>".
 */
export function matrixTable(source: FlowTable): { columns: string[]; rows: string[][] } {
  const rows = source.parts.flatMap(partRows).filter((row) => row.some((cell) => cell !== ''));
  const acrossRow = rows.findIndex((row) => row.filter((cell) => cell !== '').length === 1);
  const across = rows[acrossRow]?.find((cell) => cell !== '');
  const values = rows[acrossRow + 1];
  const body = rows.slice(acrossRow + 2);
  const downName = body.map((row) => row[0] ?? '').find((cell) => cell !== '');
  if (across === undefined || !values || downName === undefined || body.length === 0) {
    throw new ImportError(`line ${source.line}: table is not a two-way matrix`);
  }
  const valueColumns = values.map((cell, index) => ({ cell, index })).filter(({ cell }) => cell !== '');
  return {
    columns: [downName, ...valueColumns.map(({ cell }) => `${across}: ${cell}`)],
    rows: body.map((row) => [row.at(-1) ?? '', ...valueColumns.map(({ index }) => row[index] ?? '')]),
  };
}

/** How each table of the document is shaped, found by its caption. */
export interface TableRule {
  id: string;
  caption: RegExp;
  shape: (source: FlowTable) => Omit<Table, 'id' | 'caption' | 'section'>;
}

/** The shaping rules of the document's three tables. */
export const TABLE_RULES: readonly TableRule[] = [
  { id: 'candidate-translations', caption: /^Appendix: Candidate translations/, shape: (source) => simpleTable(source, 1) },
  { id: 'sample-articulated-perceived-threats', caption: /^Table 1: Sample articulated perceived threats/, shape: spannedHeaderTable },
  { id: 'security-orders', caption: /^Table 1: Security Orders/, shape: matrixTable },
];

/** The table as entry data; `section` is the id of the section it sits in. */
export function shapeTable(source: FlowTable, section: string): Table {
  const caption = source.caption;
  if (caption === undefined) throw new ImportError(`line ${source.line}: table without a caption`);
  const rule = TABLE_RULES.find((candidate) => candidate.caption.test(caption));
  if (!rule) throw new ImportError(`line ${source.line}: no shaping rule for table "${caption}"`);
  const shaped = rule.shape(source);
  for (const row of shaped.rows) {
    if (row.length !== shaped.columns.length) throw new ImportError(`table "${caption}": a row has ${row.length} cells for ${shaped.columns.length} columns`);
  }
  return { id: rule.id, caption, section, ...shaped };
}
