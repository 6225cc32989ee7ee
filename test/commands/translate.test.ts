import { describe, expect, it } from 'vitest';
import { SOURCE_CAVEAT } from '../../src/core/reply.js';
import type { TranslationView } from '../../src/core/reply.js';
import { fixtureEntries, fixtureLexicon } from '../fixtures/lexicon.js';
import { ask, partsOf, translationsOf, suggestionsOf } from './helpers.js';

/** Each view is a translation some entry records: nothing invented. */
function expectRecorded(views: TranslationView[]): void {
  for (const view of views) {
    const entry = fixtureEntries.find((e) => e.id === view.entryId);
    const recorded = entry?.translations.some(
      (t) => t.concept === view.concept && t.language === view.language && t.text === view.text && t.romanization === view.romanization,
    );
    expect(recorded, `${view.concept} ${view.language} ${view.text ?? view.romanization}`).toBe(true);
  }
}

describe('/translate', () => {
  it('gathers every recorded rendering of a concept, wherever the lexicon holds it, with provenance', () => {
    const reply = ask(fixtureLexicon(), 'translate trust');
    expect(reply.kind).toBe('translation');
    expect(reply.entryId).toBe('trust');
    expect(translationsOf(reply).map((t) => [t.language, t.text, t.romanization, t.entryId])).toEqual([
      ['zh', undefined, 'xinlai', 'trust'],
      ['zh', '信任', 'XinRen', 'empathy'],
      ['ko', '신뢰', 'Shin-roe', 'empathy'],
    ]);
    expect(translationsOf(reply)[0]?.source.label).toBe('Footnote 28 to “Trust” (Jagaa Menduul)');
    expect(translationsOf(reply)[1]?.source.label).toBe('5A Appendix: Candidate translations for specified English-language meanings (David A. Welch)');
    expect(translationsOf(reply).map((t) => t.languageName)).toEqual(['Chinese (Mandarin)', 'Chinese (Mandarin)', 'Korean']);
    expect(reply.notice).toBe(SOURCE_CAVEAT);
    expectRecorded(translationsOf(reply));
  });

  it('shows one language on request, by code or by name', () => {
    const byCode = ask(fixtureLexicon(), 'translate trust ko');
    expect(translationsOf(byCode).map((t) => t.text)).toEqual(['신뢰']);
    expect(byCode.title).toBe('“trust” in Korean');
    expect(byCode.request).toEqual({ command: 'translate', options: { term: 'trust', language: 'ko' } });
    expect(translationsOf(ask(fixtureLexicon(), 'translate trust Korean'))).toEqual(translationsOf(byCode));
  });

  it('says which languages are recorded when the one asked for is not', () => {
    const reply = ask(fixtureLexicon(), 'translate trust ja');
    expect(translationsOf(reply)).toEqual([]);
    expect(partsOf(reply)).toEqual([
      { kind: 'text', text: 'The document records no Japanese rendering of “trust”; it records Chinese (Mandarin) and Korean.' },
    ]);
  });

  it('reads a rendering or a romanization back to its concept', () => {
    for (const query of ['信任', 'xinlai', 'Xin Lai', 'ＸＩＮＬＡＩ']) {
      expect(ask(fixtureLexicon(), `translate ${query}`).title).toBe('Translations of “trust”');
    }
    expect(ask(fixtureLexicon(), 'translate tong li xin').title).toBe('Translations of “empathy”');
  });

  it('shows both concepts when the document records one romanization for two', () => {
    const reply = ask(fixtureLexicon(), 'translate xinren');
    expect(reply.title).toBe('“xinren” in the document');
    expect(translationsOf(reply).map((t) => [t.concept, t.text ?? null])).toEqual([
      ['confidence', null],
      ['trust', '信任'],
    ]);
    expect(partsOf(reply)[0]).toEqual({
      kind: 'text',
      text:
        'The document records “xinren” for more than one concept: for “confidence” (Footnote 28 to “Trust” (Jagaa Menduul)) and for “trust” (5A Appendix: Candidate translations for specified English-language meanings (David A. Welch)).',
    });
    expect(reply.actions.slice(1).map((a) => a.request.options.term)).toEqual(['confidence', 'trust']);
    expectRecorded(translationsOf(reply));
  });

  it('reads an entry’s alias or a section as its concept', () => {
    expect(ask(fixtureLexicon(), 'translate mutual trust').title).toBe('Translations of “trust”');
    expect(ask(fixtureLexicon(), 'translate empathy/confidence').title).toBe('Translations of “confidence”');
  });

  it('says plainly that the document records none for a term without translations, and never invents one', () => {
    const reply = ask(fixtureLexicon(), 'translate reassurance');
    expect(reply.kind).toBe('translation');
    expect(reply.entryId).toBe('reassurance');
    expect(translationsOf(reply)).toEqual([]);
    expect(partsOf(reply)).toEqual([
      {
        kind: 'text',
        text: 'The document records no translation for “Reassurance”. It records translations only for “confidence”, “trust” and “empathy”.',
      },
    ]);
    expect(reply.actions.filter((a) => a.request.command === 'translate').map((a) => a.request.options.term)).toEqual([
      'reassurance',
      'confidence',
      'trust',
      'empathy',
    ]);
  });

  it('answers an unknown term with suggestions and the terms that do have translations', () => {
    const reply = ask(fixtureLexicon(), 'translate wibble');
    expect(reply.kind).toBe('no-match');
    expect(suggestionsOf(reply).map((s) => s.entryId).length).toBeGreaterThan(0);
    expect(partsOf(reply).at(-1)).toEqual({
      kind: 'text',
      text: 'The document records translations only for “confidence”, “trust” and “empathy”.',
    });
  });
});
