/**
 * A line typed to the bot in conversation (the console, a mention), read as a person means it:
 * a line that does not start with a command name is a term to look up (`empathy` → `define empathy`).
 */

/** The command line for `line`; `isCommand` tells whether a word names a command. */
export function readChatLine(line: string, isCommand: (word: string) => boolean): string {
  const trimmed = line.trim();
  if (trimmed === '') return trimmed;
  const firstWord = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  // "/frobnicate" is an unknown command; "frobnicate" is a term to look up.
  return trimmed.startsWith('/') || isCommand(firstWord) ? trimmed : `define ${trimmed}`;
}
