/**
 * The Discord application commands, built from the one command list the bot runs (commands/index.ts)
 * through describeOptions, plus the message context-menu command. No command is defined twice.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../../core/command.js';
import type { TeamCommand, TeamOption, TeamPermission } from '../../core/team-command.js';
import { teamCommands as allTeamCommands } from '../../../commands/index.js';
import { describeOptions, type OptionDescriptor, type OptionLimits } from '../../core/options.js';
import { CHOICE_NAME_MAX, COMMAND_DESCRIPTION_MAX } from './limits.js';
import { clipPlain } from './markdown.js';
import { choiceNameKey, commandDescriptionKey, localizationsOf, optionDescriptionKey } from './localizations.js';

/** The message context-menu command: finds every lexicon term in a message. */
export const LOOKUP_COMMAND_NAME = 'Look up in lexicon';

/** Installable to a server and to a user; usable in servers, DMs with the bot and group DMs. */
const INTEGRATION_TYPES = [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall];
const CONTEXTS = [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel];

/** Spread into a payload object: `description_localizations` when the catalog has them. */
function localized(field: 'description_localizations' | 'name_localizations', key: string, max: number) {
  const map = localizationsOf(key, max);
  return map ? { [field]: map } : {};
}

/** One native option from a core option descriptor, of the command named `commandName`. */
export function discordOption(option: OptionDescriptor, commandName: string): APIApplicationCommandBasicOption {
  const description = clipPlain(option.description, COMMAND_DESCRIPTION_MAX);
  const descriptionLocalizations = localized('description_localizations', optionDescriptionKey(commandName, option), COMMAND_DESCRIPTION_MAX);
  if (option.type === 'integer') {
    return {
      type: ApplicationCommandOptionType.Integer,
      name: option.name,
      description,
      ...descriptionLocalizations,
      required: option.required,
      ...(option.minValue !== undefined ? { min_value: option.minValue } : {}),
      ...(option.maxValue !== undefined ? { max_value: option.maxValue } : {}),
    };
  }
  if (option.choices) {
    return {
      type: ApplicationCommandOptionType.String,
      name: option.name,
      description,
      ...descriptionLocalizations,
      required: option.required,
      choices: option.choices.map((choice) => ({
        name: clipPlain(choice.name, CHOICE_NAME_MAX),
        ...localized('name_localizations', choiceNameKey(option, choice.value), CHOICE_NAME_MAX),
        value: choice.value,
      })),
    };
  }
  return {
    type: ApplicationCommandOptionType.String,
    name: option.name,
    description,
    ...descriptionLocalizations,
    required: option.required,
    // Terms are autocompleted from the lexicon; free-text queries are not.
    ...(option.kind === 'term' ? { autocomplete: true } : {}),
    ...(option.maxLength !== undefined ? { max_length: option.maxLength } : {}),
  };
}

/** The Discord permission behind a team command's declared permission. */
export const DISCORD_PERMISSIONS: Record<TeamPermission, bigint> = { 'manage-workspace': PermissionFlagsBits.ManageGuild };

function teamOption(option: TeamOption): APIApplicationCommandBasicOption {
  return {
    type: ApplicationCommandOptionType.String,
    name: option.name,
    description: clipPlain(option.description, COMMAND_DESCRIPTION_MAX),
    ...localized('description_localizations', option.descriptionKey, COMMAND_DESCRIPTION_MAX),
    required: option.required,
    ...(option.choices
      ? {
          choices: option.choices.map((choice) => {
            // The word is what Slack and the CLI take too: it leads the name in every language.
            const named = (label: string) => `${choice.word} — ${label}`;
            const names = localizationsOf(choice.labelKey, CHOICE_NAME_MAX, named);
            return { name: clipPlain(named(choice.label), CHOICE_NAME_MAX), ...(names ? { name_localizations: names } : {}), value: choice.word };
          }),
        }
      : {}),
  };
}

/**
 * A team command (`/settings`, `/stats`): server installs and server channels only, shown by default
 * to members with its permission (`default_member_permissions`); the handler checks it again.
 */
export function teamApplicationCommand(command: TeamCommand) {
  return {
    type: ApplicationCommandType.ChatInput as const,
    name: command.name,
    description: clipPlain(command.description, COMMAND_DESCRIPTION_MAX),
    ...localized('description_localizations', commandDescriptionKey(command.name), COMMAND_DESCRIPTION_MAX),
    default_member_permissions: DISCORD_PERMISSIONS[command.permission].toString(),
    options:
      command.subcommands.length > 0
        ? command.subcommands.map((subcommand) => ({
            type: ApplicationCommandOptionType.Subcommand as const,
            name: subcommand.name,
            description: clipPlain(subcommand.description, COMMAND_DESCRIPTION_MAX),
            ...localized('description_localizations', subcommand.descriptionKey, COMMAND_DESCRIPTION_MAX),
            options: subcommand.options.map(teamOption),
          }))
        : command.options.map(teamOption),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
  };
}

/** The registration payload: one slash command per core command, the team commands, then the context-menu command. */
export function applicationCommands(commands: readonly Command[], limits?: OptionLimits, teamCommands: readonly TeamCommand[] = allTeamCommands): RESTPutAPIApplicationCommandsJSONBody {
  const slash = commands.map((command) => ({
    type: ApplicationCommandType.ChatInput as const,
    name: command.name,
    description: clipPlain(command.description, COMMAND_DESCRIPTION_MAX),
    ...localized('description_localizations', commandDescriptionKey(command.name), COMMAND_DESCRIPTION_MAX),
    // Discord wants required options first; the stable sort keeps the declared order otherwise.
    options: describeOptions(command.options, limits)
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map((option) => discordOption(option, command.name)),
    integration_types: INTEGRATION_TYPES,
    contexts: CONTEXTS,
  }));
  const lookup = {
    type: ApplicationCommandType.Message as const,
    name: LOOKUP_COMMAND_NAME,
    integration_types: INTEGRATION_TYPES,
    contexts: CONTEXTS,
  };
  return [...slash, ...teamCommands.map(teamApplicationCommand), lookup];
}
