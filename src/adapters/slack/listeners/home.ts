/**
 * The App Home tab: published when the user opens it (the lexicon by contribution, a search box,
 * and the workspace's settings, as menus for admins and owners). A settings menu changed is
 * answered by one listener: checked again (users.info, cached), saved, and the tab published anew.
 */
import type { AllMiddlewareArgs, BlockStaticSelectAction, SlackActionMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { parseSettingAssignment, SETTINGS } from '../../../core/settings.js';
import type { SettingScope } from '../../../core/store.js';
import { reportFailure } from '../failure.js';
import { SETTING_ACTION_PREFIX } from '../ids.js';
import { homeView, type HomeSettings } from '../views.js';
import type { UsersInfoClient } from '../workspace-admins.js';
import { privateLocale, type ListenerDeps } from './deps.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;
type SettingArgs = SlackActionMiddlewareArgs<BlockStaticSelectAction> & AllMiddlewareArgs;

/** The workspace's settings for the tab, or undefined (the tab without them) when the store or Slack fails. */
async function homeSettings(deps: ListenerDeps, client: UsersInfoClient, teamId: string | undefined, userId: string): Promise<HomeSettings | undefined> {
  if (!deps.memory || !teamId) return undefined;
  try {
    const [values, admin] = await Promise.all([deps.memory.settingsAt({ kind: 'workspace', platform: 'slack', workspaceId: teamId }), deps.admins.isAdmin(client, teamId, userId)]);
    return { values, editable: admin === true };
  } catch (error) {
    reportFailure(deps.logger, 'home tab settings', error, { user: userId });
    return undefined;
  }
}

export function homeListener(deps: ListenerDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      // The Home tab is the user's own: in their Slack locale.
      const locale = await privateLocale(deps, client, context.teamId, event.user);
      const settings = await homeSettings(deps, client, context.teamId, event.user);
      await client.views.publish({ user_id: event.user, view: homeView(deps.lexicon, settings, locale) });
    } catch (error) {
      // There is nowhere to show an error on a tab that failed to publish: the log has it.
      reportFailure(deps.logger, 'home tab', error, { user: event.user });
    }
  };
}

/** A settings menu of the Home tab changed: an admin's choice is saved and the tab published anew. */
export function homeSettingListener(deps: ListenerDeps) {
  return async ({ ack, action, body, client, context }: SettingArgs): Promise<void> => {
    await ack();
    const teamId = context.teamId ?? body.team?.id;
    try {
      const name = action.action_id.slice(SETTING_ACTION_PREFIX.length);
      const setting = SETTINGS.find((candidate) => candidate.name === name);
      const word = action.selected_option?.value ?? '';
      if (!setting || !deps.memory || !teamId) return;
      if ((await deps.admins.isAdmin(client, teamId, body.user.id)) !== true) {
        deps.logger.info('Slack: settings change refused (not a workspace admin or owner)', { team: teamId, setting: name });
      } else {
        const scope: SettingScope = { kind: 'workspace', platform: 'slack', workspaceId: teamId };
        const parsed = word === 'default' ? { values: { [setting.name]: null } } : parseSettingAssignment(setting.name, word);
        if ('error' in parsed) deps.logger.warn('Slack: a settings menu sent a value we do not know', { setting: name });
        else await deps.memory.setSettings(scope, parsed.values);
      }
      const settings = await homeSettings(deps, client, teamId, body.user.id);
      const locale = await privateLocale(deps, client, teamId, body.user.id);
      await client.views.publish({ user_id: body.user.id, view: homeView(deps.lexicon, settings, locale) });
    } catch (error) {
      reportFailure(deps.logger, 'home tab settings change', error, { user: body.user.id });
    }
  };
}
