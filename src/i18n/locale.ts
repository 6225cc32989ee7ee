/**
 * The languages the bot speaks in its own voice (headings, labels, buttons, help, errors). The
 * authors' words, footnotes and titles stay in the document's English whatever the locale.
 */

/** Every UI locale, English first (the fallback). */
export const LOCALES = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko'] as const;

export type Locale = (typeof LOCALES)[number];

/** The locale used when nothing asks for another, and for any key a catalog lacks. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Whether a string is exactly one of our locale codes. */
export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/**
 * The pseudo-locale (as Android and Chrome name it): English with every literal of every catalog
 * message marked ⟦…⟧, so that words of ours that bypass the catalog stand out unmarked.
 * `--lang en-XA` shows it in the console; negotiation never picks it.
 */
export const PSEUDO_LOCALE = 'en-XA';

/** A locale the bot can write in: a translated one or the pseudo-locale. */
export type UiLocale = Locale | typeof PSEUDO_LOCALE;
