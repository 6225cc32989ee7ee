import { describe, expect, it } from 'vitest';
import { citedFootnotes, cleanInline, flattenOrdinals, plainInlineMaths, toFootnoteMarkers } from '../../src/importer/markup.js';
import { repairJoinedWords } from '../../src/importer/repairs.js';

describe('inline markup', () => {
  it('writes ordinals as plain text', () => {
    expect(flattenOrdinals('the 21<sup>st</sup> century, 31<sup>ST</sup>Oct, 2<sup>nd</sup> and 3<sup>rd</sup>')).toBe('the 21st century, 31STOct, 2nd and 3rd');
  });

  it('turns numeric superscripts into footnote markers and lists them', () => {
    const text = 'self-control<sup>1</sup>. Process”<sup>2</sup>. The 10<sup>th</sup> edition.';
    expect(citedFootnotes(cleanInline(text))).toEqual([1, 2]);
    expect(toFootnoteMarkers(cleanInline(text))).toBe('self-control[^1]. Process”[^2]. The 10th edition.');
  });

  it('types inline maths as plain text', () => {
    expect(plainInlineMaths('I am confident that  $2+2=4$ .')).toBe('I am confident that 2+2=4.');
    expect(plainInlineMaths('whatsoever that  $2+2=4$ , because')).toBe('whatsoever that 2+2=4, because');
  });

  it('repairs only the listed joined words', () => {
    expect(repairJoinedWords('the East China Sea island disputewith Japan; MengXiangqing; McNamara')).toBe('the East China Sea island dispute with Japan; Meng Xiangqing; McNamara');
  });
});
