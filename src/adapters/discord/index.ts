/**
 * The Discord surface: a discord.js gateway client that serves the lexicon's commands as slash
 * commands, autocomplete, buttons and a message context-menu command. It asks for the Guilds intent
 * only (no privileged intent) and turns every mention off by default.
 */
import { Client, Events, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import type { Config } from '../../config.js';
import type { Command } from '../../core/command.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger } from '../../core/logger.js';
import type { Surface } from '../../core/surface.js';
import { commands as allCommands } from '../../../commands/index.js';
import { createInteractionHandler } from './interactions.js';
import { webSettings, type WebSettings } from '../../web/access.js';
import { NO_MENTIONS } from './render.js';
import { applicationIdFromToken } from './token.js';

export { applicationCommands, LOOKUP_COMMAND_NAME } from './commands.js';
export { renderReply } from './render.js';

/** How long to wait for the gateway to become ready before giving up on start. */
const READY_TIMEOUT_MS = 60_000;

export interface DiscordBotOptions {
  token: string;
  /** The lexicon, or its loading (interactions that arrive first are deferred). */
  lexicon: Lexicon | Promise<Lexicon>;
  logger: Logger;
  /** The commands to serve; the project's command list by default. */
  commands?: readonly Command[];
  /** REST settings: `api` is the base URL (a REST proxy, or a test's fake Discord). */
  rest?: { api?: string; globalRequestsPerSecond?: number };
  /** Gateway settings passed to discord.js (e.g. `large_threshold`). */
  ws?: ClientOptions['ws'];
  /** Shard ids this process runs, and the total; read from the ShardingManager's environment by default. */
  shards?: number[] | 'auto';
  shardCount?: number;
  /** Answers remembered per request (default 500; 0 turns the cache off, e.g. to measure). */
  answerCacheSize?: number;
  /** The web reading room that answers link to (no links without it). */
  readingRoom?: WebSettings;
}

/** A Discord bot not yet connected: `start()` logs in and resolves once ready. */
export interface DiscordBot {
  readonly client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Build the bot: a discord.js Client wired to the lexicon's commands. */
export function createDiscordBot(options: DiscordBotOptions): DiscordBot {
  const { logger } = options;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { ...NO_MENTIONS, repliedUser: false },
    // The bot reads no message history: do not keep messages or members it is sent.
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, GuildMemberManager: 0, UserManager: 0, PresenceManager: 0 }),
    ...(options.rest ? { rest: options.rest } : {}),
    ...(options.ws ? { ws: options.ws } : {}),
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
  });
  const handle = createInteractionHandler({
    lexicon: options.lexicon,
    ...(options.readingRoom ? { readingRoom: options.readingRoom } : {}),
    commands: options.commands ?? allCommands,
    logger,
    ...(options.answerCacheSize !== undefined ? { answerCacheSize: options.answerCacheSize } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => void handle(interaction));
  client.on(Events.Error, (error) => logger.error('Discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn(`Discord: ${message}`));
  client.on(Events.ShardReconnecting, (shardId) => logger.info('Discord shard reconnecting', { shardId }));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info('Discord shard resumed', { shardId, replayed }));

  let stopped = false;
  return {
    client,
    async start() {
      const ready = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the Discord gateway was not ready within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);
        client.once(Events.ClientReady, () => {
          clearTimeout(timer);
          resolve();
        });
      });
      await client.login(options.token);
      await ready;
      logger.info('Discord ready', { user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.options.shards });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await client.destroy();
    },
  };
}

/** `npm start` with DISCORD_TOKEN set: connect and serve until stopped. */
export async function startDiscord(config: Config, lexicon: Lexicon, logger: Logger): Promise<Surface> {
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const fromToken = applicationIdFromToken(token);
  if (config.DISCORD_APPLICATION_ID && fromToken && fromToken !== config.DISCORD_APPLICATION_ID) {
    logger.warn('DISCORD_APPLICATION_ID differs from the application id in DISCORD_TOKEN; is the token from another application?');
  }
  const bot = createDiscordBot({
    token,
    lexicon,
    logger,
    readingRoom: webSettings(config),
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  try {
    await bot.start();
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return { name: 'discord', stop: () => bot.stop() };
}
