/**
 * A command: one module in `commands/`, its data beside its handler (the discord.js guide's habit).
 * The handler gets validated options and returns a platform-neutral reply draft; the dispatcher
 * adds paging and the request that produced it.
 */
import type { z } from 'zod';
import type { Lexicon } from './lexicon.js';
import type { Reply } from './reply.js';

/** What a handler returns: a reply before the dispatcher paginates it. */
export type ReplyDraft = Omit<Reply, 'page' | 'request'>;

export interface CommandContext {
  lexicon: Lexicon;
}

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
