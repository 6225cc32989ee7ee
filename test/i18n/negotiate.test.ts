/**
 * Every platform's way of naming a language lands on one of our locales, or on English.
 */
import { describe, expect, it } from 'vitest';
import { acceptLanguageTags, localeFromAcceptLanguage, localeFromEnv, localeFromTag, negotiateLocale } from '../../src/i18n/negotiate.js';

describe('locale negotiation', () => {
  it('maps Discord locale codes', () => {
    expect(['zh-CN', 'zh-TW', 'ja', 'ko', 'en-US', 'en-GB'].map(localeFromTag)).toEqual(['zh-CN', 'zh-TW', 'ja', 'ko', 'en', 'en']);
    expect(['fr', 'es-ES', 'pt-BR'].map(localeFromTag)).toEqual([undefined, undefined, undefined]);
  });

  it('maps Slack locales and BCP 47 tags with scripts and regions', () => {
    expect(['ja-JP', 'ko-KR', 'zh-CN', 'zh-TW', 'en-US'].map(localeFromTag)).toEqual(['ja', 'ko', 'zh-CN', 'zh-TW', 'en']);
    expect(['zh-Hant', 'zh-HK', 'zh-MO', 'zh-Hant-HK'].map(localeFromTag)).toEqual(['zh-TW', 'zh-TW', 'zh-TW', 'zh-TW']);
    expect(['zh', 'zh-Hans', 'zh-SG', 'ZH-cn'].map(localeFromTag)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'zh-CN']);
  });

  it('maps POSIX locale names and leaves C, POSIX and garbage to the fallback', () => {
    expect(['ja_JP.UTF-8', 'ko_KR.eucKR', 'zh_TW.Big5', 'zh_CN.GB18030', 'zh_HK.UTF-8', 'en_US.UTF-8@euro'].map(localeFromTag)).toEqual([
      'ja',
      'ko',
      'zh-TW',
      'zh-CN',
      'zh-TW',
      'en',
    ]);
    expect(['C', 'POSIX', 'C.UTF-8', '', '!!', undefined, null].map(localeFromTag)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('takes LC_ALL, then LC_MESSAGES, then LANG, the first set deciding', () => {
    expect(localeFromEnv({ LANG: 'ja_JP.UTF-8' })).toBe('ja');
    expect(localeFromEnv({ LC_ALL: 'ko_KR.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('ko');
    expect(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('zh-TW');
    // A language we do not speak still decides: English, not a lower-priority variable.
    expect(localeFromEnv({ LC_ALL: 'fr_FR.UTF-8', LANG: 'ja_JP.UTF-8' })).toBe('en');
    expect(localeFromEnv({ LANG: 'C.UTF-8' })).toBe('en');
    expect(localeFromEnv({})).toBe('en');
  });

  it('reads Accept-Language by weight, skipping q=0, wildcards and junk', () => {
    expect(acceptLanguageTags('fr;q=0.9, ko-KR, ja;q=0.8, *;q=0.1, zh;q=0')).toEqual(['ko-KR', 'fr', 'ja']);
    expect(localeFromAcceptLanguage('fr-CA,fr;q=0.9,zh-TW;q=0.8,en;q=0.5')).toBe('zh-TW');
    expect(localeFromAcceptLanguage('de, ;q=abc, ja;q=0.2')).toBe('ja');
    expect(localeFromAcceptLanguage('')).toBe('en');
    expect(localeFromAcceptLanguage(undefined)).toBe('en');
  });

  it('negotiates the first candidate we speak', () => {
    expect(negotiateLocale([undefined, 'de-DE', 'ja'])).toBe('ja');
    expect(negotiateLocale(['de-DE'])).toBe('en');
  });
});
