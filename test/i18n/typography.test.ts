/**
 * Quotation marks, title marks, lists, numbers and terminal widths as each language writes them.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/i18n/translator.js';
import { displayWidth } from '../../src/i18n/typography.js';

describe('typography per locale', () => {
  it('quotes with each language’s marks, nested quotes with the inner pair', () => {
    const quoted = (['en', 'zh-CN', 'zh-TW', 'ja', 'ko'] as const).map((locale) => createTranslator(locale).quote('trust'));
    expect(quoted).toEqual(['“trust”', '“trust”', '「trust」', '「trust」', '“trust”']);
    expect(createTranslator('ja').quote('信賴', true)).toBe('『信賴』');
    expect(createTranslator('zh-CN').quote('信任', true)).toBe('‘信任’');
  });

  it('marks the title of a work as each language does', () => {
    const titled = (['en', 'zh-CN', 'zh-TW', 'ja', 'ko'] as const).map((locale) => createTranslator(locale).workTitle('Cooperative Security 2.0'));
    expect(titled).toEqual([
      '“Cooperative Security 2.0”',
      '《Cooperative Security 2.0》',
      '《Cooperative Security 2.0》',
      '『Cooperative Security 2.0』',
      '《Cooperative Security 2.0》',
    ]);
  });

  it('joins lists with the locale’s separators (Intl.ListFormat)', () => {
    const items = ['信心', '信任', '同理心'];
    expect(createTranslator('en').list(['confidence', 'trust', 'empathy'])).toBe('confidence, trust, and empathy');
    expect(createTranslator('zh-CN').list(items)).toBe('信心、信任和同理心');
    expect(createTranslator('ja').list(['自信', '信賴', '共感'])).toBe('自信、信賴、共感');
    expect(createTranslator('ko').list(['자신', '신임', '공감'])).toBe('자신, 신임 및 공감');
    expect(createTranslator('zh-TW').list(['en', 'ja', 'ko'], 'disjunction')).toBe('en、ja 或 ko');
  });

  it('spaces Chinese 和 and 或 from Latin words and commands, not from Han characters', () => {
    expect(createTranslator('zh-CN').list(['/next', '/prev'], 'disjunction')).toBe('/next 或 /prev');
    expect(createTranslator('zh-CN').list(['“信任”', '“信赖”'], 'disjunction')).toBe('“信任”或“信赖”');
    expect(createTranslator('zh-TW').list(['信任', 'trust'])).toBe('信任和 trust');
    expect(createTranslator('ja').list(['/next', '/prev'], 'disjunction')).toBe('/nextまたは/prev');
  });

  it('separates items that hold commas, and sentences, as each language does', () => {
    const items = ['1. Opening', '2. Confidence, Trust'];
    expect((['en', 'zh-CN', 'zh-TW', 'ja', 'ko'] as const).map((locale) => createTranslator(locale).items(items))).toEqual([
      '1. Opening; 2. Confidence, Trust',
      '1. Opening；2. Confidence, Trust',
      '1. Opening；2. Confidence, Trust',
      '1. Opening、2. Confidence, Trust',
      '1. Opening; 2. Confidence, Trust',
    ]);
    expect((['en', 'zh-CN', 'ja', 'ko'] as const).map((locale) => createTranslator(locale).sentenceGap)).toEqual([' ', '', '', ' ']);
  });

  it('turns a text’s own quotation marks into the inner pair before it is quoted', () => {
    expect(createTranslator('zh-CN').quote(createTranslator('zh-CN').withInnerQuotes('“trust”的译法'))).toBe('“‘trust’的译法”');
    expect(createTranslator('ja').quote(createTranslator('ja').withInnerQuotes('「trust」の訳語'))).toBe('「『trust』の訳語」');
    expect(createTranslator('en').withInnerQuotes('Translations of “trust”')).toBe('Translations of ‘trust’');
  });

  it('groups digits and labels values with the locale’s colon', () => {
    expect(createTranslator('en').number(12345)).toBe('12,345');
    expect(createTranslator('ja').number(12345)).toBe('12,345');
    expect(createTranslator('zh-CN').labelled('作者', 'David A. Welch')).toBe('作者：David A. Welch');
    expect(createTranslator('ko').labelled('저자', 'David A. Welch')).toBe('저자: David A. Welch');
    expect(createTranslator('ja').parenthesized('Shinrai')).toBe('（Shinrai）');
    expect(createTranslator('en').parenthesized('Shinrai')).toBe(' (Shinrai)');
  });

  it('measures CJK text in terminal cells, two per character', () => {
    expect(displayWidth('信任')).toBe(4);
    expect(displayWidth('신뢰 trust')).toBe(10);
    expect(displayWidth('「信頼」')).toBe(8);
  });
});
