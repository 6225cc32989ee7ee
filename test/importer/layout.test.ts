import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/importer/blocks.js';
import { ImportError } from '../../src/importer/errors.js';
import { headingText, layoutItems } from '../../src/importer/layout.js';

const layout = (text: string) => layoutItems(readBlocks(text));

describe('readBlocks', () => {
  it('counts the blank lines before each block (two or more mean a page break)', () => {
    const blocks = readBlocks('one\n\ntwo\nthree\n\n\n\nfour');
    expect(blocks.map((block) => [block.lines, block.blanksBefore, block.line])).toEqual([
      [['one'], 0, 1],
      [['two', 'three'], 1, 3],
      [['four'], 3, 8],
    ]);
  });
});

describe('layoutItems', () => {
  it('recognises footnotes by their expected number and the rule above them', () => {
    const items = layout('Text cut in the\n\n---\n\n<sup>1</sup> A source.\n\n<sup>2</sup>Another.\n\n\n\nmiddle of a sentence.');
    expect(items.map((item) => item.kind)).toEqual(['paragraph', 'break', 'footnote', 'footnote', 'break', 'paragraph']);
    expect(items[3]).toMatchObject({ number: 2, lines: ['Another.'] });
  });

  it('fails when the footnotes are out of sequence', () => {
    expect(() => layout('<sup>2</sup> A source.')).toThrow(ImportError);
  });

  it('keeps a footnote\'s URL line with the footnote, and running text after it in the body', () => {
    const text = ['<sup>1</sup> A report,', '', '<http://example.org/report>', '', 'Running text again.', '', '', '', 'Body.'].join('\n');
    const items = layout(text);
    const footnote = items.find((item) => item.kind === 'footnote');
    expect(footnote).toMatchObject({ lines: ['A report,', '<http://example.org/report>'] });
    expect(items.filter((item) => item.kind === 'paragraph').map((item) => item.kind === 'paragraph' && item.text)).toEqual(['Running text again.', 'Body.']);
  });

  it('joins a footnote continued right after the next page\'s rule into its last line', () => {
    const items = layout('<sup>1</sup> Each has comparative\n\n\n\nBody text\n\n---\n\nadvantages and disadvantages.\n\n\n\nmore body.');
    expect(items.find((item) => item.kind === 'footnote')).toMatchObject({ lines: ['Each has comparative advantages and disadvantages.'] });
  });

  it('treats a bold-only line as a heading, unless it captions a table', () => {
    const items = layout('**5B. Empathy, Part II, prepared by David Welch**\n\n**Table 1: Sample**\n\n**Regarding equilibrium**, text.');
    expect(items.map((item) => item.kind)).toEqual(['heading', 'paragraph', 'paragraph']);
    expect(headingText('## **Phase 1: Clarify the Legal Principles**')).toBe('Phase 1: Clarify the Legal Principles');
  });

  it('drops the labels of figures the conversion did not keep', () => {
    expect(layout('explains (for\n\n\n\nFigure 2\n\nexample) why').map((item) => item.kind)).toEqual(['paragraph', 'break', 'break', 'paragraph']);
  });

  it('splits a block\'s hard-broken lines into paragraphs', () => {
    const items = layout('I am confident that A.  \nI am confident that B.');
    expect(items).toMatchObject([{ text: 'I am confident that A.' }, { text: 'I am confident that B.' }]);
  });
});
