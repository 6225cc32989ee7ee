/**
 * Private answers in the reader's client language; public posts in the server's.
 */
import { describe, expect, it } from 'vitest';
import { readerLocale } from '../../../src/adapters/discord/reader-locale.js';

describe('Discord reader locale', () => {
  it('answers privately in the interaction locale, publicly in the guild locale', () => {
    const interaction = { locale: 'ja', guildLocale: 'zh-TW' };
    expect(readerLocale(interaction, 'private')).toBe('ja');
    expect(readerLocale(interaction, 'public')).toBe('zh-TW');
  });

  it('a server setting wins for public posts; DMs (no guild locale) use the reader’s; unknown codes fall back to English', () => {
    expect(readerLocale({ locale: 'ja', guildLocale: 'en-US' }, 'public', 'ko')).toBe('ko');
    expect(readerLocale({ locale: 'ko', guildLocale: null }, 'public')).toBe('ko');
    expect(readerLocale({ locale: 'pt-BR', guildLocale: 'de' }, 'private')).toBe('en');
    expect(readerLocale({ locale: 'pt-BR', guildLocale: 'de' }, 'public')).toBe('en');
  });
});
