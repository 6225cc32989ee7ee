/**
 * Shared phrases: the caveat keeps the document's words verbatim inside our framing.
 */
import { describe, expect, it } from 'vitest';
import { caveatNotice, DOCUMENT_CAVEAT, languageName, pageLine } from '../../src/i18n/words.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { LOCALES } from '../../src/i18n/locale.js';

describe('shared phrases', () => {
  it('frames the caveat in each language and keeps its words verbatim', () => {
    expect(caveatNotice(createTranslator('en'))).toBe('“Cooperative Security 2.0” is marked “Not for citation or wide circulation. For workshop purposes only.”');
    expect(caveatNotice(createTranslator('ja'))).toBe('『Cooperative Security 2.0』には「Not for citation or wide circulation. For workshop purposes only.」と記されています。');
    expect(caveatNotice(createTranslator('zh-CN'))).toBe('《Cooperative Security 2.0》标明：“Not for citation or wide circulation. For workshop purposes only.”');
    for (const locale of LOCALES) expect(caveatNotice(createTranslator(locale))).toContain(DOCUMENT_CAVEAT);
  });

  it('names languages and pages in the reader’s language', () => {
    expect(languageName(createTranslator('ko'), 'ja')).toBe('일본어');
    expect(languageName(createTranslator('zh-TW'), 'zh')).toBe('中文');
    expect(pageLine(createTranslator('ja'), 2, 5)).toBe('5ページ中2ページ目');
  });
});
