/**
 * A line of text typed in Slack (slash-command text, a mention) answered by the core: Slack's
 * markup undone, the line parsed into a command and options, dispatched.
 */
import type { PageLinker } from '../../../web/links.js';
import { citationIn } from '../../../core/citation-styles.js';
import type { AnswerPreferences } from '../../../core/settings.js';
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
  /** The visibility the asker gave (--public / --private), if any: it wins over the settings. */
  explicit: 'private' | 'public' | undefined;
  /** The command and options as the asker gave them, for the record of what people looked for. */
  asked: { command: string; options: Record<string, unknown> };
}

/** The visibility a command line as Slack sent it asks for (--public / --private), if any, before answering it. */
export function askedVisibility(slackText: string): 'private' | 'public' | undefined {
  const read = readTextLine(dispatcher, plainFromSlackMarkup(slackText));
  const given = 'error' in read ? undefined : read.request.options.visibility;
  return given === 'public' || given === 'private' ? given : undefined;
}

/** Answer a command line as Slack sent it (escaped, possibly with Slack markup). */
export function answerSlackText(lexicon: Lexicon, slackText: string, preferences: AnswerPreferences = {}, locale?: UiLocale): Answer {
  // The same reading as every text surface: a command, a question in plain words, or a term.
  const read = readTextLine(dispatcher, plainFromSlackMarkup(slackText));
  const given = 'error' in read ? undefined : read.request.options.visibility;
  const explicit = given === 'public' || given === 'private' ? given : undefined;
  const reply =
    'error' in read
      ? dispatcher.dispatch(lexicon, { command: 'help', options: {}, ...(locale ? { locale } : {}) })
      : answerRead(dispatcher, lexicon, { ...read, request: { ...read.request, preferences } }, undefined, locale);
  noteAnswer(reply.kind, reply.entryId);
  return { reply, visibility: explicit ?? 'private', explicit, asked: 'error' in read ? { command: 'help', options: {} } : read.request };
}

/**
 * A reply as posted for everyone: who shared it, how to cite the entry, and buttons that page it in
 * place for whoever shared it and answer anyone else privately.
 */
export function publicMessage(lexicon: Lexicon, reply: Reply, sharedBy?: string, citation: 'chicago' | 'apa' = 'chicago', links?: PageLinker): SlackMessage {
  const entry = reply.entryId ? lexicon.entry(reply.entryId) : undefined;
  return renderReply(reply, { audience: 'public', sharedBy, askedBy: sharedBy, citeAs: entry ? citationIn(citation, entry) : undefined, links });
}
