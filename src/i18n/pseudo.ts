/**
 * The pseudo-locale's catalog, made from English: every literal run of every message is wrapped in
 * ⟦…⟧ (arguments, plurals and selects stay as they are), so a rendered reply shows which of its
 * words came through the catalog and which did not.
 */
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';
import { PARSER_OPTIONS, type Messages } from './catalog.js';

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

function mark(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: PSEUDO_OPEN + element.value + PSEUDO_CLOSE };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(Object.entries(element.options).map(([name, option]) => [name, { ...option, value: mark(option.value) }]));
      return { ...element, options };
    }
    return element;
  });
}

/** The English catalog with every literal marked. */
export function pseudoMessages(english: Messages): Messages {
  return Object.fromEntries(Object.entries(english).map(([key, message]) => [key, printAST(mark(parse(message, PARSER_OPTIONS)))])) as Messages;
}
