/**
 * Typography per locale: the marks each language quotes with, names works with, and separates a
 * label from its value with. Lists and numbers go through Intl (ListFormat, NumberFormat) by way of
 * the translator; terminal widths of CJK text come from the console's text-width module.
 */
import type { Locale } from './locale.js';

export { displayWidth } from '../adapters/console/text-width.js';

export interface Typography {
  /** Opening and closing quotation marks, and the pair used inside a quotation. */
  quotes: [open: string, close: string];
  innerQuotes: [open: string, close: string];
  /** Marks around the title of a work (a document, a book). */
  titleMarks: [open: string, close: string];
  /** What separates a label from its value: "Author: …", "作者：…". */
  colon: string;
  /** Parentheses around an aside. */
  parentheses: [open: string, close: string];
  /** What ends a sentence. */
  fullStop: string;
  /** Between the items of a plain series (no "and"): ", " or the ideographic "、". */
  seriesSeparator: string;
  /** Between items that may hold commas themselves ("1. Opening; 2. Confidence"): "; ", "；" or "、". */
  itemSeparator: string;
  /** Between two sentences: a space after "." but none after the full-width "。". */
  sentenceGap: string;
}

/**
 * - en: “…” and ‘…’.
 * - zh-CN: “…” and ‘…’ (GB/T 15834-2011), 《…》 for works, full-width ：（）.
 * - zh-TW: 「…」 and 『…』 (the Ministry of Education's 重訂標點符號手冊), 《…》 for works.
 * - ja: 「…」 and 『…』, 『…』 also for works (JIS X 4051 practice), full-width ：（）.
 * - ko: “…” and ‘…’ (한글 맞춤법 부록, 2015), 《…》 for works, half-width ": " and "()" as in running Korean.
 */
export const TYPOGRAPHY: Record<Locale, Typography> = {
  en: { quotes: ['“', '”'], innerQuotes: ['‘', '’'], titleMarks: ['“', '”'], colon: ': ', parentheses: [' (', ')'], fullStop: '.', seriesSeparator: ', ', itemSeparator: '; ', sentenceGap: ' ' },
  'zh-CN': { quotes: ['“', '”'], innerQuotes: ['‘', '’'], titleMarks: ['《', '》'], colon: '：', parentheses: ['（', '）'], fullStop: '。', seriesSeparator: '、', itemSeparator: '；', sentenceGap: '' },
  'zh-TW': { quotes: ['「', '」'], innerQuotes: ['『', '』'], titleMarks: ['《', '》'], colon: '：', parentheses: ['（', '）'], fullStop: '。', seriesSeparator: '、', itemSeparator: '；', sentenceGap: '' },
  ja: { quotes: ['「', '」'], innerQuotes: ['『', '』'], titleMarks: ['『', '』'], colon: '：', parentheses: ['（', '）'], fullStop: '。', seriesSeparator: '、', itemSeparator: '、', sentenceGap: '' },
  ko: { quotes: ['“', '”'], innerQuotes: ['‘', '’'], titleMarks: ['《', '》'], colon: ': ', parentheses: [' (', ')'], fullStop: '.', seriesSeparator: ', ', itemSeparator: '; ', sentenceGap: ' ' },
};

/** `text` in the locale's quotation marks; `nested` for a quotation inside another. */
export function quote(locale: Locale, text: string, nested = false): string {
  const [open, close] = nested ? TYPOGRAPHY[locale].innerQuotes : TYPOGRAPHY[locale].quotes;
  return open + text + close;
}

/** The title of a work in the locale's title marks: “Cooperative Security 2.0”, 《Cooperative Security 2.0》. */
export function workTitle(locale: Locale, title: string): string {
  const [open, close] = TYPOGRAPHY[locale].titleMarks;
  return open + title + close;
}

/**
 * `text` made ready to go inside the locale's quotation marks: its own quotation marks become the
 * inner ones, so a quoted title reads “‘trust’ in other languages”, not ““trust” in other languages”.
 */
export function withInnerQuotes(locale: Locale, text: string): string {
  const [open, close] = TYPOGRAPHY[locale].quotes;
  const [innerOpen, innerClose] = TYPOGRAPHY[locale].innerQuotes;
  return text.replaceAll(open, innerOpen).replaceAll(close, innerClose);
}

/** "Label: value" with the locale's colon. */
export function labelled(locale: Locale, label: string, value: string): string {
  return label + TYPOGRAPHY[locale].colon + value;
}

/** An aside in the locale's parentheses, attached to what precedes it. */
export function parenthesized(locale: Locale, text: string): string {
  const [open, close] = TYPOGRAPHY[locale].parentheses;
  return open + text + close;
}
