/**
 * Vitest global set-up: one PostgreSQL server for the whole run, so every storage test also runs
 * against a real PostgreSQL. TEST_DATABASE_URL (as `.ci/run` exports it) is used when given;
 * otherwise a temporary server is started and stopped afterwards. When neither works, the
 * PostgreSQL half of the storage tests is skipped, and this says why, once.
 */
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startTempPostgres, type TempPostgres } from '../../src/storage/temp-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL whose user may create databases; null when none could be had. */
    postgresUrl: string | null;
  }
}

async function reachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  await client.end();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let server: TempPostgres | undefined;
  let url: string | null = null;
  const given = process.env.TEST_DATABASE_URL?.trim();
  try {
    if (given) {
      await reachable(given);
      url = given;
    } else {
      server = await startTempPostgres();
      url = server.url;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `\n[storage tests] SKIPPING the PostgreSQL half of the storage tests: ${given ? `TEST_DATABASE_URL is not reachable (${reason})` : `no PostgreSQL server could be started (${reason})`}.\n` +
        '[storage tests] Install PostgreSQL (Debian: apt-get install postgresql) or set TEST_DATABASE_URL=postgres://… to run them.\n\n',
    );
  }
  project.provide('postgresUrl', url);
  return async () => {
    await server?.stop();
  };
}
