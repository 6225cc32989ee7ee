/**
 * What a line typed on a text surface (console, CLI, Slack text, mentions) asks for. A line that
 * does not start with a command name is looked up as a term.
 */
import { dispatch, parseCommandLine } from './dispatch.js';
import type { Lexicon } from './lexicon.js';
import type { Reply } from './reply.js';
import { findCommand } from '../../commands/index.js';

/** Answers one typed line. */
export function answerTextLine(lexicon: Lexicon, line: string): Reply {
  const trimmed = line.trim();
  const firstWord = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  const typed = trimmed.startsWith('/') || findCommand(firstWord) ? trimmed : `define ${trimmed}`;
  const parsed = parseCommandLine(typed);
  if ('error' in parsed) return dispatch(lexicon, { command: '', options: {} });
  return dispatch(lexicon, parsed);
}
