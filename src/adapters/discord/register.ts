/**
 * `npm run register`: registers the slash commands and the context-menu command with Discord, from
 * the same command list the bot serves. With DISCORD_GUILD_ID set it registers them in that guild
 * (instant, for development); otherwise globally (every server and user install).
 */
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { REST, Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { ConfigError, parseConfig } from '../../config.js';
import type { Command } from '../../core/command.js';
import { commands as allCommands } from '../../../commands/index.js';
import { applicationCommands } from './commands.js';
import { DEFAULT_ENTRIES_DIR, loadLexicon } from '../../core/load-lexicon.js';
import { resolveApplicationId } from './token.js';

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Register in this guild only (development); globally when absent. */
  guildId?: string;
  /** REST base URL, e.g. a proxy or a test's fake Discord. */
  api?: string;
  commands?: readonly Command[];
  /** The lexicon's highest footnote number, the upper bound of footnote options (none when absent). */
  footnoteCount?: number;
}

/** What Discord answered: the registered commands, with their ids. */
export interface RegisteredCommand {
  id: string;
  name: string;
  type: number;
}

/** PUT the whole command list (replacing what was registered before) and return what Discord holds. */
export async function registerCommands(options: RegisterOptions): Promise<{ scope: string; registered: RegisteredCommand[] }> {
  const rest = new REST({ version: '10', ...(options.api ? { api: options.api } : {}) }).setToken(options.token);
  const body: RESTPutAPIApplicationCommandsJSONBody = applicationCommands(options.commands ?? allCommands, options.footnoteCount === undefined ? undefined : { footnoteCount: options.footnoteCount });
  const route = options.guildId ? Routes.applicationGuildCommands(options.applicationId, options.guildId) : Routes.applicationCommands(options.applicationId);
  const registered = (await rest.put(route, { body })) as RegisteredCommand[];
  return { scope: options.guildId ? `guild ${options.guildId}` : 'global', registered };
}

const COMMAND_TYPE_NAMES: Record<number, string> = { 1: 'slash', 2: 'user menu', 3: 'message menu' };

/** The script: validate the configuration, register, print what was registered. */
export async function main(
  env: NodeJS.ProcessEnv = process.env,
  print: (line: string) => void = console.log,
  printError: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Promise<number> {
  let config;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      printError(error.message);
      return 1;
    }
    throw error;
  }
  if (!config.DISCORD_TOKEN) {
    printError('DISCORD_TOKEN is not set: put the bot token from the Developer Portal (Bot page) in .env');
    return 1;
  }
  try {
    const applicationId = resolveApplicationId(config.DISCORD_TOKEN, config.DISCORD_APPLICATION_ID);
    // Footnote options are bounded by the lexicon's own footnotes.
    const { footnoteCount } = await loadLexicon(config.ENTRIES_DIR ?? DEFAULT_ENTRIES_DIR);
    const { scope, registered } = await registerCommands({
      footnoteCount,
      token: config.DISCORD_TOKEN,
      applicationId,
      ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
      ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}),
    });
    print(`Registered ${registered.length} commands (${scope}) for application ${applicationId}:`);
    for (const command of registered) {
      const prefix = command.type === 1 ? '/' : '';
      print(`  ${prefix}${command.name}  [${COMMAND_TYPE_NAMES[command.type] ?? command.type}]`);
    }
    if (scope === 'global') print('Global commands can take a few minutes to appear in Discord clients.');
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    printError(`Registration failed: ${message.split('\n')[0]}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  loadDotenv({ quiet: true });
  process.exitCode = await main();
}
