import { describe, expect, it } from 'vitest';
import type { ReplyDraft } from '../../src/core/command.js';
import { blocksOf, citationsOf, text, type Block, type Citation } from '../../src/core/reply.js';
import { partsOf } from '../commands/helpers.js';
import { FIRST_DEFINITION_PAGE_BUDGET, PAGE_TEXT_BUDGET, PAGE_TOTAL_BUDGET, paginate, pieceSpans, sentenceSpans } from '../../src/core/paginate.js';
import { renderedMarkers, superscript } from '../../src/core/render-text.js';

function draft(parts: Block[], citations: Citation[] = []): ReplyDraft {
  return {
    kind: 'definition',
    title: 'Reassurance',
    subtitle: 'Zhang Linting · II.2 Reassurance',
    entryId: 'reassurance',
    blocks: [...parts, ...(citations.length > 0 ? [{ kind: 'citations' as const, citations }] : []), { kind: 'facts', facts: [{ label: 'Author', value: 'Zhang Linting' }] }],
    notice: 'caveat',
    actions: [],
    request: { command: 'define', options: { term: 'reassurance' } },
  };
}

function sentences(count: number, tag: string): string {
  return Array.from({ length: count }, (_, i) => `Sentence ${tag}-${i + 1} explains how states reassure one another at sea.`).join(' ');
}

function textCost(parts: ReturnType<typeof partsOf>): number {
  return parts.reduce((sum, part) => sum + (part.kind === 'quote' || part.kind === 'text' || part.kind === 'heading' ? part.text.length : 0), 0);
}

function citation(number: number, length = 80): Citation {
  return { number, text: `Footnote ${number} `.padEnd(length, 'x'), urls: [], entryId: 'reassurance' };
}

