/**
 * Every Slack listener, registered in one place (Bolt's habit): slash commands from the shared
 * list, buttons, the Home tab's search, the share shortcut with its modal and type-ahead, mentions
 * and the Home tab.
 */
import type { App } from '@slack/bolt';
import { ACTION_ID_PREFIX } from '../render.js';
import { ENTRY_PICK_ACTION_ID, HOME_SEARCH_ACTION_ID, SHARE_SHORTCUT_CALLBACK_ID, SHARE_VIEW_CALLBACK_ID } from '../ids.js';
import { slashCommands, type SlashCommandSpec } from '../slash-commands.js';
import { buttonListener, homeSearchListener } from './buttons.js';
import { slashCommandListener } from './commands.js';
import type { ListenerDeps } from './deps.js';
import { homeListener } from './home.js';
import { mentionListener } from './mention.js';
import { entryOptionsListener, shareShortcutListener, shareSubmissionListener } from './share.js';

export type { ListenerDeps } from './deps.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Register every listener on `app`; returns the slash commands it listens to. */
export function registerListeners(app: App, deps: ListenerDeps, specs: SlashCommandSpec[] = slashCommands()): SlashCommandSpec[] {
  for (const spec of specs) app.command(spec.command, slashCommandListener(deps, spec));
  app.action({ type: 'block_actions', action_id: new RegExp(`^${escapeRegExp(ACTION_ID_PREFIX)}`) }, buttonListener(deps));
  app.action({ type: 'block_actions', action_id: HOME_SEARCH_ACTION_ID }, homeSearchListener(deps));
  app.options({ type: 'block_suggestion', action_id: new RegExp(`^(${ENTRY_PICK_ACTION_ID}|${HOME_SEARCH_ACTION_ID})$`) }, entryOptionsListener(deps));
  app.shortcut({ type: 'message_action', callback_id: SHARE_SHORTCUT_CALLBACK_ID }, shareShortcutListener(deps));
  app.view({ type: 'view_submission', callback_id: SHARE_VIEW_CALLBACK_ID }, shareSubmissionListener(deps));
  app.event('app_mention', mentionListener(deps));
  app.event('app_home_opened', homeListener(deps));
  return specs;
}
