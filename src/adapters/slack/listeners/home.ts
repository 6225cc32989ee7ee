/**
 * The App Home tab: published when the user opens it (the lexicon by contribution, a search box).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { reportFailure } from '../failure.js';
import { homeView } from '../views.js';
import { privateLocale, type ListenerDeps } from './deps.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export function homeListener(deps: ListenerDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      // The Home tab is the user's own: in their Slack locale.
      const locale = await privateLocale(deps, client, context.teamId, event.user);
      await client.views.publish({ user_id: event.user, view: homeView(deps.lexicon, locale) });
    } catch (error) {
      // There is nowhere to show an error on a tab that failed to publish: the log has it.
      reportFailure(deps.logger, 'home tab', error, { user: event.user });
    }
  };
}
