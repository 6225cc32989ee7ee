/**
 * The tables, as Kysely sees them. One schema for both engines: text, integers (int8 read as a
 * number on PostgreSQL) and doubles only, times as milliseconds since the epoch.
 */
import type { Generated } from 'kysely';

export interface SettingsTable {
  platform: string;
  /** workspace, channel or user */
  scope: string;
  /** The workspace id; `workspace/channel` for a channel; the user id for a user. */
  scope_id: string;
  name: string;
  /** JSON of the value. */
  value: string;
  updated_at: number;
}

export interface LookupsTable {
  id: Generated<number>;
  at: number;
  /** YYYY-MM-DD (UTC) of `at`, so both engines group by day the same way. */
  day: string;
  surface: string;
  workspace_id: string | null;
  channel_id: string | null;
  user_id: string | null;
  command: string;
  query: string | null;
  reply_kind: string;
  entry_id: string | null;
  suggestions: number;
  latency_ms: number;
}

export interface SlackInstallationsTable {
  /** `E…` for an org-wide install, `T…` (or `E…:T…`) for a workspace install. */
  id: string;
  team_id: string | null;
  enterprise_id: string | null;
  is_enterprise_install: number;
  data: string;
  updated_at: number;
}

export interface ProcessedEventsTable {
  id: string;
  expires_at: number;
}

/** Hits per rate-limit key and fixed window (migration 0002), shared by every instance on the store. */
export interface RateLimitsTable {
  key: string;
  /** When the window ends (ms since the epoch); with the key, the primary key. */
  reset_at: number;
  count: number;
}

export interface Database {
  settings: SettingsTable;
  lookups: LookupsTable;
  slack_installations: SlackInstallationsTable;
  processed_events: ProcessedEventsTable;
  rate_limits: RateLimitsTable;
}
