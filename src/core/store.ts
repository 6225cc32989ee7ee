/**
 * What the bot remembers, as the core sees it: settings per workspace, channel and user, the record
 * of what people looked up, Slack installations, and which platform events were already handled.
 * Commands and adapters use this interface only; the SQL behind it lives in `src/storage/`, one
 * implementation over both engines (embedded SQLite and PostgreSQL).
 */

/** The chat platforms that keep settings and installations. */
export type Platform = 'discord' | 'slack' | 'console';

/** Where a setting applies: a whole Discord server / Slack workspace, one channel, or one user. */
export type SettingScope =
  | { kind: 'workspace'; platform: Platform; workspaceId: string }
  | { kind: 'channel'; platform: Platform; workspaceId: string; channelId: string }
  | { kind: 'user'; platform: Platform; userId: string };

/** The settings a team can choose, by name. */
export interface SettingValues {
  /** Translations show this language first (zh, ja, ko). */
  language?: 'zh' | 'ja' | 'ko';
  /** Answers are posted privately (only the asker sees them) or publicly. */
  visibility?: 'private' | 'public';
  /** How /cite and shared answers cite the document. */
  citation?: 'chicago' | 'apa';
  /** Whether answers may be posted publicly at all in this place. */
  allowPublic?: boolean;
  /** The bot's own words (headings, labels, help) in this language; the document stays in English. */
  uiLanguage?: 'en' | 'zh-CN' | 'zh-TW' | 'ja' | 'ko';
}

export type SettingName = keyof SettingValues;

/** One answered request, as recorded for the curators' statistics. */
export interface LookupRecord {
  /** When it was answered (ms since the epoch). */
  at: number;
  /** discord, slack, console, cli, discord-http… */
  surface: string;
  workspaceId: string | null;
  channelId: string | null;
  /** Only when STATS_USER_IDS=true; null otherwise. */
  userId: string | null;
  command: string;
  /** The normalized query (lower case, single spaces); null for commands without one, and never message text. */
  query: string | null;
  replyKind: string;
  entryId: string | null;
  /** How many suggestions the reply offered (a no-match or an ambiguous term). */
  suggestions: number;
  latencyMs: number;
}

/** A count of something looked up. */
export interface Counted {
  key: string;
  count: number;
}

/** What people looked for since a time: the figures behind `stats`. */
export interface LookupStats {
  since: number;
  total: number;
  topEntries: Counted[];
  topQueries: Counted[];
  /** Queries that found nothing at all. */
  notFound: Counted[];
  /** Queries answered with suggestions only ("did you mean"). */
  suggestionsOnly: Counted[];
  /** Lookups per UTC day, oldest first, days without lookups included as 0. */
  perDay: { day: string; count: number }[];
}

/** A stored Slack installation (Bolt's Installation object, kept whole as JSON). */
export interface StoredInstallation {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  /** Bolt's Installation, as JSON text. */
  data: string;
}

/** The storage interface; every method may reject (the callers decide what a failure means). */
export interface Store {
  /** "sqlite (data/lexicon.sqlite)" or "postgresql (host/db)", for logs. */
  readonly description: string;

  getSettings(scope: SettingScope): Promise<SettingValues>;
  /** Set (or, with undefined, clear) some settings of one scope. */
  setSettings(scope: SettingScope, values: { [K in SettingName]?: SettingValues[K] | null }): Promise<void>;

  recordLookups(records: readonly LookupRecord[]): Promise<void>;
  lookupStats(query: { since: number; limit: number; workspaceId?: string }): Promise<LookupStats>;
  /** Delete lookups older than `before`; resolves to how many went. */
  purgeLookups(before: number): Promise<number>;

  saveInstallation(installation: StoredInstallation): Promise<void>;
  findInstallation(key: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean }): Promise<StoredInstallation | undefined>;
  deleteInstallation(key: { teamId: string | null; enterpriseId: string | null; isEnterpriseInstall: boolean }): Promise<void>;

  /**
   * Claim an event id (a Slack event retried, an interaction delivered twice): true for the first
   * claim of that id within `ttlMs`, false for every later one, across every instance on this store.
   */
  claimEvent(id: string, ttlMs: number, now?: number): Promise<boolean>;

  /**
   * Count one hit on a rate-limit key in the fixed window of `windowMs` that holds `now`; resolves
   * with the hits in that window so far (this one included) and when it ends. Every instance on
   * this store counts together.
   */
  hitRateLimit(key: string, windowMs: number, now?: number): Promise<{ count: number; resetAt: number }>;

  /** A trivial query (for /readyz): resolves when the database answers, rejects otherwise. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
