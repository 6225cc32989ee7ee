/**
 * `npm run db:migrate`: apply pending migrations to the configured database (DATABASE_URL, else the
 * embedded file under DATA_DIR) and say what was applied. `npm start` does the same at start-up;
 * this is for operators who migrate before rolling out new instances.
 */
import { config as loadDotenv } from 'dotenv';
import type { Kysely } from 'kysely';
import { ConfigError, parseConfig } from '../config.js';
import { migrateToLatest } from './migrations.js';
import { openDatabase } from './open.js';

async function migrate(): Promise<number> {
  loadDotenv({ quiet: true });
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { db, description } = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  try {
    const applied = await migrateToLatest(db as Kysely<unknown>);
    process.stdout.write(applied.length > 0 ? `${description}: applied ${applied.join(', ')}\n` : `${description}: up to date\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`${description}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}

process.exitCode = await migrate();
