/**
 * Which language a Discord answer is written in: a private reply in the reader's own UI-language
 * setting, else their client's (the interaction's `locale`); a public post in the channel's or
 * server's UI-language setting, else the server's (`guild_locale`, the server's community language;
 * in DMs, where there is none, the reader's).
 */
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';
import { localeFromTag } from '../../i18n/negotiate.js';

/** The locales an interaction carries (discord.js: `interaction.locale`, `interaction.guildLocale`). */
export interface InteractionLocales {
  locale?: string | null;
  guildLocale?: string | null;
}

/**
 * The locale to answer in, for a private reply or a public post. `setting` is the UI-language
 * setting that applies: the reader's own (or their channel's) for a private reply, the channel's or
 * server's for a public post.
 */
export function readerLocale(interaction: InteractionLocales, visibility: 'private' | 'public', setting?: Locale): Locale {
  if (setting) return setting;
  if (visibility === 'public') return localeFromTag(interaction.guildLocale) ?? localeFromTag(interaction.locale) ?? DEFAULT_LOCALE;
  return localeFromTag(interaction.locale) ?? DEFAULT_LOCALE;
}
