/**
 * Whole-document faithfulness of the committed entries: every word of the document's running
 * text and footnotes, read back from entries/*.md, against the converted document itself.
 *
 * The document is read here with a deliberately simple oracle (blocks, what each block is), not
 * with the importer's code, so a fault in the importer cannot hide itself: a lost, duplicated,
 * moved or changed word, two paragraphs glued, a paragraph split, a footnote cut short or grown.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Entry } from '../../src/core/entry.js';
import { loadEntries } from '../../src/core/load-entries.js';
import { JOINED_WORD_REPAIRS } from '../../src/importer/repairs.js';

const DOCUMENT = 'entries/source/cooperative-security-2.0.md';

/**
 * The five footnotes the PDF continues in a later block, found by reading the document: the
 * block's opening and how it goes on (70 is cut mid-sentence by a page break; the others go on
 * with a further line: a URL or a second source).
 */
const CONTINUED_FOOTNOTES: ReadonlyMap<number, { opening: string; join: ' ' | '\n' }> = new Map([
  [70, { opening: 'advantages and disadvantages as sources of insight;', join: ' ' }],
  [78, { opening: '[http://www.brookings.edu/~media/Files/events/2012/0131', join: '\n' }],
  [89, { opening: '[http://news.xinhuanet.com/2013-03/25/', join: '\n' }],
  [122, { opening: 'Forrestal Lecture at the Naval Academy', join: '\n' }],
  [131, { opening: '<http://www.chinausfocus.com/foreign-policy/a-new-great-power-relationship/>', join: '\n' }],
]);

/**
 * The one place where the converted document itself lost text: the paragraph before the 5B
 * table ends "…Japanese culture was ascendant." and the words after the table begin mid-sentence
 * ("be at the outset, …"). Nothing in the document restores them, so the entry keeps the
 * fragment as printed.
 */
const LOST_IN_CONVERSION = 'be at the outset,';

type BlockKind = 'footnote' | 'continuation' | 'rule' | 'heading' | 'caption' | 'table' | 'figure' | 'text';

interface SourceBlock {
  kind: BlockKind;
  lines: string[];
  /** Two or more blank lines before the block: the converter's mark of a new PDF page. */
  pageBreakBefore: boolean;
  /** The footnote a definition or continuation block belongs to. */
  footnote?: number;
}

let entries: Entry[];
let blocks: SourceBlock[];
let closingPage: string;

