/**
 * The App Home tab: published when the user opens it (the lexicon by contribution, a search box).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { reportFailure } from '../failure.js';
import { homeView } from '../views.js';
import type { ListenerDeps } from './deps.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

export function homeListener(deps: ListenerDeps) {
  return async ({ event, client }: Args): Promise<void> => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: homeView(deps.lexicon) });
    } catch (error) {
      // There is nowhere to show an error on a tab that failed to publish: the log has it.
      reportFailure(deps.logger, 'home tab', error, { user: event.user });
    }
  };
}
