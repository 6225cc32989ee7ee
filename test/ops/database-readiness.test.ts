/**
 * /readyz asks the database, and /metrics shows the database's work: against a PostgreSQL server of
 * this test's own, stopped mid-test, and against the embedded SQLite store, closed mid-test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookupRecord, Store } from '../../src/core/store.js';
import { databaseProbe, Readiness, startOpsServer } from '../../src/ops/server.js';
import { measureStore } from '../../src/storage/measured-store.js';
import { openStore } from '../../src/storage/open.js';
import { findPostgresBin, startTempPostgres } from '../../src/storage/temp-postgres.js';
import { get, sample } from '../support/http-metrics.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
});

const LOOKUP: LookupRecord = {
  at: Date.now(),
  surface: 'discord',
  workspaceId: 'G1',
  channelId: 'C1',
  userId: null,
  command: 'define',
  query: 'empathy',
  replyKind: 'definition',
  entryId: 'empathy',
  suggestions: 0,
  latencyMs: 1,
};

/** The ops server with a database probe (a short timeout) over the measured store, as `npm start` wires it. */
async function opsOver(store: Store): Promise<string> {
  const readiness = new Readiness();
  readiness.add({ name: 'lexicon', ready: () => true });
  readiness.add(databaseProbe(store, 1500));
  const ops = await startOpsServer(readiness, 0, '127.0.0.1');
  cleanups.push(() => ops.close());
  return `http://127.0.0.1:${ops.port}`;
}

describe.skipIf(findPostgresBin() === undefined)('/readyz and /metrics over PostgreSQL', { timeout: 120_000 }, () => {
  it('is ready while the server answers, turns not ready when it stops, and counts the write that failed', async () => {
    const server = await startTempPostgres();
    cleanups.push(() => server.stop());
    const opened = await openStore({ databaseUrl: server.url, poolSize: 2 });
    cleanups.push(() => opened.close());
    const store = measureStore(opened);
    const base = await opsOver(store);

    const before = (await get(`${base}/metrics`)).text;
    await store.recordLookups([LOOKUP]);
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, checks: { lexicon: true, database: true } });
    const during = (await get(`${base}/metrics`)).text;
    expect(sample(during, 'lexicon_database_query_duration_seconds_count', { operation: 'recordLookups' })).toBe(
      sample(before, 'lexicon_database_query_duration_seconds_count', { operation: 'recordLookups' }) + 1,
    );
    expect(sample(during, 'lexicon_database_query_duration_seconds_count', { operation: 'ping' })).toBeGreaterThan(sample(before, 'lexicon_database_query_duration_seconds_count', { operation: 'ping' }));

    await server.stop();
    const notReady = await get(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.text)).toEqual({ ready: false, checks: { lexicon: true, database: false } });
    await expect(store.recordLookups([LOOKUP])).rejects.toThrow();
    const after = (await get(`${base}/metrics`)).text;
    expect(sample(after, 'lexicon_database_failed_writes_total', { operation: 'recordLookups' })).toBe(sample(during, 'lexicon_database_failed_writes_total', { operation: 'recordLookups' }) + 1);
  });
});

describe('/readyz and /metrics over the embedded SQLite store', () => {
  it('is ready while the store is open and turns not ready once it is closed; reads are timed', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lexicon-ready-'));
    cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
    const opened = await openStore({ dataDir });
    const store = measureStore(opened);
    const base = await opsOver(store);

    const before = (await get(`${base}/metrics`)).text;
    await store.getSettings({ kind: 'workspace', platform: 'discord', workspaceId: 'G1' });
    expect((await get(`${base}/readyz`)).status).toBe(200);
    const during = (await get(`${base}/metrics`)).text;
    expect(sample(during, 'lexicon_database_query_duration_seconds_count', { operation: 'getSettings' })).toBe(
      sample(before, 'lexicon_database_query_duration_seconds_count', { operation: 'getSettings' }) + 1,
    );

    await opened.close();
    const notReady = await get(`${base}/readyz`);
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.text)).toMatchObject({ checks: { database: false } });
    await expect(store.setSettings({ kind: 'workspace', platform: 'discord', workspaceId: 'G1' }, { language: 'ja' })).rejects.toThrow();
    expect(sample((await get(`${base}/metrics`)).text, 'lexicon_database_failed_writes_total', { operation: 'setSettings' })).toBe(
      sample(during, 'lexicon_database_failed_writes_total', { operation: 'setSettings' }) + 1,
    );
  });
});

describe('the database probe', () => {
  it('is not ready when the database does not answer within its time limit', async () => {
    const hanging = { ping: () => new Promise<void>(() => {}) };
    const started = Date.now();
    expect(await databaseProbe(hanging, 200).ready()).toBe(false);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
