import { describe, expect, it } from 'vitest';
import { describeSource, foldKey, parseLanguage } from '../../src/core/translations.js';
import { createTranslator } from '../../src/i18n/translator.js';
import type { Lexicon } from '../../src/core/lexicon.js';

const translationCatalog = (lexicon: Lexicon) => lexicon.translations;
import { fixtureEntries, fixtureLexicon } from '../fixtures/lexicon.js';

describe('translation catalog', () => {
  it('lists the concepts the lexicon records renderings of, in first-recorded order', () => {
    expect(translationCatalog(fixtureLexicon()).concepts).toEqual(['confidence', 'trust', 'empathy']);
  });

  it('gathers a concept’s renderings from every entry that records them', () => {
    const views = translationCatalog(fixtureLexicon()).renderings('Confidence');
    expect(views.map((v) => [v.entryId, v.language, v.text ?? null, v.romanization])).toEqual([
      ['trust', 'zh', null, 'xinren'],
      ['empathy', 'zh', '信心', 'XinXin'],
      ['empathy', 'ja', '自信', 'Jishin'],
    ]);
  });

  it('holds only what the entries record', () => {
    const catalog = translationCatalog(fixtureLexicon());
    const recorded = fixtureEntries.flatMap((e) => e.translations).length;
    expect(catalog.concepts.flatMap((c) => catalog.renderings(c))).toHaveLength(recorded);
    expect(catalog.renderings('reassurance')).toEqual([]);
  });

  it('resolves names, plurals, renderings and romanizations to a concept, and leaves typos to the resolver', () => {
    const catalog = translationCatalog(fixtureLexicon());
    expect(catalog.conceptsFor('TRUST')).toEqual(['trust']);
    expect(catalog.conceptsFor('trusts')).toEqual(['trust']);
    expect(catalog.conceptsFor('共感')).toEqual(['empathy']);
    expect(catalog.conceptsFor('Tong-Li-Xin')).toEqual(['empathy']);
    expect(catalog.conceptsFor('xinlai')).toEqual(['trust']);
    expect(catalog.conceptsFor('strategic trust')).toEqual(['trust']);
    expect(catalog.conceptsFor('empathey')).toEqual([]);
    expect(catalog.conceptsFor('reassurance')).toEqual([]);
    expect(catalog.conceptsFor('wibble')).toEqual([]);
  });

  it('knows when one rendering is recorded for two concepts', () => {
    const catalog = translationCatalog(fixtureLexicon());
    expect(catalog.conceptsFor('xinren')).toEqual(['confidence', 'trust']);
    expect(catalog.renderingsMatching('XINREN').map((v) => [v.concept, v.text ?? null, v.romanization])).toEqual([
      ['confidence', null, 'xinren'],
      ['trust', '信任', 'XinRen'],
    ]);
  });

  it('finds the concepts an entry or a section is about', () => {
    const lexicon = fixtureLexicon();
    const catalog = translationCatalog(lexicon);
    const empathy = lexicon.entry('empathy')!;
    expect(catalog.conceptsOf(empathy)).toEqual(['empathy']);
    expect(catalog.conceptsOf(empathy, 'trust')).toEqual(['trust']);
    expect(catalog.conceptsOf(lexicon.entry('reassurance')!)).toEqual([]);
  });

  it('is built once per lexicon', () => {
    const lexicon = fixtureLexicon();
    expect(translationCatalog(lexicon)).toBe(translationCatalog(lexicon));
    expect(translationCatalog(fixtureLexicon())).not.toBe(translationCatalog(lexicon));
  });
});

describe('translation helpers', () => {
  it('describes provenance without repeating what the label says', () => {
    expect(describeSource({ label: 'Chinese renderings of CSO', by: 'Jiang Wenran', date: 'December 2013' })).toBe(
      'Chinese renderings of CSO · prepared by Jiang Wenran · December 2013',
    );
    expect(describeSource({ label: 'Footnote 28 to “Trust” (Jagaa Menduul)', footnote: 28 })).toBe('Footnote 28 to “Trust” (Jagaa Menduul)');
    expect(describeSource({ label: 'A title given in a footnote', footnote: 125 })).toBe('A title given in a footnote · n. 125');
  });

  it('says provenance in the reader’s language, the document’s names and numbers as they are', () => {
    const piece = { title: 'Trust', authors: ['Jagaa Menduul'] };
    const footnote = { label: 'Footnote 28 to “Trust” (Jagaa Menduul)', footnote: 28, kind: 'footnote' as const, piece };
    expect(describeSource(footnote)).toBe('Footnote 28 to “Trust” (Jagaa Menduul)');
    expect(describeSource(footnote, createTranslator('ja'))).toBe('「Trust」（Jagaa Menduul）の脚注28');
    expect(describeSource(footnote, createTranslator('zh-CN'))).toBe('“Trust”（Jagaa Menduul）脚注 28');
    expect(describeSource({ label: 'Chinese renderings of CSO', by: 'Jiang Wenran', date: 'December 2013' }, createTranslator('ko'))).toBe('Chinese renderings of CSO · Jiang Wenran 작성 · December 2013');
    expect(describeSource({ label: 'A title given in a footnote', footnote: 125 }, createTranslator('zh-TW'))).toBe('A title given in a footnote · 註 125');
  });

  it('reads language codes and names', () => {
    expect(['zh', 'Chinese', 'mandarin', 'ja', 'Japanese', '日本語', 'ko', 'KOREAN'].map(parseLanguage)).toEqual(['zh', 'zh', 'zh', 'ja', 'ja', 'ja', 'ko', 'ko']);
    expect(parseLanguage('fr')).toBeUndefined();
  });

  it('folds case, accents, width and punctuation', () => {
    expect(foldKey('Effectivités')).toBe('effectivites');
    expect(foldKey('ＴＲＵＳＴ-building')).toBe('trust building');
  });
});
