/**
 * Phrases of ours that more than one surface writes, composed from the catalog: the framing of the
 * document's caveat (the caveat itself stays verbatim), language names, page indicators.
 */
import type { TranslationLanguage } from '../core/entry.js';
import type { Translator } from './translator.js';

/** The document's title, never translated. */
export const DOCUMENT_TITLE = 'Cooperative Security 2.0';
/** The document's caveat, verbatim, as printed on it. */
export const DOCUMENT_CAVEAT = 'Not for citation or wide circulation. For workshop purposes only.';

/**
 * “Cooperative Security 2.0” is marked “Not for citation or wide circulation. For workshop purposes
 * only.” — our framing in the reader's language, the title and the caveat in the document's words.
 */
export function caveatNotice(tr: Translator): string {
  return tr.t('caveat.framing', { title: tr.workTitle(DOCUMENT_TITLE), caveat: tr.quote(DOCUMENT_CAVEAT) });
}

/** The name of a translation language in the reader's language: Japanese, 日语, 日本語, 일본어. */
export function languageName(tr: Translator, language: TranslationLanguage): string {
  return tr.t(`language.${language}`);
}

/** "Page 2 of 5" in the reader's language. */
export function pageLine(tr: Translator, index: number, count: number): string {
  return tr.t('reply.page', { index, count });
}

/** "A, B and C" / "A、B和C": names (authors, terms) joined in the reader's language, without a serial comma. */
export function andList(tr: Translator, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return tr.t('list.and', { first: tr.series(items.slice(0, -1)), last: items[items.length - 1]! });
}

/** "A, B or C" / "A、B或C": alternatives in the reader's language, without a serial comma. */
export function orList(tr: Translator, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return tr.t('list.or', { first: tr.series(items.slice(0, -1)), last: items[items.length - 1]! });
}

/** "n. 28", "nn. 57–59" or "nn. 7, 12": footnote numbers as a reader cites them, in the reader's language. */
export function footnoteRangeText(tr: Translator, numbers: readonly number[]): string {
  if (numbers.length === 0) return tr.t('footnote.none');
  if (numbers.length === 1) return tr.t('footnote.one', { number: String(numbers[0]) });
  const contiguous = numbers.every((n, i) => i === 0 || n === (numbers[i - 1] ?? 0) + 1);
  return contiguous
    ? tr.t('footnote.span', { first: String(numbers[0]), last: String(numbers[numbers.length - 1]) })
    : tr.t('footnote.list', { numbers: tr.series(numbers.map(String)) });
}
