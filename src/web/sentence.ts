/**
 * A sentence of ours with markup inside it (a link, a code span): the catalog message is formatted
 * with a placeholder for each piece of markup, the words around them escaped, the markup put in.
 * Translators thus move the link within the sentence as their language wants it.
 */
import type { MessageKey } from '../i18n/catalog.js';
import type { MessageValues, Translator } from '../i18n/translator.js';
import { markup, type HtmlEscapedString } from './markup.js';

const SLOT = '\u0001';

/** `tr.t(key, values)` with `parts` (name → markup) put where the message names them. */
export function sentenceWith(tr: Translator, key: MessageKey, values: MessageValues, parts: Record<string, HtmlEscapedString>): HtmlEscapedString {
  const slots = Object.fromEntries(Object.keys(parts).map((name) => [name, `${SLOT}${name}${SLOT}`]));
  const pieces = tr.t(key, { ...values, ...slots }).split(SLOT);
  // Odd pieces are the names of the parts, even ones the words around them.
  return markup`${pieces.map((piece, index) => (index % 2 === 1 ? (parts[piece] ?? '') : markup`${piece}`))}`;
}
