/**
 * Opens the store the configuration asks for: PostgreSQL when DATABASE_URL is set (every instance
 * shares it), otherwise an embedded SQLite file under DATA_DIR that needs no set-up. Pending
 * migrations are applied before the store is returned.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import type pg from 'pg';
import type { Store } from '../core/store.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations.js';
import type { Database } from './schema.js';

/**
 * The database drivers (CommonJS) are loaded only for the engine in use: the one-shot CLI recording
 * into SQLite does not wait for the PostgreSQL client to load, nor a PostgreSQL deployment for the
 * native SQLite module.
 */
const requireDriver = createRequire(import.meta.url);

/** The embedded database's file name inside DATA_DIR. */
export const SQLITE_FILE = 'lexicon.sqlite';

export interface StoreOptions {
  /** postgres://… ; when absent, the embedded SQLite file is used. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database (created if missing); `data` by default. */
  dataDir?: string | undefined;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** PostgreSQL pool size (default 10). */
  poolSize?: number;
}

/** A database that could not be opened or migrated; the message is one line for the operator. */
export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
}

/** The Kysely database for the options, not migrated; `engine` says which. */
export function openDatabase(options: StoreOptions): { db: Kysely<Database>; engine: 'sqlite' | 'postgresql'; description: string } {
  if (options.databaseUrl) {
    const url = new URL(options.databaseUrl);
    const driver = requireDriver('pg') as typeof pg;
    const pool = new driver.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // int8 (counts, times in ms) as numbers: our values stay far below 2^53.
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : driver.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
    });
    // An idle client losing its connection (server restart) must not crash the process.
    pool.on('error', () => {});
    const where = url.host ? `${url.host}${url.pathname}` : url.pathname;
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgresql', description: `postgresql (${where})` };
  }
  const dir = resolve(options.dataDir ?? 'data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SQLITE_FILE);
  const Sqlite = requireDriver('better-sqlite3') as typeof BetterSqlite3;
  const addon = sqliteAddon();
  const sqlite = addon === undefined ? new Sqlite(file) : new Sqlite(file, { nativeBinding: addon });
  // WAL: readers do not wait for the writer; NORMAL sync is durable across a process crash.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }), engine: 'sqlite', description: `sqlite (${file})` };
}

/**
 * The SQLite driver's compiled addon where `npm install` builds it, named directly: left to find it,
 * the driver (through the `bindings` package) tries a dozen paths first, most of opening the
 * one-shot CLI's database. Undefined when it is elsewhere (the driver then looks for it as usual).
 */
function sqliteAddon(): string | undefined {
  try {
    const addon = join(dirname(requireDriver.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    return existsSync(addon) ? addon : undefined;
  } catch {
    return undefined;
  }
}

/** Open and migrate the store; throws StoreOpenError with one line when that fails. */
export async function openStore(options: StoreOptions): Promise<Store> {
  let opened: ReturnType<typeof openDatabase>;
  try {
    opened = openDatabase(options);
  } catch (error) {
    throw new StoreOpenError(`cannot open the database: ${messageOf(error)}`, { cause: error });
  }
  try {
    if (options.migrate !== false) await migrateToLatest(opened.db as Kysely<unknown>);
  } catch (error) {
    await opened.db.destroy().catch(() => {});
    throw new StoreOpenError(`cannot prepare the database ${opened.description}: ${messageOf(error)}`, { cause: error });
  }
  return new KyselyStore(opened.db, opened.description);
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
