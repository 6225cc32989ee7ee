/**
 * The entry file of one shard process, spawned by `npm run start:sharded` (ShardingManager). The
 * manager passes the shard ids and count in the environment (SHARDS, SHARD_COUNT), which discord.js
 * reads itself; the rest of the configuration comes from the same environment and `.env` as `npm start`.
 * Shards share nothing in memory: button state travels in each button's custom_id.
 */
import { createLogger } from '../../core/logger.js';
import { loadConfiguration, loadStartupLexicon, oneLine, reportStartupFailure, StartupError } from '../../startup.js';
import { installProcessHandlers } from '../../process-handlers.js';
import { createDiscordBot } from './index.js';
import { shardStartFailure } from './shard-messages.js';

/** Fail the shard's start in one line: to the manager when there is one (it reports it), else on stderr. */
async function failShard(error: unknown): Promise<never> {
  const message = error instanceof StartupError ? error.message : error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  if (process.send) {
    await new Promise<void>((resolve) => process.send?.(shardStartFailure(oneLine(message)), undefined, {}, () => resolve()));
  } else {
    reportStartupFailure(error);
  }
  process.exit(1);
}

async function runShard(): Promise<void> {
  const config = loadConfiguration();
  const logger = createLogger(config.LOG_LEVEL);
  installProcessHandlers(logger);
  const token = config.DISCORD_TOKEN;
  if (!token) throw new StartupError('DISCORD_TOKEN is not set');
  // Connect while the index builds: interactions that arrive first are deferred, not dropped.
  const lexicon = loadStartupLexicon(config);
  const bot = createDiscordBot({ token, lexicon, logger, ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}) });
  const stop = () => void bot.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await lexicon;
  await bot.start();
}

await runShard().catch(failShard);
