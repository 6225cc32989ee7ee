/**
 * Versioned migrations, in order, applied by Kysely's Migrator at start-up and by
 * `npm run db:migrate`. A migration, once released, is never edited: add the next one.
 */
import { Migrator, PostgresAdapter, sql, type Kysely, type Migration, type MigrationResultSet } from 'kysely';

/** The id column type: an auto-incremented integer on either engine. */
function idColumnType(db: Kysely<unknown>): 'integer' | 'bigserial' {
  return isPostgres(db) ? 'bigserial' : 'integer';
}

/** True when the database is PostgreSQL (the only place the two engines' DDL differs). */
function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('settings')
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('settings_pk', ['platform', 'scope', 'scope_id', 'name'])
        .execute();

      await db.schema
        .createTable('lookups')
        .addColumn('id', idColumnType(db), (c) => (isPostgres(db) ? c.primaryKey() : c.primaryKey().autoIncrement()))
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('surface', 'text', (c) => c.notNull())
        .addColumn('workspace_id', 'text')
        .addColumn('channel_id', 'text')
        .addColumn('user_id', 'text')
        .addColumn('command', 'text', (c) => c.notNull())
        .addColumn('query', 'text')
        .addColumn('reply_kind', 'text', (c) => c.notNull())
        .addColumn('entry_id', 'text')
        .addColumn('suggestions', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('latency_ms', 'double precision', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('lookups_at').on('lookups').column('at').execute();
      await db.schema.createIndex('lookups_workspace_at').on('lookups').columns(['workspace_id', 'at']).execute();

      await db.schema
        .createTable('slack_installations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('team_id', 'text')
        .addColumn('enterprise_id', 'text')
        .addColumn('is_enterprise_install', 'integer', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('processed_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('processed_events_expires').on('processed_events').column('expires_at').execute();
    },
    async down(db: Kysely<unknown>) {
      for (const table of ['processed_events', 'slack_installations', 'lookups', 'settings']) {
        await sql`drop table if exists ${sql.table(table)}`.execute(db);
      }
    },
  },
  '0002_rate_limits': {
    async up(db: Kysely<unknown>) {
      // Rate-limit counts shared by every instance on this database (one row per key and window).
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('reset_at', 'bigint', (c) => c.notNull())
        .addColumn('count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'reset_at'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await sql`drop table if exists rate_limits`.execute(db);
    },
  },
};

/**
 * The migrator over our migrations. On PostgreSQL its bookkeeping tables go in the connection's
 * current schema (search_path), as our tables do, so that several schemas of one database (one per
 * deployment, or per test) each keep their own migration history.
 */
export async function migratorFor(db: Kysely<unknown>): Promise<Migrator> {
  let migrationTableSchema: string | undefined;
  if (isPostgres(db)) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  return new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
}

/** A migration that failed, with the migration's name. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/**
 * True when the database has every migration applied already: one read of the migrator's table
 * (in the connection's current schema), so that a start against a current database takes no
 * migration lock and creates nothing. False when unsure (no table yet, an older database): the
 * migrator then runs as usual.
 */
export async function isSchemaCurrent(db: Kysely<unknown>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const applied = new Set(rows.map((row) => row.name));
    return Object.keys(MIGRATIONS).every((name) => applied.has(name));
  } catch {
    return false;
  }
}

/** Apply every pending migration; resolves to the names applied now (empty when up to date). */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  if (await isSchemaCurrent(db)) return [];
  const { error, results }: MigrationResultSet = await (await migratorFor(db)).migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new MigrationError(failed ? `database migration ${failed} failed: ${message}` : `database migrations could not run: ${message}`, { cause: error });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
