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
