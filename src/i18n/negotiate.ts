/**
 * Which of our locales a reader gets, from whatever their platform says: Discord locale codes
 * (zh-CN, zh-TW, ja, ko, en-US), Slack's (ja-JP, ko-KR), POSIX LANG/LC_ALL values (ja_JP.UTF-8,
 * zh_TW.Big5, C), BCP 47 tags with scripts (zh-Hant-HK) and HTTP Accept-Language. Anything we do
 * not speak falls back to English.
 */
import { DEFAULT_LOCALE, type Locale } from './locale.js';

/** Our locale for one language tag in any of the forms above, or undefined when we have none for it. */
export function localeFromTag(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  // POSIX: language[_territory][.codeset][@modifier]; "C" and "POSIX" name no language.
  const bare = tag.trim().replace(/[.@].*$/, '').replace(/_/g, '-');
  if (bare === '' || bare === 'C' || bare === 'POSIX') return undefined;
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(bare);
  } catch {
    return undefined;
  }
  switch (parsed.language) {
    case 'en':
      return 'en';
    case 'ja':
      return 'ja';
    case 'ko':
      return 'ko';
    case 'zh':
      // The script decides, explicit or likely: zh-HK, zh-MO and zh-Hant are Traditional; zh, zh-SG Simplified.
      return parsed.maximize().script === 'Hant' ? 'zh-TW' : 'zh-CN';
    default:
      return undefined;
  }
}

/** The first of the candidates (best first) that we speak; English when none is. */
export function negotiateLocale(candidates: Iterable<string | null | undefined>): Locale {
  for (const candidate of candidates) {
    const locale = localeFromTag(candidate);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

/**
 * The tags of an Accept-Language header, best first (by q, then by order); q=0 and "*" are left out.
 * A malformed part is skipped, never an error.
 */
export function acceptLanguageTags(header: string | null | undefined): string[] {
  if (!header) return [];
  const weighted = header.split(',').flatMap((part, order) => {
    const [tag = '', ...params] = part.trim().split(';');
    const qParam = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (tag.trim() === '' || tag.trim() === '*' || !Number.isFinite(q) || q <= 0) return [];
    return [{ tag: tag.trim(), q, order }];
  });
  return weighted.sort((a, b) => b.q - a.q || a.order - b.order).map(({ tag }) => tag);
}

/** The locale for an HTTP Accept-Language header. */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  return negotiateLocale(acceptLanguageTags(header));
}

/**
 * The locale of a terminal, as POSIX decides which variable names the language of messages:
 * LC_ALL, then LC_MESSAGES, then LANG; the first one set (and not empty) decides, even when it names
 * a language we do not speak (then English).
 */
export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  const decisive = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return localeFromTag(decisive) ?? DEFAULT_LOCALE;
}
