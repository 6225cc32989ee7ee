/**
 * Slack installs in many workspaces: Bolt's installer keeps each workspace's (or, on Enterprise
 * Grid, each organization's) installation in our store, and every request is answered with the token
 * of the installation it came from. An uninstall or a revoked bot token removes the installation, so
 * the next request from that workspace is refused.
 */
import type { App, Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import * as z from 'zod';
import { newErrorId } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { Store } from '../../core/store.js';

/** Where people start an install, and where Slack sends them back (Bolt's defaults, said once). */
export const INSTALL_PATH = '/slack/install';
export const OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** A workspace with no installation (never installed, or uninstalled): its requests are refused. */
export class NoInstallationError extends Error {
  override name = 'NoInstallationError';
}

/** What an installation must hold to answer requests; the rest of Bolt's object is kept as it is. */
const StoredInstallationSchema = z
  .object({
    team: z.object({ id: z.string() }).passthrough().optional(),
    enterprise: z.object({ id: z.string() }).passthrough().optional(),
    bot: z.object({ token: z.string().min(1), userId: z.string(), id: z.string(), scopes: z.array(z.string()) }).passthrough(),
    isEnterpriseInstall: z.boolean().optional(),
  })
  .passthrough();

/** The store's key of an installation or a query: the organization for an org-wide install, else the workspace. */
function keyOf(query: { teamId?: string | undefined; enterpriseId?: string | undefined; isEnterpriseInstall?: boolean | undefined }) {
  return { teamId: query.teamId ?? null, enterpriseId: query.enterpriseId ?? null, isEnterpriseInstall: query.isEnterpriseInstall === true };
}

/** Bolt's InstallationStore over our Store (SQLite or PostgreSQL, shared by every instance). */
export function storeInstallations(store: Pick<Store, 'saveInstallation' | 'findInstallation' | 'deleteInstallation'>): InstallationStore {
  return {
    async storeInstallation(installation) {
      if (!installation.bot?.token) throw new Error('the installation has no bot token (is the "bot" scope set requested?)');
      const isEnterpriseInstall = installation.isEnterpriseInstall === true;
      await store.saveInstallation({
        teamId: isEnterpriseInstall ? null : (installation.team?.id ?? null),
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall,
        data: JSON.stringify(installation),
      });
    },
    async fetchInstallation(query) {
      const key = keyOf(query);
      const found = await store.findInstallation(key);
      if (!found) throw new NoInstallationError(`no installation for ${describeKey(key)}`);
      const parsed = StoredInstallationSchema.safeParse(JSON.parse(found.data));
      if (!parsed.success) throw new Error(`the stored installation for ${describeKey(key)} is not usable: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      return parsed.data as unknown as Installation;
    },
    async deleteInstallation(query) {
      await store.deleteInstallation(keyOf(query));
    },
  };
}

function describeKey(key: ReturnType<typeof keyOf>): string {
  return key.isEnterpriseInstall ? `organization ${key.enterpriseId ?? '?'}` : `workspace ${key.teamId ?? '?'}${key.enterpriseId ? ` (organization ${key.enterpriseId})` : ''}`;
}

/**
 * `app_uninstalled` and `tokens_revoked` (bot tokens) remove the installation of the workspace or
 * organization they come from. Bolt delivers both without authorizing them (the token is gone).
 */
export function registerUninstallListeners(app: App, installations: InstallationStore, logger: Logger): void {
  const remove = async (reason: string, context: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): Promise<void> => {
    const query = {
      teamId: context.isEnterpriseInstall ? undefined : context.teamId,
      enterpriseId: context.enterpriseId,
      isEnterpriseInstall: context.isEnterpriseInstall === true,
    } as InstallationQuery<boolean>;
    try {
      await installations.deleteInstallation?.(query);
      logger.info(`Slack: installation removed (${reason})`, { teamId: query.teamId, enterpriseId: query.enterpriseId, orgWide: query.isEnterpriseInstall });
    } catch (error) {
      logger.error('Slack: could not remove an installation', { errorId: newErrorId(), reason, teamId: query.teamId, enterpriseId: query.enterpriseId, error });
    }
  };
  app.event('app_uninstalled', async ({ context }) => remove('app_uninstalled', context));
  app.event('tokens_revoked', async ({ event, context }) => {
    // Only the bot's token answers requests; revoked user tokens (we ask for none) change nothing.
    if ((event.tokens.bot ?? []).length > 0) await remove('tokens_revoked', context);
  });
}
