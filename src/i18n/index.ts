/**
 * The bot's own words in English, Chinese (Simplified, Traditional), Japanese and Korean.
 */
export { DEFAULT_LOCALE, LOCALES, PSEUDO_LOCALE, isLocale, type Locale, type UiLocale } from './locale.js';
export { catalogs, type MessageKey } from './catalog.js';
export { createTranslator, t, type MessageValues, type Translator } from './translator.js';
export { acceptLanguageTags, localeFromAcceptLanguage, localeFromEnv, localeFromTag, negotiateLocale } from './negotiate.js';
export { TYPOGRAPHY, displayWidth, labelled, quote, workTitle } from './typography.js';
