import { describe, expect, it } from 'vitest';
import { ImportError } from '../../src/importer/errors.js';
import { footnote28Translations, footnoteTitleTranslation, parseRenderingsAppendix, splitRendering } from '../../src/importer/translations.js';

describe('translations', () => {
  it('splits a rendering into its script and its romanization', () => {
    expect(splitRendering('信心 (XinXin)')).toEqual({ text: '信心', romanization: 'XinXin' });
    expect(splitRendering('確信(Kakushin)')).toEqual({ text: '確信', romanization: 'Kakushin' });
    expect(splitRendering('공감')).toEqual({ text: '공감' });
  });

  it('reads renderings with glosses, joining a gloss broken over two lines', () => {
    const page = 'Prepared by Professor Jiang Wenran\n\nDecember 2013\n\n---\n\n**Consociational Security Order (CSO) Chinese translation:**\n\n协和安全机制 (xiehe anquan jizhi)\n\nxiehe : harmonious\n\nanquan:\n\nsecurity\n\ngongcun: co---existence';
    const appendix = parseRenderingsAppendix(page);
    expect(appendix.by).toBe('Jiang Wenran');
    expect(appendix.date).toBe('December 2013');
    expect(appendix.translations).toEqual([
      {
        concept: 'consociational security order',
        language: 'zh',
        text: '协和安全机制',
        romanization: 'xiehe anquan jizhi',
        glosses: [
          { word: 'xiehe', meaning: 'harmonious' },
          { word: 'anquan', meaning: 'security' },
          { word: 'gongcun', meaning: 'co-existence' },
        ],
        source: { label: 'Consociational Security Order (CSO) Chinese translation, prepared by Jiang Wenran, December 2013', by: 'Jiang Wenran', date: 'December 2013' },
      },
    ]);
  });

  it('refuses a closing page that does not read as expected', () => {
    expect(() => parseRenderingsAppendix('Something else entirely')).toThrow(ImportError);
  });

  it('reads footnote 28\'s romanized terms, without inventing characters', () => {
    const text = 'In Chinese, *xinren* and *xinlai* correspond roughly to ‘confidence’ and ‘trust’ respectively and differ.';
    const translations = footnote28Translations({ number: 28, text }, 'Footnote 28');
    expect(translations.map((translation) => [translation.concept, translation.romanization, translation.text])).toEqual([
      ['confidence', 'xinren', undefined],
      ['trust', 'xinlai', undefined],
    ]);
    expect(() => footnote28Translations({ number: 28, text: 'reworded' }, 'Footnote 28')).toThrow(ImportError);
  });

  it('reads the Chinese title a footnote gives', () => {
    const translation = footnoteTitleTranslation({ number: 125, text: '□□勉：“新型大国关系：理□、□略和政策建构”' }, 'new model of major power relations', 'Footnote 125');
    expect(translation).toMatchObject({ text: '新型大国关系', language: 'zh', source: { footnote: 125 } });
  });
});
