/**
 * Limits on abuse. Public posts (Post to channel, public answers, mentions, the share shortcut) are
 * limited per person and per channel, so nobody floods a channel through the bot; every request is
 * limited per person too, generously enough that no one typing notices. Over a limit, the person is
 * told privately when to try again.
 *
 * The counts live behind `RateLimitCounter`: in memory for one instance, or in a shared store so
 * that several instances behind a load balancer count together.
 */
import type { Store } from '../core/store.js';
import type { Logger } from '../core/logger.js';
import { currentRequest } from '../core/request-context.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { rateLimited } from './metrics.js';

/** Counts hits per key in fixed windows. */
export interface RateLimitCounter {
  /**
   * Count one hit on `key` in the current window of `windowMs`; resolve with the hits so far in
   * that window (this one included) and when the window ends (ms since the epoch).
   */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
}

/** The counter of one process: a count per key and window, forgotten once the window is over. */
export class InMemoryRateLimitCounter implements RateLimitCounter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const now = this.now();
    if (this.windows.size > 10_000) for (const [old, window] of this.windows) if (window.resetAt <= now) this.windows.delete(old);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: Math.floor(now / windowMs) * windowMs + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetAt: window.resetAt };
  }
}

/**
 * The counter of several instances on one store: each hit is one upsert in the store's
 * `rate_limits` table, so instances behind a load balancer count together. While the database
 * fails, hits are counted in this process's memory instead: the limits still hold per instance,
 * and no request fails because of its limit check.
 */
export class StoreRateLimitCounter implements RateLimitCounter {
  private readonly fallback: InMemoryRateLimitCounter;

  constructor(
    private readonly store: Pick<Store, 'hitRateLimit'>,
    private readonly now: () => number = Date.now,
  ) {
    this.fallback = new InMemoryRateLimitCounter(now);
  }

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    try {
      return await this.store.hitRateLimit(key, windowMs, this.now());
    } catch {
      return this.fallback.hit(key, windowMs);
    }
  }
}

/** How many of something per window; a limit of 0 turns it off. */
export interface Limit {
  limit: number;
  windowMs: number;
}

export interface RateLimits {
  /** Public posts by one person. */
  publicPerUser: Limit;
  /** Public posts into one channel, by everyone. */
  publicPerChannel: Limit;
  /** Every request by one person (generous). */
  requestsPerUser: Limit;
}

/** The defaults: a person may share 6 answers a minute, a channel receive 20, a person ask 120 things. */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  publicPerUser: { limit: 6, windowMs: 60_000 },
  publicPerChannel: { limit: 20, windowMs: 60_000 },
  requestsPerUser: { limit: 120, windowMs: 60_000 },
};

/** A refusal: which limit and how long until the person may try again. */
export interface OverLimit {
  limit: 'public-post' | 'request';
  scope: 'user' | 'channel';
  retryAfterSeconds: number;
}

/** What a person is told when over a limit, in their language. */
export function overLimitMessage(over: OverLimit, tr: Translator = createTranslator()): string {
  const seconds = over.retryAfterSeconds;
  if (over.limit === 'request') return tr.t('rateLimit.requests', { seconds });
  return over.scope === 'channel' ? tr.t('rateLimit.channelPosts', { seconds }) : tr.t('rateLimit.shares', { seconds });
}

/**
 * What every refusal does besides telling the person, on every surface: the request is marked
 * limited (its log line says so), the metric counts it, and one line says which limit.
 */
export function noteRefusal(over: OverLimit, logger: Logger): void {
  const request = currentRequest();
  if (request) request.limited = true;
  rateLimited.inc({ limit: over.limit, scope: over.scope });
  logger.info('rate limit: request refused', { limit: over.limit, scope: over.scope, retryAfterSeconds: over.retryAfterSeconds });
}

/** Checks requests against the limits; every check counts as a hit. */
export class RateLimiter {
  constructor(
    private readonly counter: RateLimitCounter = new InMemoryRateLimitCounter(),
    private readonly limits: RateLimits = DEFAULT_RATE_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** A request by `userId` (of any kind); undefined when it may go ahead. */
  async request(surface: string, userId: string | undefined): Promise<OverLimit | undefined> {
    if (!userId) return undefined;
    return this.check(`${surface}:request:user:${userId}`, this.limits.requestsPerUser, 'request', 'user');
  }

  /** A public post by `userId` into `channelId`; undefined when it may go ahead. */
  async publicPost(surface: string, userId: string | undefined, channelId: string | undefined): Promise<OverLimit | undefined> {
    const byUser = userId ? await this.check(`${surface}:public:user:${userId}`, this.limits.publicPerUser, 'public-post', 'user') : undefined;
    if (byUser) return byUser;
    return channelId ? this.check(`${surface}:public:channel:${channelId}`, this.limits.publicPerChannel, 'public-post', 'channel') : undefined;
  }

  private async check(key: string, { limit, windowMs }: Limit, kind: OverLimit['limit'], scope: OverLimit['scope']): Promise<OverLimit | undefined> {
    if (limit <= 0) return undefined;
    const { count, resetAt } = await this.counter.hit(key, windowMs);
    if (count <= limit) return undefined;
    return { limit: kind, scope, retryAfterSeconds: Math.max(1, Math.ceil((resetAt - this.now()) / 1000)) };
  }
}

/** The limits the configuration sets (per minute; 0 turns one off). */
export function rateLimitsFromConfig(config: { RATE_LIMIT_PUBLIC_PER_USER: number; RATE_LIMIT_PUBLIC_PER_CHANNEL: number; RATE_LIMIT_REQUESTS_PER_USER: number }): RateLimits {
  return {
    publicPerUser: { limit: config.RATE_LIMIT_PUBLIC_PER_USER, windowMs: 60_000 },
    publicPerChannel: { limit: config.RATE_LIMIT_PUBLIC_PER_CHANNEL, windowMs: 60_000 },
    requestsPerUser: { limit: config.RATE_LIMIT_REQUESTS_PER_USER, windowMs: 60_000 },
  };
}
