/**
 * The Store over Kysely: the same queries on SQLite (better-sqlite3) and PostgreSQL (node-postgres).
 * Only standard SQL both engines share is used (ON CONFLICT upserts, RETURNING, GROUP BY).
 */
import { sql, type Kysely } from 'kysely';
import type { Counted, LookupRecord, LookupStats, SettingName, SettingScope, SettingValues, Store, StoredInstallation } from '../core/store.js';
import type { Database } from './schema.js';
import { SettingValuesSchema } from '../core/settings.js';

const DAY_MS = 86_400_000;

/** The UTC day (YYYY-MM-DD) of a time. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** How a scope is keyed in the settings table. */
function scopeKey(scope: SettingScope): { platform: string; scope: string; scope_id: string } {
  switch (scope.kind) {
    case 'workspace':
      return { platform: scope.platform, scope: 'workspace', scope_id: scope.workspaceId };
    case 'channel':
      return { platform: scope.platform, scope: 'channel', scope_id: `${scope.workspaceId}/${scope.channelId}` };
    case 'user':
      return { platform: scope.platform, scope: 'user', scope_id: scope.userId };
  }
}

/** The key of an installation: the org for an org-wide install, else the workspace (within its org). */
export function installationId(key: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean }): string {
  if (key.isEnterpriseInstall && key.enterpriseId) return key.enterpriseId;
  if (!key.teamId) throw new Error('a workspace installation needs a team id');
  return key.enterpriseId ? `${key.enterpriseId}:${key.teamId}` : key.teamId;
}

/** A Store over an open, migrated Kysely database; `destroy` closes the engine. */
export class KyselyStore implements Store {
  constructor(
    private readonly db: Kysely<Database>,
    readonly description: string,
  ) {}

  async getSettings(scope: SettingScope): Promise<SettingValues> {
    const key = scopeKey(scope);
    const rows = await this.db
      .selectFrom('settings')
      .select(['name', 'value'])
      .where('platform', '=', key.platform)
      .where('scope', '=', key.scope)
      .where('scope_id', '=', key.scope_id)
      .execute();
    const raw: Record<string, unknown> = {};
    for (const row of rows) raw[row.name] = JSON.parse(row.value) as unknown;
    // A value some other version wrote that this one does not understand is ignored, not fatal.
    const parsed = SettingValuesSchema.safeParse(raw);
    return parsed.success ? parsed.data : {};
  }

