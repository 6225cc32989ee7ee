/**
 * The Discord surface: a discord.js gateway client that serves the lexicon's commands as slash
 * commands, autocomplete, buttons and a message context-menu command. It asks for the Guilds intent
 * only (no privileged intent) and turns every mention off by default.
 */
import { Client, Events, GatewayIntentBits, Options, Status, type ClientOptions, type Interaction } from 'discord.js';
import type { Config } from '../../config.js';
import type { Command } from '../../core/command.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger } from '../../core/logger.js';
import type { Surface, SurfaceStartOptions } from '../../core/surface.js';
import { commands as allCommands, teamCommands } from '../../../commands/index.js';
import type { TeamMemory } from '../../core/team-memory.js';
import { decodeActionState } from '../../core/action-state.js';
import { answerRequest } from '../../ops/requests.js';
import { measureDiscordHeartbeat } from '../../ops/metrics.js';
import { RateLimiter, rateLimitsFromConfig } from '../../ops/rate-limit.js';
import { createInteractionHandler } from './interactions.js';
import { refusedByRateLimit } from './rate-limits.js';
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
  /** Limits on requests and public posts; none when absent (`startDiscord` passes the configured ones). */
  rateLimiter?: RateLimiter;
  /** The web reading room that answers link to (no links without it). */
  readingRoom?: WebSettings;
  /** The team's store: settings applied, answers recorded, /settings and /stats served (none without it). */
  memory?: TeamMemory;
  /** STATS_RETENTION_DAYS, said in /stats (default 90). */
  retentionDays?: number;
}

/** A Discord bot not yet connected: `start()` logs in and resolves once ready. */
export interface DiscordBot {
  readonly client: Client;
  /** Every gateway shard of this process is connected and ready. */
  ready(): boolean;
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
    ...(options.memory ? { memory: options.memory, teamCommands } : {}),
    ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
  });
  // One request per interaction: its id is the error id a person would see; one log line when answered.
  const limiter = options.rateLimiter;
  client.on(
    Events.InteractionCreate,
    (interaction) =>
      void answerRequest(logger, 'discord', interactionName(interaction), async () => {
        if (limiter && (await refusedByRateLimit(interaction, limiter, logger))) return;
        await handle(interaction);
      }),
  );
  client.on(Events.Error, (error) => logger.error('Discord client error', { error }));
  client.on(Events.Warn, (message) => logger.warn(`Discord: ${message}`));
  client.on(Events.ShardReconnecting, (shardId) => logger.info('Discord shard reconnecting', { shardId }));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info('Discord shard resumed', { shardId, replayed }));

  let stopped = false;
  return {
    client,
    ready: () => client.ws.shards.size > 0 && client.ws.shards.every((shard) => shard.status === Status.Ready),
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

/** What an interaction asks, for the request log: `define`, `button:next`, `autocomplete:define`, `menu:Look up in lexicon`. */
function interactionName(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return interaction.commandName;
  if (interaction.isAutocomplete()) return `autocomplete:${interaction.commandName}`;
  if (interaction.isButton()) return `button:${decodeActionState(interaction.customId)?.kind ?? 'unknown'}`;
  if (interaction.isMessageContextMenuCommand()) return `menu:${interaction.commandName}`;
  return `interaction:${interaction.type}`;
}

/** `npm start` with DISCORD_TOKEN set: connect and serve until stopped. */
export async function startDiscord(config: Config, lexicon: Lexicon, logger: Logger, options: SurfaceStartOptions = {}): Promise<Surface> {
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
    rateLimiter: new RateLimiter(options.rateLimitCounter, rateLimitsFromConfig(config)),
    readingRoom: webSettings(config),
    ...(options.memory ? { memory: options.memory } : {}),
    retentionDays: config.STATS_RETENTION_DAYS,
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
  });
  try {
    await bot.start();
  } catch (error) {
    await bot.stop();
    throw error;
  }
  // The heartbeat round trip, for /metrics; read when scraped.
  measureDiscordHeartbeat(() => Math.max(0, bot.client.ws.ping) / 1000);
  return { name: 'discord', ready: () => bot.ready(), stop: () => bot.stop() };
}
