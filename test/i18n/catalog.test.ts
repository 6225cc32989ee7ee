/**
 * The catalogs translators edit: same keys everywhere, every message valid ICU in every locale,
 * plurals and selects that format, and each language's own script and punctuation.
 */
import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import { CATALOG_FILES, CatalogError, catalogs, messageArguments, validateCatalogs, type MessageKey } from '../../src/i18n/catalog.js';
import { LOCALES, type Locale } from '../../src/i18n/locale.js';
import { createTranslator, t } from '../../src/i18n/translator.js';

const englishKeys = Object.keys(CATALOG_FILES.en as object).sort();
const CJK: Locale[] = ['zh-CN', 'zh-TW', 'ja', 'ko'];

/** A value of the right kind for each argument of a message (numbers for plurals, a case for selects). */
function sampleValues(message: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const argument of messageArguments(message)) {
    const [name, type] = argument.split(':') as [string, string];
    values[name] = type === 'plural' || type === 'number' ? 2 : type === 'select' ? 'public' : `«${name}»`;
  }
  return values;
}

function withChange(locale: Locale, change: (messages: Record<string, string>) => void): Record<Locale, unknown> {
  const copy = { ...(CATALOG_FILES[locale] as Record<string, string>) };
  change(copy);
  return { ...CATALOG_FILES, [locale]: copy };
}

describe('message catalogs', () => {
  it.each(LOCALES)('locales/%s.json has exactly the keys of en.json', (locale) => {
    expect(Object.keys(CATALOG_FILES[locale] as object).sort()).toEqual(englishKeys);
  });

  it('refuses a catalog with a key missing, a key extra, a message that does not compile or other arguments, naming file and key', () => {
    expect(() => validateCatalogs(withChange('ja', (m) => delete m['cli.commands']))).toThrow(new CatalogError('locales/ja.json: missing cli.commands'));
    expect(() => validateCatalogs(withChange('ko', (m) => (m['cli.typo'] = 'x')))).toThrow(new CatalogError('locales/ko.json: not in en.json: cli.typo'));
    expect(() => validateCatalogs(withChange('zh-CN', (m) => (m['cli.nextPage'] = '第 {index 页')))).toThrow(/locales\/zh-CN\.json: cli\.nextPage is not valid ICU MessageFormat/);
    expect(() => validateCatalogs(withChange('zh-TW', (m) => (m['cli.unknownOption'] = '未知選項「{opt}」')))).toThrow(
      'locales/zh-TW.json: cli.unknownOption uses {opt:argument}, en.json uses {option:argument}',
    );
    // A plural without its "other" case cannot format every number.
    expect(() => validateCatalogs(withChange('ja', (m) => (m['reply.entryCount'] = '{count, plural, =0 {項目なし}}')))).toThrow(/reply\.entryCount is not valid/);
    expect(() => validateCatalogs(withChange('en', (m) => (m['cli.commands'] = '')))).toThrow('locales/en.json: cli.commands is empty');
  });

  it.each(LOCALES)('every message compiles and formats in %s, with every argument filled', (locale) => {
    const translator = createTranslator(locale);
    for (const key of englishKeys as MessageKey[]) {
      const message = catalogs[locale][key];
      const formatted = translator.t(key, sampleValues(message));
      expect(formatted, key).not.toMatch(/[{}]/);
      expect(formatted.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('formats plurals, selects and numbers per locale', () => {
    expect([0, 1, 13].map((count) => t('en', 'reply.entryCount', { count }))).toEqual(['no entries', '1 entry', '13 entries']);
    expect([0, 1, 13].map((count) => t('zh-CN', 'reply.entryCount', { count }))).toEqual(['没有词条', '1 个词条', '13 个词条']);
    expect([1, 133].map((count) => t('ja', 'reply.footnoteCount', { count }))).toEqual(['脚注1件', '脚注133件']);
    expect(t('ko', 'reply.footnoteCount', { count: 0 })).toBe('각주 없음');
    expect(t('zh-TW', 'reply.visibility', { visibility: 'public' })).toBe('已向頻道內所有人公開');
    expect(t('ja', 'reply.visibility', { visibility: 'private' })).toBe('あなたにだけ表示されています');
    expect(t('en', 'cli.nextPage', { index: 1, count: 1234, next: 2 })).toBe('(Page 1 of 1,234: add --page 2 for the next.)');
    expect(t('ja', 'cli.nextPage', { index: 1, count: 3, next: 2 })).toBe('（3ページ中1ページ目：次のページは--page 2を付けてください。）');
  });

  it('a translator says nothing in English where it has its own words (only names, codes and examples stay Latin)', () => {
    for (const locale of CJK) {
      for (const key of englishKeys as MessageKey[]) {
        expect(catalogs[locale][key], `${locale} ${key}`).not.toBe(catalogs.en[key]);
        expect(catalogs[locale][key], `${locale} ${key}`).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u);
      }
    }
  });

  it('Simplified Chinese uses no Traditional characters and Traditional Chinese no Simplified ones (OpenCC)', () => {
    const toSimplified = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    for (const key of englishKeys as MessageKey[]) {
      expect(toSimplified(catalogs['zh-CN'][key]), key).toBe(catalogs['zh-CN'][key]);
      expect(toTraditional(catalogs['zh-TW'][key]), key).toBe(catalogs['zh-TW'][key]);
    }
  });

  it('each catalog quotes and punctuates as its language does', () => {
    const all = (locale: Locale) => Object.values(catalogs[locale]).join('\n');
    // Japanese and Traditional Chinese quote with corner brackets; Simplified Chinese and Korean with curly quotes.
    for (const locale of ['ja', 'zh-TW'] as const) expect(all(locale)).not.toMatch(/[“”"]/);
    for (const locale of ['zh-CN', 'ko', 'en'] as const) expect(all(locale)).not.toMatch(/[「」"]/);
    // Chinese and Japanese use full-width colons and parentheses; Korean and English half-width ones.
    for (const locale of ['zh-CN', 'zh-TW', 'ja'] as const) expect(all(locale)).not.toMatch(/[()]|:(?!\/\/)/);
    for (const locale of ['ko', 'en'] as const) expect(all(locale)).not.toMatch(/[：（）]/);
  });
});

describe('pseudo-locale en-XA', () => {
  it('marks every literal of every message and leaves arguments, plurals and numbers working', () => {
    const pseudo = createTranslator('en-XA');
    expect(pseudo.t('reply.page', { index: 2, count: 1234 })).toBe('⟦Page ⟧2⟦ of ⟧1,234');
    expect(pseudo.t('reply.entryCount', { count: 1 })).toBe('1⟦ entry⟧');
    expect(pseudo.t('reply.visibility', { visibility: 'public' })).toBe('⟦Posted for everyone in the channel⟧');
    for (const key of englishKeys as MessageKey[]) {
      const formatted = pseudo.t(key, sampleValues(catalogs.en[key]));
      // Outside the marks only the sample values (and the digits of numbers) remain.
      const unmarked = formatted.replace(/⟦[^⟧]*⟧/g, '').replace(/«[^»]*»/g, '').replace(/[\d,]/g, '');
      expect(unmarked, key).toBe('');
    }
  });
});
