/**
 * Commands that read or change what the team's store keeps (`/settings`, `/stats`): like every
 * command, one module in `commands/` returning a platform-neutral reply, but asynchronous (they
 * wait for the database) and restricted. The permission is declared with the command's data and
 * enforced by each platform: Discord by `default_member_permissions` plus a check of the member's
 * permissions in the interaction payload, Slack by `users.info` (workspace admins and owners).
 */
import * as z from 'zod';
import type { ReplyDraft } from './command.js';
import { emptyDraft } from './entry-views.js';
import { newErrorId } from './errors.js';
import type { Logger } from './logger.js';
import { text, type Reply } from './reply.js';
import type { Lexicon } from './lexicon.js';
import type { TeamMemory } from './team-memory.js';
import type { Platform } from './store.js';
import type { UiLocale } from '../i18n/locale.js';
import type { MessageKey } from '../i18n/catalog.js';
import { createTranslator, type Translator } from '../i18n/translator.js';

/** Who may run a team command: those who manage the server (Discord) or the workspace (Slack admins and owners). */
export type TeamPermission = 'manage-workspace';

/** One option of a team command (a string; with choices when it takes only some words). */
export interface TeamOption {
  name: string;
  /** At most 100 characters (Discord's limit). */
  description: string;
  required: boolean;
  /** The catalog key of the description in other languages. */
  descriptionKey: string;
  /** `labelKey`: the catalog key of the label in other languages. */
  choices?: readonly { word: string; label: string; labelKey: string }[];
}

/** A subcommand: `/settings language`, `/settings show`. */
export interface TeamSubcommand {
  /** Lower case, dashes allowed (Discord's rule for names). */
  name: string;
  description: string;
  /** The catalog key of the description in other languages. */
  descriptionKey: string;
  options: readonly TeamOption[];
}

/** A request to a team command, from a platform's payload or from typed words. */
export interface TeamRequest {
  subcommand: string | undefined;
  options: Record<string, string>;
}

/** Where a team command is run: the server or workspace, and the channel. */
export interface TeamPlace {
  platform: Platform;
  workspaceId: string;
  channelId: string | null;
}

/** What a team command's handler gets. */
export interface TeamCommandContext {
  lexicon: Lexicon;
  memory: TeamMemory;
  place: TeamPlace;
  /** STATS_RETENTION_DAYS, to say how long lookups are kept. */
  retentionDays: number;
  locale: UiLocale;
  tr: Translator;
}

/** A command over the team's store. */
export interface TeamCommand {
  name: string;
  /** One line, at most 100 characters. */
  description: string;
  permission: TeamPermission;
  /** Its subcommands (none: the command takes `options` directly). */
  subcommands: readonly TeamSubcommand[];
  options: readonly TeamOption[];
  /** How it is typed, for usage hints ("settings language ja channel"). */
  examples: readonly string[];
  /** Read typed words (Slack's `/lexicon settings language ja channel`) into a request; an error says the fix, in the reader's language. */
  readWords(words: readonly string[], tr: Translator): TeamRequest | { error: string };
  /** Answer a request already checked with `checkTeamRequest`. */
  handle(request: TeamRequest, context: TeamCommandContext): Promise<ReplyDraft>;
}

/** Declares a team command. */
export function defineTeamCommand(command: TeamCommand): TeamCommand {
  return command;
}

function optionSchema(option: TeamOption): z.ZodType<string | undefined> {
  const base = option.choices ? z.enum(option.choices.map((choice) => choice.word) as [string, ...string[]]) : z.string().trim().min(1).max(100);
  return option.required ? base : base.optional();
}

/**
 * Check a request against the command's data (subcommand known, required options there, choices
 * respected, nothing else): what platforms send is validated here, once. An error says the fix, in
 * the reader's language.
 */
export function checkTeamRequest(command: TeamCommand, request: TeamRequest, tr: Translator = createTranslator()): TeamRequest | { error: string } {
  const subcommand = command.subcommands.length > 0 ? command.subcommands.find((candidate) => candidate.name === request.subcommand) : undefined;
  if (command.subcommands.length > 0 && !subcommand) {
    return { error: tr.t('team.takesOneOf', { command: command.name, subcommands: tr.series(command.subcommands.map((candidate) => candidate.name)) }) };
  }
  const options = subcommand?.options ?? command.options;
  const schema = z.strictObject(Object.fromEntries(options.map((option) => [option.name, optionSchema(option)])));
  const parsed = schema.safeParse(request.options);
  if (parsed.success) return { subcommand: subcommand?.name, options: Object.fromEntries(Object.entries(parsed.data).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) };
  const issue = parsed.error.issues[0];
  const name = String(issue?.path[0] ?? '');
  const option = options.find((candidate) => candidate.name === name);
  const named = `${command.name}${subcommand ? ` ${subcommand.name}` : ''}`;
  if (!option) return { error: options.length > 0 ? tr.t('team.takesOptions', { command: named, options: tr.series(options.map((candidate) => candidate.name)) }) : tr.t('team.takesNoOptions', { command: named }) };
  if (option.choices) return { error: tr.t('team.valuesAre', { name: option.name, choices: tr.series(option.choices.map((choice) => choice.word)) }) };
  return { error: tr.labelled(option.name, tr.t(option.descriptionKey as MessageKey)) };
}

/**
 * A usage error of a team command: what was wrong, and how it is typed (`examples`, as this
 * surface writes them: `/lexicon settings show` on Slack).
 */
export function teamUsageError(command: TeamCommand, error: string, tr: Translator, examples: readonly string[]): Reply {
  const draft = emptyDraft('usage-error', tr.t('usage.title', { usage: examples[0] ?? command.name }), { command: command.name, options: {} });
  draft.blocks = [text(tr.t('usage.errorWithExamples', { error, examples: tr.items(examples) }))];
  return single(draft, tr.locale);
}

/** A one-page reply of a team command. */
function single(draft: ReplyDraft, locale: UiLocale): Reply {
  return { ...draft, page: { index: 1, count: 1 }, locale };
}

/**
 * Answer a team command for someone already allowed to run it: the request checked, the handler
 * run; a usage reply for a bad request, and a reply with an error id (logged) when the store fails.
 */
export async function answerTeamCommand(command: TeamCommand, request: TeamRequest, context: TeamCommandContext, logger: Logger): Promise<Reply> {
  const checked = checkTeamRequest(command, request, context.tr);
  if ('error' in checked) return teamUsageError(command, checked.error, context.tr, command.examples);
  try {
    return single(await command.handle(checked, context), context.locale);
  } catch (error) {
    const errorId = newErrorId();
    logger.error(`/${command.name} failed: the store did not answer`, { errorId, place: context.place, error });
    const draft = emptyDraft('error', command.name, { command: command.name, options: {} });
    draft.blocks = [text(context.tr.t('settings.storeFailed', { errorId }))];
    return single(draft, context.locale);
  }
}
