/**
 * How a command is called, as command references for our prose: `/translate <term> [language]`.
 */
import type { Command } from './command.js';
import { describeOptions } from './options.js';
import { command as commandReference, type CommandReference } from './reply.js';
import { catalogs, type MessageKey } from '../i18n/catalog.js';
import type { Translator } from '../i18n/translator.js';

/** A command's description in the reader's language (as the command declares it where the catalog lacks it). */
export function descriptionOf(tr: Translator, listed: Command): string {
  const key = `command.${listed.name}.description`;
  return Object.hasOwn(catalogs.en, key) ? tr.t(key as MessageKey) : listed.description;
}

/** "/translate <term> [language]" as a command reference. */
export function usageOf(command: Command): CommandReference {
  const options = describeOptions(command.options)
    .filter((option) => option.kind !== 'visibility')
    .map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`));
  return commandReference(command.name, options.length > 0 ? options.join(' ') : undefined);
}

/** A command's example ("/define empathy") as a command reference. */
export function exampleOf(command: Command, index = 0): CommandReference {
  const example = command.examples[index];
  if (example === undefined) return usageOf(command);
  const [name = command.name, ...rest] = example.replace(/^\//, '').split(' ');
  return commandReference(name, rest.length > 0 ? rest.join(' ') : undefined);
}
