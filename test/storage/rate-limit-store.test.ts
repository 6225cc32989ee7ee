/**
 * Rate limits shared through the store: two instances (two stores, each with its own connection,
 * on one database) count together, on the embedded SQLite and on a real PostgreSQL server.
 */
import { afterEach, expect, it } from 'vitest';
import type { Store } from '../../src/core/store.js';
import { RateLimiter, StoreRateLimitCounter, type RateLimits } from '../../src/ops/rate-limit.js';
import { sql } from 'kysely';
import { migrateToLatest } from '../../src/storage/migrations.js';
import { openDatabase, openStore } from '../../src/storage/open.js';
import { describeEachEngine } from '../support/engines.js';

const LIMITS: RateLimits = {
  publicPerUser: { limit: 3, windowMs: 60_000 },
  publicPerChannel: { limit: 100, windowMs: 60_000 },
  requestsPerUser: { limit: 1_000, windowMs: 60_000 },
};

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => {});
});

describeEachEngine('rate limits counted in the store', (engine) => {
  it('two instances on one database share a person\'s limit, and a new window starts again', async () => {
    const options = await engine.freshOptions();
    const [first, second] = [await openStore(options), await openStore(options)];
    opened.push(first, second);
    let now = 1_000_000;
    const clock = () => now;
    const instanceA = new RateLimiter(new StoreRateLimitCounter(first, clock), LIMITS, clock);
    const instanceB = new RateLimiter(new StoreRateLimitCounter(second, clock), LIMITS, clock);

    expect(await instanceA.publicPost('slack', 'U1', 'C1')).toBeUndefined();
    expect(await instanceB.publicPost('slack', 'U1', 'C1')).toBeUndefined();
    expect(await instanceA.publicPost('slack', 'U1', 'C1')).toBeUndefined();
    // The fourth post, on the other instance: over the limit of 3 counted across both.
    expect(await instanceB.publicPost('slack', 'U1', 'C1')).toEqual({ limit: 'public-post', scope: 'user', retryAfterSeconds: 20 });
    // Someone else is served.
    expect(await instanceB.publicPost('slack', 'U2', 'C1')).toBeUndefined();
    // The next window.
    now = 1_020_000;
    expect(await instanceA.publicPost('slack', 'U1', 'C1')).toBeUndefined();
  });

  it('counts hits arriving at once on both instances exactly', async () => {
    const options = await engine.freshOptions();
    const [first, second] = [await openStore(options), await openStore(options)];
    opened.push(first, second);
    const now = 5_000_000;
    const hits = await Promise.all(Array.from({ length: 20 }, (_, index) => (index % 2 === 0 ? first : second).hitRateLimit('burst', 60_000, now)));
    expect(hits.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
    expect(new Set(hits.map((hit) => hit.resetAt))).toEqual(new Set([5_040_000]));
  });

  it('forgets windows that are over when old records are purged', async () => {
    const store = await openStore(await engine.freshOptions());
    opened.push(store);
    await store.hitRateLimit('old', 1_000, Date.now() - 10_000);
    await store.purgeLookups(0);
    expect((await store.hitRateLimit('old', 1_000, Date.now() - 10_000)).count).toBe(1);
  });

  it('migrates a database made before the rate-limit table (0001 only) when it opens', async () => {
    const options = await engine.freshOptions();
    const { db } = openDatabase(options);
    try {
      await migrateToLatest(db as never);
      // As a database of the previous release: 0002 neither applied nor recorded.
      await sql`drop table rate_limits`.execute(db);
      await sql`delete from kysely_migration where name = '0002_rate_limits'`.execute(db);
    } finally {
      await db.destroy();
    }
    const store = await openStore(options);
    opened.push(store);
    expect((await store.hitRateLimit('after-upgrade', 60_000)).count).toBe(1);
  });

  it('keeps limiting in memory while the database fails, rather than failing the request', async () => {
    const store = await openStore(await engine.freshOptions());
    await store.close();
    const limiter = new RateLimiter(new StoreRateLimitCounter(store), { ...LIMITS, publicPerUser: { limit: 1, windowMs: 60_000 } });
    expect(await limiter.publicPost('discord', 'U1', 'C1')).toBeUndefined();
    expect(await limiter.publicPost('discord', 'U1', 'C1')).toMatchObject({ limit: 'public-post', scope: 'user' });
  });
});
