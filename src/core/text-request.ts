/**
 * What a line typed on a text surface asks for: the one reading used by the console, the one-shot
 * command line, Slack text commands and mentions. A line starting with a command name is that
 * command; a question in Chinese, Japanese or Korean is the command it names; anything else is a
 * question in plain words or a bare term (src/core/question.ts).
 */
import type { Dispatcher, DispatchRequest } from './dispatch.js';
import type { Lexicon } from './lexicon.js';
import { text, type Reply } from './reply.js';
import { commandText, readQuestion } from './question.js';
import { readCjkQuestion } from '../i18n/questions.js';
import type { UiLocale } from '../i18n/locale.js';
import { createTranslator } from '../i18n/translator.js';

/** A typed line read as a request; `ranAs` is set when it was a question, to show which command answered. */
export type TextRequest = { request: DispatchRequest; ranAs?: string } | { error: string };

/** Reads one typed line with the commands `dispatcher` serves; a line without a command is an error in `locale`. */
export function readTextLine(dispatcher: Dispatcher, line: string, locale?: UiLocale): TextRequest {
  const trimmed = line.trim().replace(/[,\s]+(?:please|pls)[?.!]*$/i, '').replace(/(?<=\S)\s*[?？]+$/u, '').trim();
  const firstWord = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  if (trimmed.startsWith('/') || trimmed.startsWith('／') || dispatcher.find(firstWord)) {
    const parsed = dispatcher.parse(trimmed, locale);
    return 'error' in parsed ? parsed : { request: parsed };
  }
  if (trimmed === '') return dispatcher.parse('', locale) as { error: string };
  // A question in Chinese, Japanese or Korean ("信任用日语怎么说") asks for the command it names.
  const cjk = readCjkQuestion(line.trim());
  if (cjk) return { request: cjk };
  const read = readQuestion(trimmed);
  return { request: { command: read.command, options: read.options }, ranAs: commandText(read) };
}

/** Answers a read line through the dispatcher; a question's answer says which command it ran. */
export function answerRead(dispatcher: Dispatcher, lexicon: Lexicon, read: { request: DispatchRequest; ranAs?: string }, page?: number, locale?: UiLocale): Reply {
  const request: DispatchRequest = { ...read.request, ...(page === undefined ? {} : { page }), ...(locale === undefined ? {} : { locale }) };
  const reply = dispatcher.dispatch(lexicon, request);
  if (!read.ranAs) return reply;
  return { ...reply, blocks: [text(createTranslator(reply.locale).t('reply.answeredWith', { command: read.ranAs })), ...reply.blocks] };
}

/** Answers one typed line through the dispatcher (see `readTextLine`, `answerRead`). */
export function answerTextLine(dispatcher: Dispatcher, lexicon: Lexicon, line: string, locale?: UiLocale): Reply {
  const read = readTextLine(dispatcher, line);
  if ('error' in read) return dispatcher.dispatch(lexicon, { command: '', options: {}, ...(locale === undefined ? {} : { locale }) });
  return answerRead(dispatcher, lexicon, read, undefined, locale);
}
