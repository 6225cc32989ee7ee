/**
 * The slash commands of the Slack app, derived from the one command list (`commands/`): a few
 * commands of their own (`/define`, `/translate`, `/cite`) and the umbrella `/lexicon <command> …`
 * that reaches every command (Slack reserves `/search`; a workspace may already own `/define`).
 * The manifest and the listeners are both built from this list, so they cannot disagree.
 */
import type { Command } from '../../core/command.js';
import { describeOptions } from '../../core/options.js';
import { commands as allCommands } from '../../../commands/index.js';

/** Commands that get a slash command of their own. */
export const DIRECT_COMMANDS = ['define', 'translate', 'cite'] as const;
/** The umbrella command. */
export const UMBRELLA_COMMAND = '/lexicon';

export interface SlashCommandSpec {
  /** As typed, with the slash: "/define". */
  command: string;
  /** One line for Slack's autocomplete (the manifest caps it; ours are short). */
  description: string;
  usageHint: string;
  /** The core command it runs, or undefined for the umbrella (the first word names it). */
  runs: string | undefined;
}

function usageHint(command: Command): string {
  return describeOptions(command.options)
    .filter((option) => option.kind !== 'visibility')
    .map((option) => (option.required ? `<${option.name}>` : `[${option.name}]`))
    .concat('[--public]')
    .join(' ');
}

/** The slash commands for a command list (the project's by default). */
export function slashCommands(commands: readonly Command[] = allCommands): SlashCommandSpec[] {
  const direct = DIRECT_COMMANDS.map((name) => {
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) throw new Error(`Slack slash command /${name} has no command "${name}" in commands/`);
    return { command: `/${name}`, description: command.description, usageHint: usageHint(command), runs: name };
  });
  const umbrella: SlashCommandSpec = {
    command: UMBRELLA_COMMAND,
    description: `Every lexicon command: ${commands.map((command) => command.name).join(', ')}`,
    usageHint: `<${commands.map((command) => command.name).join('|')}> …`,
    runs: undefined,
  };
  return [...direct, umbrella];
}

/** The command line a slash command's text stands for ("/define" + "trust" → "define trust"). */
export function commandLineFor(spec: SlashCommandSpec, text: string): string {
  if (spec.runs) return `${spec.runs} ${text}`;
  return text.trim() === '' ? 'help' : text;
}
