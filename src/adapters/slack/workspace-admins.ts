/**
 * Whether a Slack user is a workspace admin or owner (`users.info`: is_admin, is_owner,
 * is_primary_owner; scope `users:read`), for the commands over the team's store. Slack's payloads
 * do not say it, so it is asked of the Web API and the answer is kept a few minutes per user; an
 * answer Slack did not give is not kept (the next try asks again).
 */
import type { Logger } from '../../core/logger.js';
import { SlackUsersInfo, type UsersInfoClient } from './users-info.js';

export type { UsersInfoClient } from './users-info.js';


export interface WorkspaceAdminsOptions {
  logger: Logger;
  /** How long an answer is kept (default 5 minutes: a demoted admin loses access within that). */
  ttlMs?: number;
  /** Users remembered at most (oldest forgotten first). */
  capacity?: number;
  now?: () => number;
  /** The users.info look-ups shared with the other readers of a user (one request for both facts). */
  usersInfo?: SlackUsersInfo;
}

/** Each user's admin status, asked once per TTL. */
export class SlackWorkspaceAdmins {
  private readonly entries = new Map<string, { admin: boolean; expires: number }>();
  private readonly ttlMs: number;
  private readonly capacity: number;
  private readonly now: () => number;
  private readonly usersInfo: SlackUsersInfo;

  constructor(private readonly options: WorkspaceAdminsOptions) {
    this.ttlMs = options.ttlMs ?? 5 * 60 * 1000;
    this.capacity = options.capacity ?? 10_000;
    this.now = options.now ?? Date.now;
    this.usersInfo = options.usersInfo ?? new SlackUsersInfo({ now: this.now });
  }

  /** True for admins and owners, false for everyone else, undefined when Slack did not say. */
  async isAdmin(client: UsersInfoClient, teamId: string | undefined, userId: string): Promise<boolean | undefined> {
    const key = `${teamId ?? ''}:${userId}`;
    const known = this.entries.get(key);
    if (known && known.expires > this.now()) return known.admin;
    this.entries.delete(key);
    try {
      const { is_admin, is_owner, is_primary_owner } = await this.usersInfo.get(client, teamId, userId, this.ttlMs);
      const admin = is_admin === true || is_owner === true || is_primary_owner === true;
      this.entries.set(key, { admin, expires: this.now() + this.ttlMs });
      if (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      return admin;
    } catch (error) {
      this.options.logger.warn('Slack: could not tell whether a user is a workspace admin', { user: userId, error: error instanceof Error ? error.message : String(error) });
      return undefined;
    }
  }
}
