import { describe, expect, it } from 'vitest';
import { readBlocks } from '../../src/importer/blocks.js';
import { endsMidSentence, joinHalves, restoreFlow } from '../../src/importer/flow.js';
import { layoutItems } from '../../src/importer/layout.js';

const flow = (text: string) => restoreFlow(layoutItems(readBlocks(text)));

describe('restoreFlow', () => {
  it('joins a paragraph cut by a page break and a footnote block', () => {
    const result = flow('referred to it as what he\n\n---\n\n<sup>1</sup> Collins.\n\n\n\ncalls “civilizing process”<sup>2</sup>.\n\n<sup>2</sup> Elias.');
    expect(result.items).toEqual([{ kind: 'paragraph', text: 'referred to it as what he calls “civilizing process”<sup>2</sup>.', line: 1 }]);
    expect(result.footnotes.map((footnote) => footnote.number)).toEqual([1, 2]);
    expect(result.joins).toHaveLength(1);
  });

  it('does not join a paragraph that ended its sentence before the break', () => {
    const result = flow('Japanese culture was ascendant.\n\n\n\nbe at the outset, but');
    expect(result.items).toHaveLength(2);
  });

  it('does not join across a heading or without a break', () => {
    expect(flow('ends without stop\n\n## Heading\n\ncontinues').items).toHaveLength(3);
    expect(flow('ends without stop\n\nnext paragraph').items).toHaveLength(2);
  });

  it('puts a table cut by a page break back together and takes its caption', () => {
    const result = flow('Appendix: Candidate translations\n\n| A | B |\n|--|--|\n| x | y |\n\n<sup>1</sup> Note.\n\n\n\n|  |  |\n|--|--|\n| | z |');
    expect(result.items).toEqual([{ kind: 'table', parts: [['| A | B |', '|--|--|', '| x | y |'], ['|  |  |', '|--|--|', '| | z |']], caption: 'Appendix: Candidate translations', line: 3 }]);
  });

  it('takes a bold caption printed under its table', () => {
    const result = flow('| A |\n|--|\n| x |\n\n**Table 1: Sample**\n\nText.');
    expect(result.items[0]).toMatchObject({ kind: 'table', caption: 'Table 1: Sample' });
    expect(result.items[1]).toMatchObject({ kind: 'paragraph', text: 'Text.' });
  });
});

describe('endsMidSentence / joinHalves', () => {
  it('tells a cut paragraph from a finished one', () => {
    expect(endsMidSentence('the key genetic material of what he')).toBe(true);
    expect(endsMidSentence('dividing the South China Sea,')).toBe(true);
    expect(endsMidSentence('as “the ultimate')).toBe(true);
    expect(endsMidSentence('a lack of trust.')).toBe(false);
    expect(endsMidSentence('relationships<sup>39</sup>')).toBe(false);
    expect(endsMidSentence('friendship.”')).toBe(false);
  });

  it('keeps the hyphen of a word cut at a line end and joins other halves with a space', () => {
    expect(joinHalves('a new path for major-', 'power relations.')).toBe('a new path for major-power relations.');
    expect(joinHalves('what he', 'calls')).toBe('what he calls');
  });
});
