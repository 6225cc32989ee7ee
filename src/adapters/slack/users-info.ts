/**
 * Slack's `users.info` (with `include_locale`; scope `users:read`), asked once per user for a while
 * and shared by everything that needs a fact about the user: whether they are a workspace admin or
 * owner, and the language they read. Two facts, one request.
 */
import * as z from 'zod';

/** The part of Bolt's WebClient we call. */
export interface UsersInfoClient {
  users: { info(args: { user: string; include_locale: boolean }): Promise<unknown> };
}

const UsersInfoSchema = z.object({
  ok: z.literal(true),
  user: z.object({
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
    locale: z.string().optional(),
  }),
});

/** What we read of a Slack user. */
export type SlackUser = z.infer<typeof UsersInfoSchema>['user'];

export interface UsersInfoOptions {
  /** How long an answer is shared at most (default 1 minute; each reader keeps its own answer as long as it needs). */
  ttlMs?: number;
  /** Users remembered at most (oldest forgotten first). */
  capacity?: number;
  now?: () => number;
}

/** One `users.info` request per user per TTL; a request that fails is forgotten at once. */
export class SlackUsersInfo {
  private readonly entries = new Map<string, { user: Promise<SlackUser>; askedAt: number }>();
  private readonly ttlMs: number;
  private readonly capacity: number;
  private readonly now: () => number;

  constructor(options: UsersInfoOptions = {}) {
    this.ttlMs = options.ttlMs ?? 60 * 1000;
    this.capacity = options.capacity ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The user as Slack describes them, asked at most `maxAgeMs` ago (and within the TTL); rejects when
   * Slack fails or answers without a user.
   */
  get(client: UsersInfoClient, teamId: string | undefined, userId: string, maxAgeMs = this.ttlMs): Promise<SlackUser> {
    const key = `${teamId ?? ''}:${userId}`;
    const known = this.entries.get(key);
    if (known && this.now() - known.askedAt < Math.min(maxAgeMs, this.ttlMs)) return known.user;
    const user = client.users.info({ user: userId, include_locale: true }).then((answer) => {
      const parsed = UsersInfoSchema.safeParse(answer);
      if (!parsed.success) throw new Error('users.info answered without a user');
      return parsed.data.user;
    });
    user.catch(() => {
      if (this.entries.get(key)?.user === user) this.entries.delete(key);
    });
    this.entries.delete(key);
    this.entries.set(key, { user, askedAt: this.now() });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return user;
  }
}
