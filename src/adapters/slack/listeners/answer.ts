/**
 * A line of text typed in Slack (slash-command text, a mention) answered by the core: Slack's
 * markup undone, the line parsed into a command and options, dispatched.
 */
import { chicagoCitation } from '../../../core/citation-styles.js';
import { dispatcher } from '../../../dispatcher.js';
import { answerRead, readTextLine } from '../../../core/text-request.js';
import type { Lexicon } from '../../../core/lexicon.js';
import type { Reply } from '../../../core/reply.js';
import { noteAnswer } from '../../../core/request-context.js';
import { plainFromSlackMarkup } from '../mrkdwn.js';
import { renderReply, type SlackMessage } from '../render.js';
import type { UiLocale } from '../../../i18n/locale.js';

export interface Answer {
  reply: Reply;
  /** What the asker chose with --public / --private (private by default). */
  visibility: 'private' | 'public';
}

/** Whether a command line as Slack sent it asks for a public answer (--public), before answering it. */
export function asksPublic(slackText: string): boolean {
  const read = readTextLine(dispatcher, plainFromSlackMarkup(slackText));
  return !('error' in read) && read.request.options.visibility === 'public';
}

/** Answer a command line as Slack sent it (escaped, possibly with Slack markup). */
export function answerSlackText(lexicon: Lexicon, slackText: string, locale?: UiLocale): Answer {
  // The same reading as every text surface: a command, a question in plain words, or a term.
  const read = readTextLine(dispatcher, plainFromSlackMarkup(slackText));
  const visibility = 'error' in read ? 'private' : read.request.options.visibility === 'public' ? 'public' : 'private';
  const reply = 'error' in read ? dispatcher.dispatch(lexicon, { command: 'help', options: {}, ...(locale ? { locale } : {}) }) : answerRead(dispatcher, lexicon, read, undefined, locale);
  noteAnswer(reply.kind, reply.entryId);
  return { reply, visibility };
}

/**
 * A reply as posted for everyone: who shared it, how to cite the entry, and buttons that page it in
 * place for whoever shared it and answer anyone else privately.
 */
export function publicMessage(lexicon: Lexicon, reply: Reply, sharedBy?: string): SlackMessage {
  const entry = reply.entryId ? lexicon.entry(reply.entryId) : undefined;
  return renderReply(reply, { audience: 'public', sharedBy, askedBy: sharedBy, citeAs: entry ? chicagoCitation(entry) : undefined });
}