  async setSettings(scope: SettingScope, values: { [K in SettingName]?: SettingValues[K] | null }): Promise<void> {
    const key = scopeKey(scope);
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      for (const [name, value] of Object.entries(values)) {
        if (value === undefined) continue;
        if (value === null) {
          await trx
            .deleteFrom('settings')
            .where('platform', '=', key.platform)
            .where('scope', '=', key.scope)
            .where('scope_id', '=', key.scope_id)
            .where('name', '=', name)
            .execute();
          continue;
        }
        await trx
          .insertInto('settings')
          .values({ ...key, name, value: JSON.stringify(value), updated_at: now })
          .onConflict((oc) =>
            oc.columns(['platform', 'scope', 'scope_id', 'name']).doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })),
          )
          .execute();
      }
    });
  }

  async recordLookups(records: readonly LookupRecord[]): Promise<void> {
    if (records.length === 0) return;
    const rows = records.map((record) => ({
      at: record.at,
      day: dayOf(record.at),
      surface: record.surface,
      workspace_id: record.workspaceId,
      channel_id: record.channelId,
      user_id: record.userId,
      command: record.command,
      query: record.query,
      reply_kind: record.replyKind,
      entry_id: record.entryId,
      suggestions: record.suggestions,
      latency_ms: record.latencyMs,
    }));
    // SQLite allows 32,766 bound parameters per statement: 12 columns × 500 rows stays well below.
    for (let start = 0; start < rows.length; start += 500) {
      await this.db.insertInto('lookups').values(rows.slice(start, start + 500)).execute();
    }
  }

  async lookupStats({ since, limit, workspaceId }: { since: number; limit: number; workspaceId?: string }): Promise<LookupStats> {
    const base = () => {
      let query = this.db.selectFrom('lookups').where('at', '>=', since);
      if (workspaceId !== undefined) query = query.where('workspace_id', '=', workspaceId);
      return query;
    };
    const counted = async (column: 'entry_id' | 'query', filter: (q: ReturnType<typeof base>) => ReturnType<typeof base>): Promise<Counted[]> => {
      const rows = await filter(base())
        .select((eb) => [eb.ref(column).as('key'), eb.fn.countAll().as('count')])
        .where(column, 'is not', null)
        .groupBy(column)
        .orderBy('count', 'desc')
        .orderBy(column)
        .limit(limit)
        .execute();
      return rows.map((row) => ({ key: String(row.key), count: Number(row.count) }));
    };

    const [totalRow, topEntries, topQueries, notFound, suggestionsOnly, days] = await Promise.all([
      base().select((eb) => eb.fn.countAll().as('count')).executeTakeFirst(),
      counted('entry_id', (q) => q),
      counted('query', (q) => q),
      counted('query', (q) => q.where('entry_id', 'is', null).where('suggestions', '=', 0).where('reply_kind', '=', 'no-match')),
      counted('query', (q) => q.where('entry_id', 'is', null).where('suggestions', '>', 0).where('reply_kind', 'not in', ['usage-error', 'error'])),
      base()
        .select((eb) => ['day', eb.fn.countAll().as('count')])
        .groupBy('day')
        .orderBy('day')
        .execute(),
    ]);

    const byDay = new Map(days.map((row) => [row.day, Number(row.count)]));
    const perDay: { day: string; count: number }[] = [];
    const today = Date.now();
    for (let at = Math.max(since, today - 365 * DAY_MS); dayOf(at) <= dayOf(today); at += DAY_MS) {
      perDay.push({ day: dayOf(at), count: byDay.get(dayOf(at)) ?? 0 });
    }
    return { since, total: Number(totalRow?.count ?? 0), topEntries, topQueries, notFound, suggestionsOnly, perDay };
  }

  async purgeLookups(before: number): Promise<number> {
    const result = await this.db.deleteFrom('lookups').where('at', '<', before).executeTakeFirst();
    // Expired event claims go at the same time: they are only kept as long as a retry can arrive.
    await this.db.deleteFrom('processed_events').where('expires_at', '<', Date.now()).execute();
    // So do the counts of rate-limit windows that are over.
    await this.db.deleteFrom('rate_limits').where('reset_at', '<=', Date.now()).execute();
    return Number(result.numDeletedRows);
  }

  async saveInstallation(installation: StoredInstallation): Promise<void> {
    const row = {
      id: installationId(installation),
      team_id: installation.teamId,
      enterprise_id: installation.enterpriseId,
      is_enterprise_install: installation.isEnterpriseInstall ? 1 : 0,
      data: installation.data,
      updated_at: Date.now(),
    };
    await this.db
      .insertInto('slack_installations')
      .values(row)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          team_id: eb.ref('excluded.team_id'),
          enterprise_id: eb.ref('excluded.enterprise_id'),
          is_enterprise_install: eb.ref('excluded.is_enterprise_install'),
          data: eb.ref('excluded.data'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }

  async findInstallation(key: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean }): Promise<StoredInstallation | undefined> {
    const row = await this.db.selectFrom('slack_installations').selectAll().where('id', '=', installationId(key)).executeTakeFirst();
    if (!row) return undefined;
    return { teamId: row.team_id, enterpriseId: row.enterprise_id, isEnterpriseInstall: row.is_enterprise_install === 1, data: row.data };
  }

  async deleteInstallation(key: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean }): Promise<void> {
    await this.db.deleteFrom('slack_installations').where('id', '=', installationId(key)).execute();
  }

  async claimEvent(id: string, ttlMs: number, now = Date.now()): Promise<boolean> {
    // Insert, or take over a claim that has expired; a live claim makes the update a no-op (no row back).
    const row = await this.db
      .insertInto('processed_events')
      .values({ id, expires_at: now + ttlMs })
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({ expires_at: eb.ref('excluded.expires_at') }))
          .where('processed_events.expires_at', '<=', now),
      )
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  }

  async hitRateLimit(key: string, windowMs: number, now = Date.now()): Promise<{ count: number; resetAt: number }> {
    const resetAt = Math.floor(now / windowMs) * windowMs + windowMs;
    // One statement: insert the window's first hit or add one to it, and read the count back.
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, reset_at: resetAt, count: 1 })
      .onConflict((oc) => oc.columns(['key', 'reset_at']).doUpdateSet((eb) => ({ count: eb('rate_limits.count', '+', 1) })))
      .returning('count')
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetAt };
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
