/**
 * Which language a Discord answer is written in: a private reply in the language of the reader's
 * client (the interaction's `locale`), a public post in the server's (`guild_locale`, the server's
 * community language; in DMs, where there is none, the reader's).
 */
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';
import { localeFromTag } from '../../i18n/negotiate.js';

/** The locales an interaction carries (discord.js: `interaction.locale`, `interaction.guildLocale`). */
export interface InteractionLocales {
  locale?: string | null;
  guildLocale?: string | null;
}

/** The locale to answer in, for a private reply or a public post. */
export function readerLocale(interaction: InteractionLocales, visibility: 'private' | 'public', serverSetting?: Locale): Locale {
  if (visibility === 'public') {
    return serverSetting ?? localeFromTag(interaction.guildLocale) ?? localeFromTag(interaction.locale) ?? DEFAULT_LOCALE;
  }
  return localeFromTag(interaction.locale) ?? DEFAULT_LOCALE;
}
