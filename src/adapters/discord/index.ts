/**
 * The Discord surface: a discord.js gateway client that serves the lexicon's commands as slash
 * commands, autocomplete, buttons and a message context-menu command. It asks for the Guilds intent
 * only (no privileged intent) and turns every mention off by default.
 */
import { Client, Events, GatewayIntentBits, Options, Status, type ClientOptions } from 'discord.js';
import { discordMode, type Config } from '../../config.js';
import type { Command } from '../../core/command.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger } from '../../core/logger.js';
import type { Surface, SurfaceStartOptions } from '../../core/surface.js';
import type { TeamMemory } from '../../core/team-memory.js';
import { measureDiscordHeartbeat } from '../../ops/metrics.js';
import { RateLimiter, rateLimitsFromConfig } from '../../ops/rate-limit.js';
import { InMemoryEventDeduper, eventDeduper, type EventDeduper } from '../../core/event-dedupe.js';
import { webSettings, type WebSettings } from '../../web/access.js';
import { createInteractionsEndpoint, INTERACTIONS_PATH } from './http-interactions.js';
import { interactionListener } from './listener.js';
import { NO_MENTIONS } from './render.js';
import { applicationIdFromToken } from './token.js';

export { applicationCommands, LOOKUP_COMMAND_NAME } from './commands.js';
export { renderReply } from './render.js';
export { interactionListener, type InteractionListenerOptions } from './listener.js';
export { createInteractionsEndpoint, INTERACTIONS_PATH } from './http-interactions.js';

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
  /** Remembers interaction ids, so one delivered twice is answered once (in memory by default; the store across instances). */
  deduper?: EventDeduper;
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
  const listener = interactionListener({ ...options, deduper: options.deduper ?? new InMemoryEventDeduper() });
  client.on(Events.InteractionCreate, (interaction) => void listener(interaction));
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

/**
 * `npm start` with DISCORD_TOKEN set: connect to the gateway and serve until stopped; with
 * DISCORD_PUBLIC_KEY set: serve the HTTP interactions endpoint instead (no gateway connection).
 */
export async function startDiscord(config: Config, lexicon: Lexicon, logger: Logger, options: SurfaceStartOptions = {}): Promise<Surface> {
  // An interaction delivered twice (to two instances, or twice to one) is answered once.
  const deduper = eventDeduper(options.memory?.store, logger, 'discord');
  // Settings applied, answers recorded, /settings and /stats served from the team's store.
  const team = { ...(options.memory ? { memory: options.memory } : {}), retentionDays: config.STATS_RETENTION_DAYS };
  const rateLimiter = new RateLimiter(options.rateLimitCounter, rateLimitsFromConfig(config));
  const rest = config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : undefined;
  // Answers link to the reading room only where people can reach it.
  const readingRoom = config.WEB_PUBLIC_URL ? { readingRoom: webSettings(config) } : {};
  if (discordMode(config) === 'http' && config.DISCORD_PUBLIC_KEY) {
    const endpoint = createInteractionsEndpoint({ publicKey: config.DISCORD_PUBLIC_KEY, lexicon, logger, deduper, rateLimiter, ...readingRoom, ...team, ...(rest ? { rest } : {}) });
    const port = await endpoint.listen(config.DISCORD_INTERACTIONS_PORT);
    const name = `discord (http :${port}${INTERACTIONS_PATH})`;
    logger.info(`Discord interactions endpoint listening: ${name}`);
    return { name, ready: () => endpoint.ready(), stop: () => endpoint.close() };
  }
  const token = config.DISCORD_TOKEN;
  if (!token) throw new Error('DISCORD_TOKEN is not set');
  const fromToken = applicationIdFromToken(token);
  if (config.DISCORD_APPLICATION_ID && fromToken && fromToken !== config.DISCORD_APPLICATION_ID) {
    logger.warn('DISCORD_APPLICATION_ID differs from the application id in DISCORD_TOKEN; is the token from another application?');
  }
  const bot = createDiscordBot({ token, lexicon, logger, rateLimiter, deduper, ...readingRoom, ...team, ...(rest ? { rest } : {}) });
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
