/**
 * Catalog messages that name commands: the message is formatted in the reader's language and the
 * command references it names stay structured pieces, so each surface still writes `/define empathy`
 * its own way.
 */
import type { MessageKey } from '../i18n/catalog.js';
import type { Translator } from '../i18n/translator.js';
import type { CommandReference, Prose } from './reply.js';

/** A value of a prose message: text, a number, a command, or commands in a series. */
export type ProseValue = string | number | CommandReference | readonly CommandReference[];

// Private-use characters mark where a command goes; no catalog message or user text carries them.
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** The message `key` as prose pieces: its text, with the command references in place. */
export function proseOf(tr: Translator, key: MessageKey, values: Record<string, ProseValue> = {}): Prose {
  const references: CommandReference[] = [];
  const slot = (reference: CommandReference) => `${OPEN}${references.push(reference) - 1}${CLOSE}`;
  const formatted: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' || typeof value === 'number') formatted[name] = value;
    else if (Array.isArray(value)) formatted[name] = tr.series((value as readonly CommandReference[]).map(slot));
    else formatted[name] = slot(value as CommandReference);
  }
  const pieces: (string | CommandReference)[] = [];
  for (const part of tr.t(key, formatted).split(new RegExp(`(${OPEN}\\d+${CLOSE})`, 'u'))) {
    if (part === '') continue;
    const index = part.startsWith(OPEN) ? Number(part.slice(1, -1)) : undefined;
    pieces.push(index === undefined ? part : references[index]!);
  }
  return pieces;
}
