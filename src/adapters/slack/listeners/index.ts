/**
 * Every Slack listener, registered in one place (Bolt's habit): slash commands from the shared
 * list, buttons, the Home tab's search, the share shortcut with its modal and type-ahead, mentions
 * and the Home tab.
 */
import type { App, BlockStaticSelectAction } from '@slack/bolt';
import { ACTION_ID_PREFIX } from '../render.js';
import { ENTRY_PICK_ACTION_ID, HOME_SEARCH_ACTION_ID, SETTING_ACTION_PREFIX, SHARE_SHORTCUT_CALLBACK_ID, SHARE_VIEW_CALLBACK_ID } from '../ids.js';
import { slashCommands, type SlashCommandSpec } from '../slash-commands.js';
import { buttonListener, homeSearchListener } from './buttons.js';
import { slashCommandListener, type SlashCommandArgs } from './commands.js';
import type { ListenerDeps } from './deps.js';
import { homeListener, homeSettingListener } from './home.js';
import { mentionListener } from './mention.js';
import { entryOptionsListener, shareShortcutListener, shareSubmissionListener } from './share.js';
import { linkSharedListener } from '../unfurl.js';

export type { CachedAnswer, ListenerDeps } from './deps.js';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Register every listener on `app`; returns the slash commands it listens to.
 *
 * Bolt runs every registered listener's matchers for every request (measured here at about 10 µs
 * per listener per request), so slash commands, the hot path, are answered by the first global
 * middleware, which stops there once it has answered; everything else goes on to the listeners.
 * Related listeners share one registration (all our buttons) and route inside.
 */
export function registerListeners(app: App, deps: ListenerDeps, specs: SlashCommandSpec[] = slashCommands()): SlashCommandSpec[] {
  const commandNames = new Set(specs.map((spec) => spec.command));
  const answerCommand = slashCommandListener(deps, specs);
  app.use(async (args) => {
    if ('command' in args && commandNames.has(args.command.command)) return answerCommand(args as SlashCommandArgs);
    await args.next();
  });
  const button = buttonListener(deps);
  const homeSearch = homeSearchListener(deps);
  app.action({ type: 'block_actions', action_id: new RegExp(`^(${escapeRegExp(ACTION_ID_PREFIX)}|${HOME_SEARCH_ACTION_ID}$)`) }, (args) =>
    args.action.action_id === HOME_SEARCH_ACTION_ID ? homeSearch(args) : button(args),
  );
  app.options({ type: 'block_suggestion', action_id: new RegExp(`^(${ENTRY_PICK_ACTION_ID}|${HOME_SEARCH_ACTION_ID})$`) }, entryOptionsListener(deps));
  app.shortcut({ type: 'message_action', callback_id: SHARE_SHORTCUT_CALLBACK_ID }, shareShortcutListener(deps));
  app.view({ type: 'view_submission', callback_id: SHARE_VIEW_CALLBACK_ID }, shareSubmissionListener(deps));
  app.event('app_mention', mentionListener(deps));
  app.event('app_home_opened', homeListener(deps));
  app.action<BlockStaticSelectAction>({ type: 'block_actions', action_id: new RegExp(`^${escapeRegExp(SETTING_ACTION_PREFIX)}`) }, homeSettingListener(deps));
  const readingRoom = deps.readingRoom;
  if (readingRoom) app.event('link_shared', linkSharedListener({ ...deps, readingRoom }));
  return specs;
}
