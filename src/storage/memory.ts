/**
 * The team memory as the configuration asks for it: the store opened and migrated, with the
 * recorder and purge settings from the environment.
 */
import type { Config } from '../config.js';
import type { Logger } from '../core/logger.js';
import { TeamMemory, type TeamMemoryOptions } from '../core/team-memory.js';
import { openStore } from './open.js';

/** Open the configured store (migrating it) and build the team memory over it. */
export async function openTeamMemory(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'STATS_USER_IDS' | 'STATS_RETENTION_DAYS'>,
  logger: Logger,
  overrides: Partial<Omit<TeamMemoryOptions, 'store' | 'logger'>> = {},
  options: { measured?: boolean } = {},
): Promise<TeamMemory> {
  const opened = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  logger.debug(`Storage: ${opened.description}`);
  // Measured for /metrics where there is one (`npm start`); the metrics client is loaded only then.
  const store = options.measured ? (await import('./measured-store.js')).measureStore(opened) : opened;
  return new TeamMemory({ store, logger, recordUserIds: config.STATS_USER_IDS, retentionDays: config.STATS_RETENTION_DAYS, ...overrides });
}
