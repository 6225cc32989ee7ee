/**
 * The entry file of one shard process, spawned by `npm run start:sharded` (ShardingManager). The
 * manager passes the shard ids and count in the environment (SHARDS, SHARD_COUNT), which discord.js
 * reads itself; the rest of the configuration comes from the same environment and `.env` as `npm start`.
 * Shards share nothing in memory: button state travels in each button's custom_id.
 */
import { config as loadDotenv } from 'dotenv';
import { ConfigError, parseConfig } from '../../config.js';
import { createLogger } from '../../core/logger.js';
import { DEFAULT_ENTRIES_DIR, loadLexicon } from '../../core/load-lexicon.js';
import { createDiscordBot } from './index.js';

loadDotenv({ quiet: true });

async function runShard(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const token = config.DISCORD_TOKEN;
  if (!token) {
    process.stderr.write('DISCORD_TOKEN is not set\n');
    process.exit(1);
  }
  // Connect while the index builds: interactions that arrive first are deferred, not dropped.
  const lexicon = loadLexicon(config.ENTRIES_DIR ?? DEFAULT_ENTRIES_DIR);
  const bot = createDiscordBot({ token, lexicon, logger, ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}) });
  const stop = () => void bot.stop().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  await lexicon;
  await bot.start();
}

await runShard();
