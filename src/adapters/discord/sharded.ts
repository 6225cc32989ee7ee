/**
 * `npm run start:sharded`: the bot split over several gateway shards with discord.js's own
 * ShardingManager, one process per shard (shard.ts). Needed from about 2,500 servers (Discord
 * requires it) and useful well before to spread load. The shard count is DISCORD_SHARD_COUNT, or
 * "auto" (Discord's recommendation, asked through DISCORD_API_URL when set).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { ConfigError, parseConfig, type Config } from '../../config.js';
import { createLogger, type Logger } from '../../core/logger.js';

/** The entry file each shard process runs (through tsx). */
export const SHARD_ENTRY = fileURLToPath(new URL('./shard.ts', import.meta.url));

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
    execArgv: ['--import', 'tsx'],
    respawn: true,
  });
  manager.on('shardCreate', (shard: Shard) => {
    // The shard's environment is built before it is spawned, so extra variables can join it here.
    if (options.env) Object.assign(shard.env as NodeJS.ProcessEnv, options.env);
    shard.on('death', () => logger.warn('Discord shard process exited', { shard: shard.id }));
    shard.on('ready', () => logger.info('Discord shard ready', { shard: shard.id, of: totalShards }));
  });
  logger.info(`Spawning ${totalShards} Discord shard(s)`);
  await manager.spawn({ amount: totalShards, delay: options.spawnDelayMs ?? DEFAULT_SPAWN_DELAY_MS, timeout: options.spawnTimeoutMs ?? 60_000 });
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

async function main(): Promise<number> {
  loadDotenv({ quiet: true });
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      return 1;
    }
    throw error;
  }
  if (!config.DISCORD_TOKEN) {
    process.stderr.write('DISCORD_TOKEN is not set: sharding is for the Discord surface only\n');
    return 1;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const sharded = await startSharded({ config, logger });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await sharded.stop();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main();