/** The document between the overview heading and Jiang Wenran's closing page, as blocks. */
function readSource(text: string): { blocks: SourceBlock[]; closingPage: string } {
  const lines = text.split('\n');
  const start = lines.findLastIndex((line) => /^#{1,6}\s+\**I\.\s/.test(line));
  const end = lines.findIndex((line) => line.startsWith('Prepared by Professor'));
  const found: SourceBlock[] = [];
  let blanks = 0;
  let current: SourceBlock | undefined;
  for (const line of lines.slice(start, end)) {
    if (line.trim() === '') {
      blanks++;
      current = undefined;
      continue;
    }
    if (!current) {
      current = { kind: 'text', lines: [], pageBreakBefore: blanks >= 2 };
      found.push(current);
      blanks = 0;
    }
    current.lines.push(line.trim());
  }
  for (const block of found) classify(block);
  return { blocks: found, closingPage: lines.slice(end).join('\n') };
}

function classify(block: SourceBlock): void {
  const first = block.lines[0] ?? '';
  const definition = /^<sup>(\d+)<\/sup>/.exec(first);
  const continued = [...CONTINUED_FOOTNOTES].find(([, { opening }]) => first.startsWith(opening));
  if (definition) {
    block.kind = 'footnote';
    block.footnote = Number(definition[1]);
  } else if (continued) {
    block.kind = 'continuation';
    block.footnote = continued[0];
  } else if (/^-{3,}$/.test(first)) block.kind = 'rule';
  else if (/^(?:\*\*)?(?:Table \d+|Appendix):/.test(first)) block.kind = 'caption';
  else if (/^#{1,6}\s/.test(first) || /^\*\*[^*].*\*\*$/.test(first)) block.kind = 'heading';
  else if (first.startsWith('|')) block.kind = 'table';
  else if (/^Figure \d+$/.test(first)) block.kind = 'figure';
}

/** Source text as the entries write it: ordinals flat, markers [^N], maths as text, listed repairs. */
function asEntryText(text: string): string {
  let out = text
    .replace(/(\d)\s*<sup>([A-Za-z]{2})<\/sup>/g, '$1$2')
    .replace(/<sup>(\d+)<\/sup>/g, '[^$1]')
    .replace(/\$([^$\n]+)\$/g, '$1');
  for (const [joined, repaired] of JOINED_WORD_REPAIRS) out = out.split(joined).join(repaired);
  return out;
}

/** Words for comparison; a space before punctuation is not a word of its own. */
function words(text: string): string[] {
  return text.replace(/\s+([.,;:!?])/g, '$1').split(/\s+/).filter((word) => word !== '');
}

/** Words of a sequence of paragraphs, and the word index at which each paragraph starts. */
function wordStream(paragraphs: readonly string[]): { words: string[]; starts: number[] } {
  const all: string[] = [];
  const starts: number[] = [];
  for (const paragraph of paragraphs) {
    starts.push(all.length);
    all.push(...words(paragraph));
  }
  return { words: all, starts };
}

/** "" when equal, otherwise where the two word sequences first part, with context. */
function firstDifference(expected: readonly string[], actual: readonly string[]): string {
  const length = Math.max(expected.length, actual.length);
  for (let i = 0; i < length; i++) {
    if (expected[i] !== actual[i]) {
      const around = (list: readonly string[]) => list.slice(Math.max(0, i - 12), i + 12).join(' ');
      return `word ${i}:\n  document: …${around(expected)}…\n  entries:  …${around(actual)}…`;
    }
  }
  return '';
}

/** A printed line of running text, and whether anything but a line break separates it from the previous one. */
interface SourceLine {
  text: string;
  /** A page break, footnotes, a rule, a figure label or a table stands between it and the line before. */
  interrupted: boolean;
  /** A heading stands between it and the line before. */
  afterHeading: boolean;
}

function runningLines(source: readonly SourceBlock[]): SourceLine[] {
  const out: SourceLine[] = [];
  let interrupted = false;
  let afterHeading = false;
  for (const block of source) {
    if (block.pageBreakBefore) interrupted = true;
    if (block.kind === 'heading') {
      afterHeading = true;
      continue;
    }
    if (block.kind !== 'text') {
      interrupted = true;
      continue;
    }
    block.lines.forEach((line, index) => {
      const previous = out.at(-1);
      // A compound cut at its hyphen by a page break ("major-" / "power") is one word.
      if (index === 0 && interrupted && !afterHeading && previous && /\w-$/.test(previous.text)) {
        previous.text += asEntryText(line);
        return;
      }
      out.push({ text: asEntryText(line), interrupted: index === 0 && interrupted, afterHeading: index === 0 && afterHeading });
    });
    interrupted = false;
    afterHeading = false;
  }
  return out;
}

function entryParagraphs(): string[] {
  return entries.flatMap((entry) => entry.sections.flatMap((section) => section.paragraphs));
}

beforeAll(async () => {
  entries = await loadEntries('entries');
  ({ blocks, closingPage } = readSource(await readFile(DOCUMENT, 'utf8')));
});

describe('running text, word for word', () => {
  it('brings every word of the running text into the entries once, in document order, and nothing else', () => {
    const expected = wordStream(runningLines(blocks).map((line) => line.text)).words;
    const actual = wordStream(entryParagraphs()).words;
    expect(firstDifference(expected, actual)).toBe('');
  });

  it('splits no printed line into two paragraphs and glues no two paragraphs of one page', () => {
    const lines = runningLines(blocks);
    const source = wordStream(lines.map((line) => line.text));
    const target = wordStream(entryParagraphs());
    const targetStarts = new Set(target.starts);
    const sourceStarts = new Set(source.starts);
    const context = (index: number) => source.words.slice(Math.max(0, index - 6), index + 6).join(' ');

    for (const start of target.starts) expect(sourceStarts.has(start), `paragraph split inside a line: …${context(start)}…`).toBe(true);
    lines.forEach((line, index) => {
      const start = source.starts[index] ?? 0;
      if (!line.interrupted || line.afterHeading) {
        expect(targetStarts.has(start), `two paragraphs glued: …${context(start)}…`).toBe(true);
      }
    });
  });

  it('joins across a page break only a sentence the break cut, and leaves none cut', () => {
    const lines = runningLines(blocks);
    const source = wordStream(lines.map((line) => line.text));
    const targetStarts = new Set(wordStream(entryParagraphs()).starts);
    lines.forEach((line, index) => {
      if (!line.interrupted || line.afterHeading || index === 0) return;
      const start = source.starts[index] ?? 0;
      const before = source.words[start - 1] ?? '';
      const after = source.words[start] ?? '';
      const context = `…${source.words.slice(start - 6, start).join(' ')} ‖ ${source.words.slice(start, start + 6).join(' ')}…`;
      if (targetStarts.has(start)) {
        const cut = /^[a-z]/.test(after) && source.words.slice(start, start + 4).join(' ') !== LOST_IN_CONVERSION;
        expect(cut, `sentence left cut at a page break: ${context}`).toBe(false);
      } else {
        expect(/(?:[.!?]["”’)]*|\[\^\d+\])$/.test(before), `finished paragraph glued to the next page: ${context}`).toBe(false);
      }
    });
  });

  it('keeps the headings inside each piece as its sections, verbatim and in order', () => {
    const headings = blocks
      .filter((block) => block.kind === 'heading')
      .map((block) => (block.lines[0] ?? '').replace(/^#+\s*/, '').replace(/^\*\*(.+)\*\*$/, '$1').trim())
      .filter((heading) => !/^(?:I|II|III|\d+[A-Z]?)\.\s/.test(heading));
    const sections = entries.flatMap((entry) => entry.sections.flatMap((section) => (section.heading === null ? [] : [section.heading])));
    expect(sections).toEqual(headings);
  });
});

describe('footnotes, word for word', () => {
  it('gives every footnote its printed text exactly, continuation lines included', () => {
    const printed = new Map<number, string>();
    for (const block of blocks) {
      if (block.footnote === undefined) continue;
      const lines = block.lines.map((line) => asEntryText(line.replace(/^<sup>\d+<\/sup>\s*/, '')).trim());
      const before = printed.get(block.footnote);
      if (block.kind === 'footnote') {
        expect(before, `footnote ${block.footnote} printed twice`).toBeUndefined();
        printed.set(block.footnote, lines.join('\n'));
      } else {
        expect(before, `continuation of footnote ${block.footnote} before its definition`).toBeDefined();
        printed.set(block.footnote, `${before ?? ''}${CONTINUED_FOOTNOTES.get(block.footnote)?.join ?? '\n'}${lines.join('\n')}`);
      }
    }
    const stored = new Map(entries.flatMap((entry) => entry.footnotes.map((note) => [note.number, note.text] as const)));
    expect([...stored.keys()].sort((a, b) => a - b)).toEqual([...printed.keys()].sort((a, b) => a - b));
    for (const [number, text] of printed) expect(stored.get(number), `footnote ${number}`).toBe(text);
  });
});

describe('tables, cell for cell', () => {
  /** Every cell line the document's tables print: pipes split, HTML (`<br>`, `<li>`) as line breaks. */
  function printedCells(): string[] {
    return blocks
      .filter((block) => block.kind === 'table')
      .flatMap((block) => block.lines)
      .flatMap((line) => line.split('|'))
      .flatMap((cell) => cell.replace(/<[^>]+>/g, '\n').split('\n'))
      .map((cell) => cell.replace(/\s+/g, ' ').trim())
      .filter((cell) => cell !== '' && !/^[-:]+$/.test(cell));
  }

  it('prints no cell line the document does not, except a cell a page break cut, joined whole', () => {
    const printed = printedCells();
    for (const table of entries.flatMap((entry) => entry.tables)) {
      for (const line of table.rows.flat().flatMap((cell) => cell.split('\n')).filter((part) => part !== '')) {
        const whole = printed.includes(line);
        const halves = printed.some((head) => line.startsWith(`${head} `) && printed.includes(line.slice(head.length + 1)));
        expect(whole || halves, `${table.id}: ${line}`).toBe(true);
      }
    }
  });

  it('loses no cell of the document\'s tables', () => {
    const kept = entries
      .flatMap((entry) => entry.tables)
      .map((table) => [table.caption, ...table.columns, ...table.rows.flat(), table.note ?? ''].join('\n'))
      .join('\n')
      .replace(/\s+/g, ' ');
    for (const cell of printedCells()) expect(kept, cell).toContain(cell);
  });
});

describe('translations, as the document records them', () => {
  it('takes every rendering and romanization from the place its provenance names', () => {
    const appendix = blocks.filter((block) => block.kind === 'table').flatMap((block) => block.lines).join('\n');
    const footnotes = new Map(entries.flatMap((entry) => entry.footnotes.map((note) => [note.number, note.text] as const)));
    for (const entry of entries) {
      for (const translation of entry.translations) {
        const place =
          translation.source.footnote !== undefined
            ? footnotes.get(translation.source.footnote) ?? ''
            : translation.source.by === 'Jiang Wenran'
              ? closingPage
              : appendix;
        const spelled = [translation.text, translation.romanization].filter((part): part is string => part !== undefined);
        for (const part of spelled) expect(place, `${entry.id}: ${translation.concept} ${part}`).toContain(part);
        if (translation.text !== undefined && translation.romanization !== undefined) {
          // Printed together: "信心 (XinXin)", "確信(Kakushin)".
          expect(place, `${entry.id}: ${translation.text} with ${translation.romanization}`).toMatch(
            new RegExp(`${translation.text}\\s*\\(${translation.romanization}\\)`),
          );
        }
      }
    }
  });

  it('keeps every gloss as the closing page prints it', () => {
    // The closing page breaks one gloss over two lines ("anquan:" / "security") and its
    // conversion writes the hyphen of "co-existence" as "---".
    const page = closingPage.replace(/\s+/g, ' ').replace(/-{3}/g, '-');
    for (const translation of entries.flatMap((entry) => entry.translations)) {
      for (const gloss of translation.glosses ?? []) expect(page).toMatch(new RegExp(`${gloss.word} ?: ${gloss.meaning}`));
    }
  });
});

describe('curated names, as the document spells them', () => {
  let documentText: string;
  beforeAll(async () => {
    documentText = await readFile(DOCUMENT, 'utf8');
  });

  it('gives each piece a title its heading or the contents list prints', () => {
    const printed = documentText.split('\n').filter((line) => /^(?:#{1,6}\s|\*\*|\d+\.\s|\s+- )/.test(line)).join('\n');
    for (const entry of entries) {
      const title = entry.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      expect(printed, entry.id).toMatch(new RegExp(`(?<![\\p{L}])${title}(?![\\p{L}])`, 'u'));
    }
  });

  it('spells every author and variant as the document does, spaces the conversion dropped aside', () => {
    for (const entry of entries) {
      for (const name of [...entry.authors, ...entry.authorVariants]) {
        const pattern = name.split(' ').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*');
        expect(documentText, `${entry.id}: ${name}`).toMatch(new RegExp(`(?<![\\p{L}])${pattern}(?![\\p{L}])`, 'u'));
      }
    }
  });
});
