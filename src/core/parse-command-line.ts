/**
 * Text surfaces (Slack's `/lexicon define empathy`, the console's `/define "trust building"`) type
 * a command as one line. This turns the line into a command and options, positionally in the order
 * of the command's schema keys:
 *
 * - words in quotes ("…", “…”, '…') are one argument: `compare "confidence building measures" trust`;
 * - the last positional option takes the rest of the line when it is a term or query:
 *   `search south china sea`, `define trust building measures`;
 * - a trailing language (`ja`, `Japanese`) or number goes to the language / footnote option when the
 *   command has one: `translate trust ja`, `cite trust 28`;
 * - `--public` / `--private` anywhere set the visibility.
 *
 * Validation is left to `dispatch` (which answers a usage reply), so this only fails on a line with
 * no command at all.
 */
import type { Command } from './command.js';
import { describeOptions, OPTION_KINDS } from './options.js';
import type { OptionDescriptor } from './options.js';
import { stripControlCharacters } from './render-text.js';
import { createTranslator, type Translator } from '../i18n/translator.js';

interface Token {
  /** The argument, quotes removed. */
  value: string;
  quoted: boolean;
  /** [start, end) of the token in the line, quotes included. */
  start: number;
  end: number;
}

const QUOTES: Record<string, string> = { '"': '"', '“': '”', '„': '“', '‘': '’', "'": "'", '«': '»', '「': '」', '『': '』' };

/** Split a line into tokens: quoted strings or runs of non-space characters. */
function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const char = line[i] ?? '';
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const close = QUOTES[char];
    // An apostrophe inside a word ("people's") is not a quote; a quote must open a token.
    if (close !== undefined) {
      const end = line.indexOf(close, i + 1);
      const stop = end === -1 ? line.length : end;
      tokens.push({ value: line.slice(i + 1, stop).trim(), quoted: true, start: i, end: end === -1 ? line.length : end + 1 });
      i = end === -1 ? line.length : end + 1;
      continue;
    }
    const start = i;
    while (i < line.length && !/\s/.test(line[i] ?? '')) i++;
    tokens.push({ value: line.slice(start, i), quoted: false, start, end: i });
  }
  return tokens;
}

/** A line parsed into a command name and raw options (validated later by the dispatcher). */
export type ParsedLine = { command: string; options: Record<string, unknown> } | { error: string };

/**
 * Parse one line of a text surface into a command and its options; `findCommand` knows the commands.
 * A line without a command is an error in `tr`'s language.
 */
export function parseCommandLine(text: string, findCommand: (name: string) => Command | undefined, tr: Translator = createTranslator()): ParsedLine {
  const line = stripControlCharacters(text).trim().replace(/^[/／]\s*/, '');
  if (line === '') return { error: tr.t('usage.typeCommand', { example: '/define empathy', help: '/help' }) };
  const nameMatch = /^\S+/.exec(line);
  const name = (nameMatch?.[0] ?? '').toLowerCase();
  const rest = line.slice(name.length);
  const command = findCommand(name);
  if (!command) return { command: name, options: {} };

  const descriptors = describeOptions(command.options);
  const options: Record<string, unknown> = {};
  let tokens = tokenize(rest);

  const visibility = descriptors.find((d) => d.kind === 'visibility');
  let flagged = false;
  tokens = tokens.filter((token) => {
    const flag = !token.quoted && /^--?(public|private)$/i.exec(token.value);
    if (flag && visibility) options[visibility.name] = flag[1]!.toLowerCase();
    if (flag) flagged = true;
    return !flag;
  });

  const positional = descriptors.filter((d) => d.kind !== 'visibility');
  // With a flag removed from the middle, the rest of the line is rebuilt from its words.
  assign(positional, tokens, flagged ? null : rest, options);
  return { command: command.name, options };
}

function assign(positional: OptionDescriptor[], tokens: Token[], rest: string | null, options: Record<string, unknown>): void {
  if (positional.length === 0 || tokens.length === 0) return;
  let remaining = [...tokens];
  let slots = [...positional];

  // A trailing language or footnote number fills its optional slot at the end.
  for (let s = slots.length - 1; s >= 1; s--) {
    const slot = slots[s]!;
    const last = remaining[remaining.length - 1];
    if (slot.required || !last || last.quoted || remaining.length < 2) break;
    const value = OPTION_KINDS[slot.kind].fromWord?.(last.value);
    if (value === undefined) break;
    options[slot.name] = value;
    // "cite trust n. 28", "cite trust footnote 28": the word before the value goes with it.
    const before = remaining[remaining.length - 2];
    if (remaining.length > 2 && before && !before.quoted && OPTION_KINDS[slot.kind].isPrefixWord?.(before.value)) {
      remaining = remaining.slice(0, -1);
    }
    remaining = remaining.slice(0, -1);
    slots = slots.slice(0, s);
  }
  // Optional trailing slots not filled above take nothing: only the leading text slots remain.
  slots = slots.filter((slot) => slot.kind === 'term' || slot.kind === 'query' || slot.required);

  slots.forEach((slot, index) => {
    if (remaining.length === 0) return;
    const isLast = index === slots.length - 1;
    if (!isLast || !(slot.kind === 'term' || slot.kind === 'query')) {
      const token = remaining.shift()!;
      options[slot.name] = slot.kind === 'footnote' && /^\d+$/.test(token.value) ? Number(token.value) : token.value;
      return;
    }
    const first = remaining[0]!;
    const lastToken = remaining[remaining.length - 1]!;
    options[slot.name] =
      remaining.length === 1 || rest === null
        ? remaining.map((token) => token.value).join(' ')
        : rest.slice(first.start, lastToken.end).trim();
    remaining = [];
  });
}
