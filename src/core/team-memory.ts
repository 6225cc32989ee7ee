/**
 * What surfaces use of the store: the settings in force for a request (read through a short cache,
 * and the defaults if the database fails, so the lookup is still answered), the recorder of answered
 * requests, and the periodic purge of old records. One per process, shared by every surface.
 */
import { newErrorId } from './errors.js';
import type { Logger } from './logger.js';
import { LookupRecorder, type AnsweredRequest } from './lookup-recorder.js';
import { resolveSettings, scopesOf, type EffectiveSettings, type Place, type SettingLayers } from './settings.js';
import type { LookupStats, SettingScope, SettingValues, Store } from './store.js';

const DAY_MS = 86_400_000;

export interface TeamMemoryOptions {
  store: Store;
  logger: Logger;
  recordUserIds: boolean;
  retentionDays: number;
  /** Turn recording off (the bench compares answers with and without it). */
  recording?: boolean;
  /** How long a place's settings are reused before being read again (default 2 s; 0: always read). */
  settingsTtlMs?: number;
  flushIntervalMs?: number;
  /** How long an answer waits for the settings before going ahead with the defaults (default 1 s). */
  settingsWaitMs?: number;
  /** How often old lookups are purged (default hourly; also once at start). */
  purgeIntervalMs?: number;
}

export class TeamMemory {
  readonly store: Store;
  readonly recorder: LookupRecorder | undefined;
  private readonly logger: Logger;
  private readonly settingsTtlMs: number;
  private readonly cache = new Map<string, { at: number; values: Promise<SettingValues> }>();
  private readonly purgeTimer: NodeJS.Timeout;
  private purging: Promise<number> = Promise.resolve(0);
  /** Settings reads that failed (the defaults were used). */
  failedReads = 0;

  constructor(private readonly options: TeamMemoryOptions) {
    this.store = options.store;
    this.logger = options.logger;
    this.settingsTtlMs = options.settingsTtlMs ?? 2000;
    this.recorder =
      options.recording === false
        ? undefined
        : new LookupRecorder({ store: options.store, logger: options.logger, recordUserIds: options.recordUserIds, ...(options.flushIntervalMs ? { flushIntervalMs: options.flushIntervalMs } : {}) });
    this.purgeTimer = setInterval(() => void this.purge(), options.purgeIntervalMs ?? 3_600_000);
    this.purgeTimer.unref();
    if (options.recording !== false) void this.purge();
  }

  /** Failed writes so far (lookups not recorded). */
  get failedWrites(): number {
    return this.recorder?.failedWrites ?? 0;
  }

  /** Record one answered request (returns at once). */
  record(request: AnsweredRequest): void {
    this.recorder?.record(request);
  }

  /** The settings in force at a place; the defaults (and a logged error id) if the database fails. */
  async settingsFor(place: Place): Promise<EffectiveSettings> {
    return resolveSettings(await this.settingLayers(place));
  }

  /**
   * The values stored at each scope of a place, read once for a request that resolves them more
   * than one way (the reader's settings, and the place's for a public post); none, and a logged
   * error id, if the database fails.
   */
  async settingLayers(place: Place): Promise<SettingLayers> {
    const scopes = scopesOf(place);
    let timer: NodeJS.Timeout | undefined;
    // A database that hangs must not hold up the answer (Discord and Slack want one within 3 s).
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from the database within ${this.options.settingsWaitMs ?? 1000} ms`)), this.options.settingsWaitMs ?? 1000);
    });
    try {
      const [workspace, channel, user] = await Promise.race([Promise.all([this.read(scopes.workspace), this.read(scopes.channel), this.read(scopes.user)]), late]);
      return { workspace, channel, user };
    } catch (error) {
      this.failedReads += 1;
      this.logger.error('Could not read settings; answering with the defaults', { errorId: newErrorId(), place, error });
      return {};
    } finally {
      clearTimeout(timer);
    }
  }

  /** The settings stored at exactly one scope (for `settings show`). */
  settingsAt(scope: SettingScope): Promise<SettingValues> {
    return this.store.getSettings(scope);
  }

  /** Change settings of a scope; the change applies at once on this instance, within the TTL on others. */
  async setSettings(scope: SettingScope, values: { [K in keyof SettingValues]?: SettingValues[K] | null }): Promise<void> {
    await this.store.setSettings(scope, values);
    this.cache.delete(JSON.stringify(scope));
  }

  stats(query: { since: number; limit: number; workspaceId?: string }): Promise<LookupStats> {
    return this.store.lookupStats(query);
  }

  /** Delete lookups older than the retention; failures are logged, not thrown. */
  purge(now = Date.now()): Promise<number> {
    // One purge at a time: the next waits for the one running.
    this.purging = this.purging.then(() =>
      this.store.purgeLookups(now - this.options.retentionDays * DAY_MS).catch((error: unknown) => {
        this.logger.error('Could not purge old lookups', { errorId: newErrorId(), error });
        return 0;
      }),
    );
    return this.purging;
  }

  /** Write what is waiting, stop the timers and close the store. */
  async close(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.purging;
    await this.recorder?.close();
    await this.store.close();
  }

  private read(scope: SettingScope | undefined): Promise<SettingValues> | undefined {
    if (!scope) return undefined;
    const key = JSON.stringify(scope);
    const now = Date.now();
    const cached = this.cache.get(key);
    if (cached && now - cached.at < this.settingsTtlMs) return cached.values;
    const values = this.store.getSettings(scope);
    if (this.settingsTtlMs > 0) {
      this.cache.set(key, { at: now, values });
      // A failed read is not remembered: the next request tries the database again.
      values.catch(() => this.cache.delete(key));
      if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    }
    return values;
  }
}
