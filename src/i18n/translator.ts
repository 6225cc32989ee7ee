/**
 * Formatting our own words in a locale: ICU messages from the catalog (plurals, selects, numbers)
 * through @formatjs/intl, lists through Intl.ListFormat, and the locale's quotation marks.
 */
import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { catalogs, PARSER_OPTIONS, type MessageKey } from './catalog.js';
import { DEFAULT_LOCALE, PSEUDO_LOCALE, type UiLocale } from './locale.js';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoMessages } from './pseudo.js';
import type { Locale } from './locale.js';
import { labelled, parenthesized, quote, TYPOGRAPHY, withInnerQuotes, workTitle } from './typography.js';

/** Values a message interpolates. */
export type MessageValues = Record<string, string | number | Date>;

/** Everything a surface needs to speak one locale. */
export interface Translator {
  readonly locale: UiLocale;
  /** The catalog message `key`, formatted with `values`. */
  t(key: MessageKey, values?: MessageValues): string;
  /** "A, B and C" / "A、B和C" / "A、B、C" / "A, B 및 C"; "or" lists with `disjunction`. */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction' | 'unit'): string;
  /** 1,234 in the locale's digits grouping. */
  number(value: number): string;
  quote(text: string, nested?: boolean): string;
  workTitle(title: string): string;
  labelled(label: string, value: string): string;
  parenthesized(text: string): string;
  /** Items in a plain series, without "and": "A, B, C", "A、B、C". */
  series(items: readonly string[]): string;
  /** Items that may hold commas themselves: "1. Opening; 2. Confidence", "1. 开头；2. Confidence". */
  items(items: readonly string[]): string;
  /** `text` ready to be quoted: its own quotation marks become the inner ones. */
  withInnerQuotes(text: string): string;
  /** The locale's label colon (": ", "：") and sentence end (".", "。"). */
  readonly colon: string;
  readonly fullStop: string;
  /** What goes between two sentences: " " after ".", nothing after "。". */
  readonly sentenceGap: string;
}

/** A Latin letter, digit or command slash at the edge of a list item: Chinese spaces it from 和 and 或. */
const LATIN_EDGE = /[\p{Script=Latin}\p{Nd}/]/u;

/**
 * Intl's Chinese lists put 和 and 或 straight against the items ("/next或/prev"); Chinese
 * typography spaces Han characters from Latin words, so a space goes on each side that meets one.
 */
function spacedChineseList(parts: readonly { type: string; value: string }[]): string {
  return parts
    .map((part, index) => {
      if (part.type !== 'literal' || part.value.trim() === '、') return part.value;
      const before = parts[index - 1]?.value.at(-1) ?? '';
      const after = parts[index + 1]?.value.at(0) ?? '';
      return `${LATIN_EDGE.test(before) ? ' ' : ''}${part.value.trim()}${LATIN_EDGE.test(after) ? ' ' : ''}`;
    })
    .join('');
}

function isChinese(locale: Locale): boolean {
  return locale === 'zh-CN' || locale === 'zh-TW';
}

const cache = createIntlCache();
const translators = new Map<UiLocale, Translator>();

/** The translator of a locale (one per locale, shared). */
export function createTranslator(locale: UiLocale = DEFAULT_LOCALE): Translator {
  const known = translators.get(locale);
  if (known) return known;
  const pseudo = locale === PSEUDO_LOCALE;
  // The pseudo-locale formats as English: same plural rules, lists and quotation marks.
  const writing = pseudo ? DEFAULT_LOCALE : locale;
  const intl: IntlShape = createIntl(
    {
      locale: writing,
      defaultLocale: DEFAULT_LOCALE,
      messages: pseudo ? pseudoMessages(catalogs.en) : catalogs[writing],
      // Every message is checked when the catalogs load; a formatting error here is a bug (a value
      // not passed), which the catalog tests exist to catch: fail loudly rather than show raw ICU.
      onError: (error) => {
        throw error;
      },
    },
    cache,
  );
  const translator: Translator = {
    locale,
    t: (key, values) => intl.formatMessage({ id: key }, values, PARSER_OPTIONS),
    // The pseudo-locale marks the words Intl puts between the items ("and", "or") as ours too.
    list: (items, type = 'conjunction') =>
      pseudo
        ? intl.formatListToParts(items, { type }).map((part) => (part.type === 'literal' ? PSEUDO_OPEN + part.value + PSEUDO_CLOSE : part.value)).join('')
        : isChinese(writing)
          ? spacedChineseList(intl.formatListToParts(items, { type }))
          : intl.formatList(items, { type }),
    number: (value) => intl.formatNumber(value),
    quote: (text, nested) => quote(writing, text, nested),
    workTitle: (title) => workTitle(writing, title),
    labelled: (label, value) => labelled(writing, label, value),
    parenthesized: (text) => parenthesized(writing, text),
    series: (items) => items.join(TYPOGRAPHY[writing].seriesSeparator),
    items: (items) => items.join(TYPOGRAPHY[writing].itemSeparator),
    withInnerQuotes: (text) => withInnerQuotes(writing, text),
    colon: TYPOGRAPHY[writing].colon,
    fullStop: TYPOGRAPHY[writing].fullStop,
    sentenceGap: TYPOGRAPHY[writing].sentenceGap,
  };
  translators.set(locale, translator);
  return translator;
}

/** One message in one locale: `t('ja', 'cli.commands')`. */
export function t(locale: UiLocale, key: MessageKey, values?: MessageValues): string {
  return createTranslator(locale).t(key, values);
}
