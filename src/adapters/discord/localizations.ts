/**
 * Localized descriptions for registration: Discord shows each user the description in their client
 * language (`description_localizations`); command and option names stay English, so that help, the
 * documents and every surface name commands alike.
 */
import { Locale as DiscordLocale, type LocalizationMap } from 'discord.js';
import { catalogs, type MessageKey } from '../../i18n/catalog.js';
import { LOCALES, type Locale } from '../../i18n/locale.js';
import { clipPlain } from './markdown.js';

/** Discord's code for each of our locales (they coincide; English is the default description). */
export const DISCORD_LOCALE_OF: Record<Exclude<Locale, 'en'>, DiscordLocale> = {
  'zh-CN': DiscordLocale.ChineseCN,
  'zh-TW': DiscordLocale.ChineseTW,
  ja: DiscordLocale.Japanese,
  ko: DiscordLocale.Korean,
};

/** The catalog key of a command's description. */
export function commandDescriptionKey(command: string): string {
  return `command.${command}.description`;
}

/** The catalog key of an option's description; the visibility option reads alike in every command. */
export function optionDescriptionKey(command: string, option: { name: string; kind: string }): string {
  return option.kind === 'visibility' ? 'option.visibility' : `command.${command}.option.${option.name}`;
}

/** The catalog key of a fixed choice's display name (a language, a visibility). */
export function choiceNameKey(option: { kind: string }, value: string): string {
  return `choice.${option.kind}.${value}`;
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(catalogs.en, key);
}

/**
 * The message under `key` in every non-English locale, clipped to Discord's `max`; undefined when the
 * catalog has no such key (a test requires one for every command, option and choice).
 */
export function localizationsOf(key: string, max: number, format: (text: string) => string = (text) => text): LocalizationMap | undefined {
  if (!isMessageKey(key)) return undefined;
  const map: LocalizationMap = {};
  for (const locale of LOCALES) {
    if (locale === 'en') continue;
    map[DISCORD_LOCALE_OF[locale]] = clipPlain(format(catalogs[locale][key]), max);
  }
  return map;
}
