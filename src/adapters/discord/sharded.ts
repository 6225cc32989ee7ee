/**
 * `npm run start:sharded`: the bot split over several gateway shards with discord.js's own
 * ShardingManager, one process per shard (shard.ts). Needed from about 2,500 servers (Discord
 * requires it) and useful well before to spread load. The shard count is DISCORD_SHARD_COUNT, or
 * "auto" (Discord's recommendation, asked through DISCORD_API_URL when set).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_ROOT, RUNNING_BUILT } from '../../paths.js';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../../config.js';
import { createLogger, type Logger } from '../../core/logger.js';
import { loadConfiguration, reportStartupFailure, StartupError } from '../../startup.js';
import { isShardStartFailure } from './shard-messages.js';

/** The entry file each shard process runs (through tsx). */
export const SHARD_ENTRY = path.join(CODE_ROOT, 'adapters', 'discord', RUNNING_BUILT ? 'shard.js' : 'shard.ts');

/** Discord's rule: at most one IDENTIFY per 5 seconds per bucket; discord.js's default spawn delay. */
const DEFAULT_SPAWN_DELAY_MS = 5_500;

export interface ShardedOptions {
  config: Config;
  logger: Logger;
  /** Pause between shard spawns (Discord rate-limits IDENTIFY). */
  spawnDelayMs?: number;
  /** How long one shard may take to become ready. */
  spawnTimeoutMs?: number;
  /** Extra environment for the shard processes (on top of this process's). */
  env?: Record<string, string>;
}

export interface ShardedBot {
  readonly manager: ShardingManager;
  stop(): Promise<void>;
}

/** How many shards: the configured number, or Discord's recommendation. */
export async function resolveShardCount(config: Config): Promise<number> {
  if (typeof config.DISCORD_SHARD_COUNT === 'number') return config.DISCORD_SHARD_COUNT;
  const rest = new REST({ version: '10', ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}) }).setToken(config.DISCORD_TOKEN ?? '');
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, gateway.shards);
}

/** Spawn every shard and resolve once all are ready. */
export async function startSharded(options: ShardedOptions): Promise<ShardedBot> {
  const { config, logger } = options;
  if (!config.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const totalShards = await resolveShardCount(config);
  const manager = new ShardingManager(SHARD_ENTRY, {
    token: config.DISCORD_TOKEN,
    totalShards,
    mode: 'process',
    // From the sources, each shard needs the TypeScript loader; the build runs as it is.
    execArgv: RUNNING_BUILT ? [] : ['--import', 'tsx'],
    respawn: true,
  });
  // Why a shard could not start, as its process told us (one line) before exiting.
  let shardFailure: string | undefined;
  let spawned = false;
  manager.on('shardCreate', (shard: Shard) => {
    // The shard's environment is built before it is spawned, so extra variables can join it here.
    if (options.env) Object.assign(shard.env as NodeJS.ProcessEnv, options.env);
    shard.on('message', (message: unknown) => {
      if (isShardStartFailure(message)) shardFailure ??= `shard ${shard.id}: ${message.line}`;
    });
    // A shard that dies during start-up is reported once, below, with its own reason.
    shard.on('death', () => {
      if (spawned) logger.warn('Discord shard process exited', { shard: shard.id });
    });
    shard.on('error', (error: Error) => logger.debug('Discord shard error', { shard: shard.id, error: error.message }));
    shard.on('ready', () => logger.info('Discord shard ready', { shard: shard.id, of: totalShards }));
  });
  logger.info(`Spawning ${totalShards} Discord shard(s)`);
  try {
    await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs ?? DEFAULT_SPAWN_DELAY_MS, timeout: options.spawnTimeoutMs ?? 60_000 });
    spawned = true;
  } catch (error) {
    manager.respawn = false;
    for (const shard of manager.shards.values()) if (shard.process && shard.process.exitCode === null) shard.kill();
    // The shard's own reason (a refused token) says more than the manager's "exited before ready".
    throw new StartupError(`Cannot start discord (sharded): ${shardFailure ?? messageOf(error)}`);
  }
  return {
    manager,
    async stop() {
      manager.respawn = false;
      await Promise.all(
        [...manager.shards.values()].map(
          (shard) =>
            new Promise<void>((resolve) => {
              if (!shard.process) return resolve();
              shard.process.once('exit', () => resolve());
              shard.kill();
            }),
        ),
      );
    },
  };
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

async function main(): Promise<number> {
  try {
    const config = loadConfiguration();
    if (!config.DISCORD_TOKEN) throw new StartupError('DISCORD_TOKEN is not set: sharding is for the Discord surface only');
    const logger = createLogger(config.LOG_LEVEL);
    let sharded: ShardedBot;
    try {
      sharded = await startSharded({ config, logger });
    } catch (error) {
      if (error instanceof StartupError) throw error;
      throw new StartupError(`Cannot start discord (sharded): ${messageOf(error)}`);
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', () => resolve());
      process.once('SIGTERM', () => resolve());
    });
    await sharded.stop();
    return 0;
  } catch (error) {
    return reportStartupFailure(error);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
  // A shard that is still being spawned must not keep a failed start alive.
  setTimeout(() => process.exit(), 2_000).unref();
}
