/**
 * Runs a storage test against both engines: the embedded SQLite file in a temporary directory, and
 * a real PostgreSQL server (a database of its own per test file, dropped afterwards). Nothing is
 * mocked: both are the engines `npm start` uses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, inject } from 'vitest';
import type { StoreOptions } from '../../src/storage/open.js';

export type EngineName = 'sqlite' | 'postgresql';

/** How to open a fresh, empty store of one engine. */
export interface TestEngine {
  name: EngineName;
  /** Options for openStore/openDatabase pointing at a new empty database each call. */
  freshOptions(): Promise<StoreOptions>;
}

/** What the tests of this file created (databases, directories), removed after its last test. */
const cleanups: (() => Promise<void>)[] = [];
let cleanupRegistered = false;

/**
 * Remove what this file's tests created, once they are all done. describeEachEngine calls it; a
 * file using createPostgresDatabase directly calls it at its top level.
 */
export function cleanUpAfterAll(): void {
  if (cleanupRegistered) return;
  cleanupRegistered = true;
  afterAll(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });
}

/** The PostgreSQL server of this test run, or null (the PostgreSQL half is skipped then). */
export function postgresServerUrl(): string | null {
  return inject('postgresUrl');
}

/**
 * A new empty database on the test server: a schema of its own in the server's database, chosen
 * through search_path in the URL (creating a schema is instant; CREATE DATABASE copies a template
 * and takes seconds on a busy machine). Dropped when the file's tests are done.
 */
export async function createPostgresDatabase(serverUrl: string): Promise<string> {
  const name = `lexicon_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create schema ${name}`);
  } finally {
    await admin.end();
  }
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(`drop schema if exists ${name} cascade`);
    } finally {
      await client.end();
    }
  });
  const url = new URL(serverUrl);
  url.searchParams.set('options', `-c search_path=${name}`);
  return url.toString();
}

const sqliteEngine: TestEngine = {
  name: 'sqlite',
  async freshOptions() {
    const dataDir = mkdtempSync(join(tmpdir(), 'lexicon-sqlite-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    return { dataDir };
  },
};

function postgresEngine(serverUrl: string): TestEngine {
  return {
    name: 'postgresql',
    async freshOptions() {
      return { databaseUrl: await createPostgresDatabase(serverUrl) };
    },
  };
}

/**
 * `describe` the same tests once per engine. The PostgreSQL block is skipped only when the test
 * run has no server (the global set-up printed why).
 */
export function describeEachEngine(title: string, body: (engine: TestEngine) => void): void {
  cleanUpAfterAll();
  describe(`${title} [sqlite]`, () => body(sqliteEngine));
  const serverUrl = postgresServerUrl();
  describe.skipIf(serverUrl === null)(`${title} [postgresql]`, () => body(postgresEngine(serverUrl ?? 'postgres://unavailable')));
}
