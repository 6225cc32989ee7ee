/**
 * The language a Slack user reads: `users.info` with `include_locale` (scope `users:read`), cached
 * per user, since Slack's slash-command and interaction payloads carry no locale. A look-up that
 * fails or is slow answers English now (the answer must be acknowledged within 3 s) and is cached
 * briefly, so a missing scope or a Slack hiccup never holds up or breaks an answer.
 */
import type { Logger } from '../../core/logger.js';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';
import { localeFromTag } from '../../i18n/negotiate.js';

import { SlackUsersInfo, type UsersInfoClient } from './users-info.js';

export type { UsersInfoClient } from './users-info.js';

export interface UserLocaleOptions {
  logger: Logger;
  /** How long a looked-up locale is kept (users rarely change it). */
  ttlMs?: number;
  /** How long a failed look-up answers English before asking again. */
  failureTtlMs?: number;
  /** How long an answer waits for users.info before going ahead in English. */
  waitMs?: number;
  /** Users remembered at most (least recently used forgotten first). */
  capacity?: number;
  now?: () => number;
  /** The users.info look-ups shared with the other readers of a user (one request for both facts). */
  usersInfo?: SlackUsersInfo;
}

/** Each user's locale, looked up once per TTL. */
export class SlackUserLocales {
  private readonly entries = new Map<string, { locale: Promise<Locale>; expires: number; known?: Locale }>();
  private readonly ttlMs: number;
  private readonly failureTtlMs: number;
  private readonly waitMs: number;
  private readonly capacity: number;
  private readonly now: () => number;
  private readonly usersInfo: SlackUsersInfo;

  constructor(private readonly options: UserLocaleOptions) {
    this.ttlMs = options.ttlMs ?? 6 * 60 * 60 * 1000;
    this.failureTtlMs = options.failureTtlMs ?? 60 * 1000;
    this.waitMs = options.waitMs ?? 1000;
    this.capacity = options.capacity ?? 10_000;
    this.now = options.now ?? Date.now;
    this.usersInfo = options.usersInfo ?? new SlackUsersInfo({ now: this.now });
  }

  /** The user's locale; English when Slack does not say, fails, or takes longer than waitMs. */
  async localeOf(client: UsersInfoClient, teamId: string | undefined, userId: string): Promise<Locale> {
    const key = `${teamId ?? ''}:${userId}`;
    const now = this.now();
    let entry = this.entries.get(key);
    if (entry && entry.expires > now) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    } else {
      const looking: { locale: Promise<Locale>; expires: number; known?: Locale } = { locale: this.lookUp(client, key, teamId, userId), expires: now + this.ttlMs };
      void looking.locale.then((locale) => (looking.known = locale));
      entry = looking;
      this.entries.set(key, entry);
      if (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<Locale>((resolve) => {
      timer = setTimeout(() => resolve(DEFAULT_LOCALE), this.waitMs);
    });
    try {
      return await Promise.race([entry.locale, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The user's locale if an earlier request looked it up and it is still fresh; undefined otherwise.
   * Never asks Slack: for a request that is refused (by a rate limit) rather than answered.
   */
  knownLocaleOf(teamId: string | undefined, userId: string): Locale | undefined {
    const entry = this.entries.get(`${teamId ?? ''}:${userId}`);
    return entry && entry.expires > this.now() ? entry.known : undefined;
  }

  private async lookUp(client: UsersInfoClient, key: string, teamId: string | undefined, userId: string): Promise<Locale> {
    try {
      const user = await this.usersInfo.get(client, teamId, userId, this.ttlMs);
      return localeFromTag(user.locale) ?? DEFAULT_LOCALE;
    } catch (error) {
      this.options.logger.debug('Slack: could not read a user’s locale; answering in English', { user: userId, error: error instanceof Error ? error.message : String(error) });
      const entry = this.entries.get(key);
      if (entry) entry.expires = Math.min(entry.expires, this.now() + this.failureTtlMs);
      return DEFAULT_LOCALE;
    }
  }
}
