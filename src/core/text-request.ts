/**
 * What a line typed on a text surface asks for: the one reading used by the console, the one-shot
 * command line, Slack text commands and mentions. A line starting with a command name is that
 * command; anything else is a question in plain words or a bare term (src/core/question.ts).
 */
import { dispatch, parseCommandLine } from './dispatch.js';
import type { DispatchRequest } from './dispatch.js';
import type { Lexicon } from './lexicon.js';
import type { Reply } from './reply.js';
import { commandText, readQuestion } from './question.js';
import { findCommand } from '../../commands/index.js';

/** A typed line read as a request; `ranAs` is set when it was a question, to show which command answered. */
export type TextRequest = { request: DispatchRequest; ranAs?: string } | { error: string };

/** Reads one typed line. */
export function readTextLine(line: string): TextRequest {
  const trimmed = line.trim().replace(/[,\s]+(?:please|pls)[?.!]*$/i, '').replace(/(?<=\S)\s*[?？]+$/u, '').trim();
  const firstWord = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  if (trimmed.startsWith('/') || trimmed.startsWith('／') || findCommand(firstWord)) {
    const parsed = parseCommandLine(trimmed);
    return 'error' in parsed ? parsed : { request: parsed };
  }
  if (trimmed === '') return parseCommandLine('') as { error: string };
  const read = readQuestion(trimmed);
  return { request: { command: read.command, options: read.options }, ranAs: commandText(read) };
}

/** Answers a read line through the dispatcher; a question's answer says which command it ran. */
export function answerRead(lexicon: Lexicon, read: { request: DispatchRequest; ranAs?: string }, page?: number): Reply {
  const reply = dispatch(lexicon, page === undefined ? read.request : { ...read.request, page });
  if (!read.ranAs) return reply;
  return { ...reply, parts: [{ kind: 'text', text: `Answered with ${read.ranAs}` }, ...reply.parts] };
}

/** Answers one typed line through the dispatcher (see `readTextLine`, `answerRead`). */
export function answerTextLine(lexicon: Lexicon, line: string, page?: number): Reply {
  const read = readTextLine(line);
  if ('error' in read) return dispatch(lexicon, { command: '', options: {} });
  return answerRead(lexicon, read, page);
}