describe('paginate', () => {
  it('keeps a definition’s first page to a quick lookup, and fills later pages and other kinds to the full budget', () => {
    const paragraphs: Block[] = Array.from({ length: 8 }, (_, i) => ({ kind: 'quote', text: sentences(6, `p${i}`) }));
    const pages = paginate(draft(paragraphs));
    expect(textCost(partsOf(pages[0]!))).toBeLessThanOrEqual(FIRST_DEFINITION_PAGE_BUDGET);
    expect(textCost(partsOf(pages[1]!))).toBeGreaterThan(FIRST_DEFINITION_PAGE_BUDGET);
    const search = paginate({ ...draft(paragraphs), kind: 'search' });
    expect(textCost(partsOf(search[0]!))).toBeGreaterThan(FIRST_DEFINITION_PAGE_BUDGET);
    expect(pages.flatMap((page) => partsOf(page))).toEqual(paragraphs);
  });

  it('leaves a short reply as one page, unchanged', () => {
    const short = draft([{ kind: 'quote', text: 'Reassurance reduces fear.' }]);
    expect(paginate(short)).toEqual([short]);
  });

  it('keeps every page of a long reply under the text budget, with title, subtitle and fields on each', () => {
    const parts: Block[] = Array.from({ length: 8 }, (_, i): Block => ({ kind: 'quote', text: sentences(12, `p${i}`) }));
    const pages = paginate(draft(parts));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(textCost(partsOf(page))).toBeLessThanOrEqual(PAGE_TEXT_BUDGET);
      expect(page.title).toBe('Reassurance');
      expect(page.subtitle).toBe('Zhang Linting · II.2 Reassurance');
      expect(blocksOf(page, 'facts')).toEqual([{ kind: 'facts', facts: [{ label: 'Author', value: 'Zhang Linting' }] }]);
    }
    // Nothing lost, nothing repeated, order kept: paragraphs that fit a page stay whole.
    expect(pages.flatMap((page) => partsOf(page))).toEqual(parts);
  });

  it('splits a paragraph longer than a page between sentences, each piece a verbatim span', () => {
    const long = sentences(120, 'long');
    const pages = paginate(draft([{ kind: 'quote', text: long, highlights: [[0, 8], [long.length - 4, long.length]] }]));
    expect(pages.length).toBeGreaterThan(2);
    const pieces = pages.flatMap((page) => partsOf(page));
    expect(pieces.length).toBe(pages.length);
    for (const piece of pieces) {
      if (piece.kind !== 'quote') throw new Error('expected a quote');
      expect(long).toContain(piece.text);
      expect(piece.text).toMatch(/^Sentence long-\d+ .*sea\.$/);
      expect(piece.text.length).toBeLessThanOrEqual(PAGE_TEXT_BUDGET);
    }
    expect(pieces.map((piece) => (piece.kind === 'quote' ? piece.text : '')).join(' ')).toBe(long);
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    expect(first?.kind === 'quote' && first.highlights).toEqual([[0, 8]]);
    expect(last?.kind === 'quote' && last.highlights?.length).toBe(1);
  });

  it('gives each page exactly the citations whose markers appear on it', () => {
    const parts: Block[] = Array.from({ length: 6 }, (_, i): Block => ({
      kind: 'quote',
      text: `${sentences(14, `c${i}`)} Marked here.${superscript(10 + i)}`,
    }));
    const citations = Array.from({ length: 6 }, (_, i) => citation(10 + i));
    const pages = paginate(draft(parts, citations));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      const markers = partsOf(page).flatMap((part) => (part.kind === 'quote' ? renderedMarkers(part.text) : []));
      expect(citationsOf(page).map((c) => c.number).sort()).toEqual(markers.sort());
    }
    expect(pages.flatMap((page) => citationsOf(page))).toEqual(citations);
  });

  it('counts the footnotes a page cites against the total budget', () => {
    const parts: Block[] = Array.from({ length: 4 }, (_, i): Block => ({ kind: 'quote', text: `Short paragraph ${i}.${superscript(i + 1)}` }));
    const citations = parts.map((_, i) => citation(i + 1, 3000));
    const pages = paginate(draft(parts, citations));
    for (const page of pages) {
      const total = textCost(partsOf(page)) + citationsOf(page).reduce((sum, c) => sum + c.text.length, 0);
      expect(total).toBeLessThanOrEqual(PAGE_TOTAL_BUDGET);
    }
    expect(pages.length).toBe(4);
  });

  it('spreads citations no marker refers to (a footnote list) over pages like text', () => {
    const citations = Array.from({ length: 20 }, (_, i) => citation(i + 1, 600));
    const pages = paginate(draft([text('How to cite this piece.')], citations));
    expect(pages.length).toBeGreaterThan(3);
    expect(pages.flatMap((page) => citationsOf(page))).toEqual(citations);
    for (const page of pages) expect(citationsOf(page).reduce((sum, c) => sum + c.text.length, 0)).toBeLessThanOrEqual(PAGE_TEXT_BUDGET);
    expect(partsOf(pages[0]!)).toEqual([{ kind: 'text', text: 'How to cite this piece.' }]);
  });

  it('never leaves a heading last on a page', () => {
    const parts: Block[] = [];
    for (let i = 0; i < 6; i++) {
      parts.push({ kind: 'heading', text: `Heading ${i}` });
      parts.push({ kind: 'quote', text: sentences(11, `h${i}`) });
    }
    const pages = paginate(draft(parts));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(partsOf(page)[partsOf(page).length - 1]?.kind).not.toBe('heading');
  });

  it('never ends a page on a paragraph that leads into the next (a colon, or mid-sentence)', () => {
    const parts: Block[] = [];
    for (let i = 0; i < 6; i++) {
      parts.push({ kind: 'quote', text: `${sentences(4, `a${i}`)} In her article President Park stressed:` });
      parts.push({ kind: 'quote', text: `“${sentences(5, `q${i}`)}”` });
      parts.push({ kind: 'quote', text: `${sentences(3, `b${i}`)} He Yafei reinforced this when he stated that` });
      parts.push({ kind: 'quote', text: `“${sentences(4, `r${i}`)}”` });
    }
    const pages = paginate(draft(parts));
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(0, -1)) {
      const last = partsOf(page)[partsOf(page).length - 1];
      expect(last?.kind === 'quote' ? last.text : '').not.toMatch(/(stressed:|stated that)$/);
    }
    expect(pages.flatMap((page) => partsOf(page))).toEqual(parts);
  });

  it('splits a table too long for a page by rows, keeping caption and columns', () => {
    const rows = Array.from({ length: 60 }, (_, i) => [`Row ${i}`, 'x'.repeat(80)]);
    const pages = paginate(draft([{ kind: 'table', caption: 'Security orders', columns: ['Order', 'Features'], rows }]));
    expect(pages.length).toBeGreaterThan(1);
    const tables = pages.flatMap((page) => partsOf(page));
    for (const table of tables) {
      if (table.kind !== 'table') throw new Error('expected a table');
      expect(table.caption).toBe('Security orders');
      expect(table.columns).toEqual(['Order', 'Features']);
    }
    expect(tables.flatMap((table) => (table.kind === 'table' ? table.rows : []))).toEqual(rows);
  });
});

describe('sentence boundaries', () => {
  it('does not split after initials, U.S. or e.g.', () => {
    const text = 'David A. Welch wrote it. The U.S. and Canada, e.g. in 1988, agreed. Trust is “a belief.” Then more?';
    const spans = sentenceSpans(text).map(([s, e]) => text.slice(s, e));
    expect(spans).toEqual(['David A. Welch wrote it.', 'The U.S. and Canada, e.g. in 1988, agreed.', 'Trust is “a belief.”', 'Then more?']);
  });

  it('keeps a footnote marker with the sentence it ends', () => {
    const text = `Trust is a belief.${superscript(24)} A second view differs.`;
    expect(sentenceSpans(text).map(([s, e]) => text.slice(s, e))).toEqual([`Trust is a belief.${superscript(24)}`, 'A second view differs.']);
  });

  it('cuts a sentence longer than the budget at a space', () => {
    const text = 'word '.repeat(100).trim();
    const spans = pieceSpans(text, 120);
    for (const [s, e] of spans) {
      expect(e - s).toBeLessThanOrEqual(120);
      expect(text.slice(s, e)).toMatch(/^word( word)*$/);
    }
  });
});
