/**
 * A command: one module in `commands/`, its data beside its handler (the discord.js guide's habit).
 * The handler gets validated options and returns a platform-neutral reply draft, with the canonical
 * request that replays it; the dispatcher (`createDispatcher`) adds paging.
 */
import type { z } from 'zod';
import type { Lexicon } from './lexicon.js';
import type { CommandRequest, Reply } from './reply.js';
import type { UiLocale } from '../i18n/locale.js';
import type { Translator } from '../i18n/translator.js';
import type { AnswerPreferences } from './settings.js';

/**
 * What a handler returns: a reply before the dispatcher paginates it. `request` is the canonical
 * request that replays this answer (a term replaced by the `entryId` or `entryId/sectionId` it
 * resolved to, a query kept whole), so that buttons and shares replay exactly the same answer.
 */
export type ReplyDraft = Omit<Reply, 'page'>;

/** What a handler gets besides its options. */
export interface CommandContext {
  lexicon: Lexicon;
  /** Every command the dispatcher serves, in help order (for /help and usage hints). */
  commands: readonly Command[];
  /** The request as asked, options validated and normalized (what a no-match replays). */
  request: CommandRequest;
  /** The reader's language, for our own words (the authors' words stay verbatim). */
  locale: UiLocale;
  /** Our words in that language: `tr.t('help.title')`. */
  tr: Translator;
  /** The team's settings that shape the answer (language first, citation style); an explicit option wins. */
  preferences: AnswerPreferences;
}

/** One command of the bot. */
export interface Command<S extends z.ZodObject = z.ZodObject> {
  /** Lower-case name, as typed after the slash. */
  name: string;
  /** One line, at most 100 characters (Discord's limit). */
  description: string;
  /** Options as a zod object built with the helpers in core/options.ts; key order is positional order. */
  options: S;
  /** Example invocations for help, e.g. "/define empathy". */
  examples: string[];
  handle(options: z.output<S>, context: CommandContext): ReplyDraft;
}

/** Declares a command with its option types inferred from its schema. */
export function defineCommand<S extends z.ZodObject>(command: Command<S>): Command<S> {
  return command;
}
