import { describe, expect, it } from 'vitest';
import { displayWidth, wrapText } from '../../../src/adapters/console/text-width.js';

describe('wrapText', () => {
  it('breaks at spaces within the width', () => {
    const lines = wrapText('Empathy is the capacity to see the world from another’s perspective.', 20);
    expect(lines.every((line) => displayWidth(line) <= 20)).toBe(true);
    expect(lines.join(' ')).toBe('Empathy is the capacity to see the world from another’s perspective.');
  });

  it('keeps a link longer than the line whole, so a terminal can open it', () => {
    const url = 'http://www.newyorker.com/arts/critics/atlarge/2013/05/20/130520crat_atlarge_bloom;';
    const lines = wrapText(`20 May 2013, ${url} David Welch, “The Case”`, 40);
    expect(lines).toContain(url);
    expect(lines.join(' ')).toBe(`20 May 2013, ${url} David Welch, “The Case”`);
  });

  it('still breaks a long word that is not a link, and counts CJK as two cells', () => {
    expect(wrapText('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrapText('同理心同理心', 4)).toEqual(['同理', '心同', '理心']);
  });
});
