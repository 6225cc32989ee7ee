import { afterEach, beforeEach, expect, it } from 'vitest';
import type { LookupRecord, Store } from '../../src/core/store.js';
import { openDatabase, openStore, type StoreOptions } from '../../src/storage/open.js';
import { migrateToLatest } from '../../src/storage/migrations.js';
import { describeEachEngine } from '../support/engines.js';

const DAY = 86_400_000;

function lookup(overrides: Partial<LookupRecord>): LookupRecord {
  return {
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
    latencyMs: 1.5,
    ...overrides,
  };
}

describeEachEngine('store', (engine) => {
  let options: StoreOptions;
  let store: Store;
  beforeEach(async () => {
    options = await engine.freshOptions();
    store = await openStore(options);
  });
  afterEach(async () => {
    await store.close();
  });

  it('applies the migrations once: reopening the same database has nothing left to apply', async () => {
    const { db } = openDatabase(options);
    try {
      expect(await migrateToLatest(db as never)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('keeps settings per scope, and a channel of one workspace apart from the same channel id in another', async () => {
    await store.setSettings({ kind: 'workspace', platform: 'discord', workspaceId: 'G1' }, { language: 'ja', allowPublic: false });
    await store.setSettings({ kind: 'channel', platform: 'discord', workspaceId: 'G1', channelId: 'C1' }, { visibility: 'public', citation: 'apa' });
    await store.setSettings({ kind: 'user', platform: 'slack', userId: 'U1' }, { language: 'ko' });

    expect(await store.getSettings({ kind: 'workspace', platform: 'discord', workspaceId: 'G1' })).toEqual({ language: 'ja', allowPublic: false });
    expect(await store.getSettings({ kind: 'channel', platform: 'discord', workspaceId: 'G1', channelId: 'C1' })).toEqual({ visibility: 'public', citation: 'apa' });
    expect(await store.getSettings({ kind: 'channel', platform: 'discord', workspaceId: 'G2', channelId: 'C1' })).toEqual({});
    expect(await store.getSettings({ kind: 'workspace', platform: 'slack', workspaceId: 'G1' })).toEqual({});
    expect(await store.getSettings({ kind: 'user', platform: 'slack', userId: 'U1' })).toEqual({ language: 'ko' });
  });

  it('overwrites a setting in place and clears it with null', async () => {
    const scope = { kind: 'workspace', platform: 'slack', workspaceId: 'T1' } as const;
    await store.setSettings(scope, { language: 'ja', citation: 'apa' });
    await store.setSettings(scope, { language: 'zh' });
    expect(await store.getSettings(scope)).toEqual({ language: 'zh', citation: 'apa' });
    await store.setSettings(scope, { language: null });
    expect(await store.getSettings(scope)).toEqual({ citation: 'apa' });
  });

  it('keeps what it stored when the database is opened again', async () => {
    await store.setSettings({ kind: 'workspace', platform: 'discord', workspaceId: 'G9' }, { visibility: 'public' });
    await store.recordLookups([lookup({})]);
    await store.close();
    store = await openStore(options);
    expect(await store.getSettings({ kind: 'workspace', platform: 'discord', workspaceId: 'G9' })).toEqual({ visibility: 'public' });
    expect((await store.lookupStats({ since: 0, limit: 10 })).total).toBe(1);
  });

  it('counts what was looked up: entries, queries, queries that found nothing, and those with suggestions only', async () => {
    const now = Date.now();
    await store.recordLookups([
      lookup({ query: 'empathy', entryId: 'empathy' }),
      lookup({ query: 'empathy', entryId: 'empathy' }),
      lookup({ query: 'empathey', entryId: 'empathy' }),
      lookup({ command: 'translate', query: 'trust', entryId: 'trust', replyKind: 'translation' }),
      lookup({ query: 'frobnicate', entryId: null, replyKind: 'no-match', suggestions: 0 }),
      lookup({ query: 'frobnicate', entryId: null, replyKind: 'no-match', suggestions: 0 }),
      lookup({ query: 'confid', entryId: null, replyKind: 'no-match', suggestions: 3 }),
      lookup({ query: 'old', at: now - 40 * DAY }),
      lookup({ query: 'elsewhere', workspaceId: 'G2' }),
    ]);
    const stats = await store.lookupStats({ since: now - 30 * DAY, limit: 10 });
    expect(stats.total).toBe(8);
    expect(stats.topEntries.slice(0, 2)).toEqual([
      { key: 'empathy', count: 4 },
      { key: 'trust', count: 1 },
    ]);
    expect(stats.topQueries[0]).toEqual({ key: 'empathy', count: 2 });
    expect(stats.topQueries).toContainEqual({ key: 'frobnicate', count: 2 });
    expect(stats.notFound).toEqual([{ key: 'frobnicate', count: 2 }]);
    expect(stats.suggestionsOnly).toEqual([{ key: 'confid', count: 1 }]);
    expect(stats.perDay.length).toBe(31);
    expect(stats.perDay.at(-1)).toEqual({ day: new Date(now).toISOString().slice(0, 10), count: 8 });
    expect(stats.perDay.slice(0, -1).every((day) => day.count === 0)).toBe(true);

    const one = await store.lookupStats({ since: now - 30 * DAY, limit: 10, workspaceId: 'G2' });
    expect(one.total).toBe(1);
    expect(one.topQueries).toEqual([{ key: 'elsewhere', count: 1 }]);
  });

  it('records a large batch in one call', async () => {
    await store.recordLookups(Array.from({ length: 1234 }, (_, i) => lookup({ query: `q${i % 7}` })));
    expect((await store.lookupStats({ since: 0, limit: 3 })).total).toBe(1234);
  });

  it('purges lookups older than the retention and keeps the rest', async () => {
    const now = Date.now();
    await store.recordLookups([lookup({ at: now - 100 * DAY }), lookup({ at: now - 91 * DAY }), lookup({ at: now - DAY })]);
    expect(await store.purgeLookups(now - 90 * DAY)).toBe(2);
    expect((await store.lookupStats({ since: 0, limit: 10 })).total).toBe(1);
  });

  it('stores, finds and deletes Slack installations, workspace and org-wide', async () => {
    const team = { teamId: 'T1', enterpriseId: null, isEnterpriseInstall: false };
    const org = { teamId: null, enterpriseId: 'E1', isEnterpriseInstall: true };
    await store.saveInstallation({ ...team, data: '{"bot":{"token":"xoxb-1"}}' });
    await store.saveInstallation({ ...org, data: '{"bot":{"token":"xoxb-org"}}' });
    await store.saveInstallation({ ...team, data: '{"bot":{"token":"xoxb-2"}}' });
    expect((await store.findInstallation(team))?.data).toBe('{"bot":{"token":"xoxb-2"}}');
    expect(await store.findInstallation(org)).toEqual({ ...org, data: '{"bot":{"token":"xoxb-org"}}' });
    expect(await store.findInstallation({ teamId: 'T2', enterpriseId: null, isEnterpriseInstall: false })).toBeUndefined();
    await store.deleteInstallation(team);
    expect(await store.findInstallation(team)).toBeUndefined();
    expect(await store.findInstallation(org)).toBeDefined();
  });

  it('lets one claim of an event win, until the claim expires', async () => {
    const now = 1_000_000;
    expect(await store.claimEvent('slack:Ev1', 60_000, now)).toBe(true);
    expect(await store.claimEvent('slack:Ev1', 60_000, now + 1)).toBe(false);
    expect(await store.claimEvent('slack:Ev2', 60_000, now + 1)).toBe(true);
    expect(await store.claimEvent('slack:Ev1', 60_000, now + 60_001)).toBe(true);
  });

  it('lets exactly one of two stores on the same database claim an event claimed by both at once', async () => {
    const other = await openStore(options);
    try {
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? store : other).claimEvent('discord:123', 60_000)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
