/**
 * Buttons and the Home tab's search box. A button's value is the encoded request it replays, so any
 * instance can serve the click. On an ephemeral answer: Post to channel (a public copy with who
 * shared it, then the private copy removed), Sources / Prev / Next / Define (the answer replaced).
 * In a view (Home tab, answer modal): the answer opens in, or replaces, a modal.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { decodeActionState } from '../../../core/action-state.js';
import { dispatch } from '../../../core/dispatch.js';
import { answerAction } from '../../../core/sources.js';
import type { CommandRequest, Reply } from '../../../core/reply.js';
import { reportFailure, tellUser } from '../failure.js';
import { VIEW_TITLE_MAX } from '../limits.js';
import { fitPlain } from '../mrkdwn.js';
import { renderReply } from '../render.js';
import { respondWithFallback } from '../respond-fallback.js';
import { answerModal } from '../views.js';
import { publicMessage } from './answer.js';
import type { ListenerDeps } from './deps.js';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

const STALE_BUTTON = 'This button is no longer valid (the bot was updated since). Ask again, e.g. /define empathy.';

/** Our buttons (action ids starting with `lx:`), wherever they sit. */
export function buttonListener(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, body, action } = args;
    // An expired response_url (clicks after 30 minutes) falls back to the Web API, and says so.
    const respond = respondWithFallback(args.respond, { client: args.client, channelId: body.channel?.id, userId: body.user.id, logger: deps.logger });
    await ack();
    try {
      const state = action.type === 'button' && action.value ? decodeActionState(action.value) : undefined;
      if (!state) {
        deps.logger.warn('Slack button with a value we cannot decode', { actionId: action.action_id });
        if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text: STALE_BUTTON });
        return;
      }
      // Replays the request; a Sources button turns the replayed page into its footnotes and how to cite it.
      const reply = answerAction(deps.lexicon, state);
      if (body.container.type === 'view') {
        await showInModal(args, reply);
      } else if (state.kind === 'share') {
        await respond({ response_type: 'in_channel', replace_original: false, ...publicMessage(deps.lexicon, reply, body.user.id) });
        await respond({ delete_original: true });
      } else {
        await respond({ response_type: 'ephemeral', replace_original: true, ...renderReply(reply) });
      }
    } catch (error) {
      await reportInContext(deps, args, reportFailure(deps.logger, `button ${action.action_id}`, error, { user: body.user.id }));
    }
  };
}

/** The Home tab's search box: the picked entry opens in a modal. */
export function homeSearchListener(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, body, action } = args;
    await ack();
    try {
      const value = action.type === 'external_select' ? action.selected_option?.value : undefined;
      if (!value) return;
      const request: CommandRequest = { command: 'define', options: { term: value } };
      await showInModal(args, dispatch(deps.lexicon, request));
    } catch (error) {
      await reportInContext(deps, args, reportFailure(deps.logger, 'home search', error, { user: body.user.id }));
    }
  };
}

/** Open the answer in a modal, or replace the modal the click came from. */
async function showInModal({ body, client }: Args, reply: Reply): Promise<void> {
  const view = answerModal(reply);
  if (body.view?.type === 'modal') await client.views.update({ view_id: body.view.id, view });
  else await client.views.open({ trigger_id: body.trigger_id, view });
}

/** Tell the user about a failure where they clicked: beside the message, or in a modal. */
async function reportInContext(deps: ListenerDeps, { body, respond, client }: Args, text: string): Promise<void> {
  await tellUser(deps.logger, 'button', async () => {
    if (body.response_url) return respond({ response_type: 'ephemeral', replace_original: false, text });
    return client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: fitPlain('Lexicon', VIEW_TITLE_MAX) },
        close: { type: 'plain_text', text: 'Close' },
        blocks: [{ type: 'section', text: { type: 'plain_text', text } }],
      },
    });
  });
}
