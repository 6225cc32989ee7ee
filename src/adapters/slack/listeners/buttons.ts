/**
 * Buttons and the Home tab's search box. A button's value is the encoded request it replays, so any
 * instance can serve the click. Post to channel posts a public copy with who shared it and removes
 * the private copy; Prev / Next replace the message (a public one only for who asked; anyone else
 * gets a private copy); Sources and the other buttons answer privately. In a view (Home tab, answer
 * modal): the answer opens in, or replaces, a modal.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerButton } from '../../../core/buttons.js';
import { answeredRequest } from '../../../core/answered.js';
import { resolveSettings } from '../../../core/settings.js';
import { createTranslator } from '../../../i18n/translator.js';
import { dispatcher } from '../../../dispatcher.js';
import type { CommandRequest, Reply } from '../../../core/reply.js';
import { reportFailure, tellUser } from '../failure.js';
import { VIEW_TITLE_MAX } from '../limits.js';
import { fitPlain } from '../mrkdwn.js';
import { respondWithFallback } from '../respond-fallback.js';
import { askedByOf, renderReply, slackProse } from '../render.js';
import { answerModal } from '../views.js';
import { publicMessage } from './answer.js';
import { privateLocale, publicLocale, type ListenerDeps } from './deps.js';
import { withoutShare } from '../../../core/buttons.js';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/**
 * Our buttons (action ids starting with `lx:`), wherever they sit. Every click is answered by the
 * core's one button path; this only carries out its answer in Slack's terms.
 */
export function buttonListener(deps: ListenerDeps) {
  return async (args: Args): Promise<void> => {
    const { ack, body, action } = args;
    // An expired response_url (clicks after 30 minutes) falls back to the Web API, and says so.
    const respond = respondWithFallback(args.respond, { client: args.client, channelId: body.channel?.id, userId: body.user.id, logger: deps.logger });
    await ack();
    const started = performance.now();
    try {
      const state = action.type === 'button' ? action.value ?? '' : '';
      const inView = body.container.type === 'view';
      const isPublic = !inView && body.container.is_ephemeral !== true;
      const teamId = body.team?.id ?? undefined;
      const place = { platform: 'slack' as const, workspaceId: body.team?.id ?? null, channelId: body.channel?.id ?? null, userId: body.user.id };
      // Read once: the clicker's language, the channel's, and whether public posting is allowed.
      const layers = deps.memory ? await deps.memory.settingLayers(place) : {};
      const mine = await privateLocale(deps, args.client, teamId, body.user.id, layers);
      const theirs = await publicLocale(deps, teamId, body.channel?.id, layers);
      const answer = answerButton(dispatcher, deps.lexicon, {
        state,
        clickerId: body.user.id,
        message: isPublic ? { visibility: 'public', askedBy: askedByOf(action.block_id) } : { visibility: 'private' },
        locale: mine,
      });
      // What goes on a public message is written in the channel's language, the rest in the clicker's.
      const inPublicLocale = (reply: Reply): Reply => (mine === theirs ? reply : withoutShare(dispatcher.dispatch(deps.lexicon, { ...reply.request, locale: theirs })));
      if (answer.action === 'notice') {
        deps.logger.info('Slack button out of date', { actionId: action.action_id });
        const text = slackProse(answer.text);
        if (inView) await showNoticeInModal(args, text);
        else if (body.response_url) await respond({ response_type: 'ephemeral', replace_original: false, text });
        return;
      }
      deps.memory?.record(answeredRequest({ surface: 'slack', ...place }, answer.reply.request.command, {}, answer.reply, performance.now() - started));
      if (inView) {
        await showInModal(args, answer.reply);
        return;
      }
      switch (answer.action) {
        case 'post':
          if (!resolveSettings(layers).allowPublic) {
            await respond({ response_type: 'ephemeral', replace_original: false, text: createTranslator(mine).t('settings.publicRefused') });
            return;
          }
          await respond({ response_type: 'in_channel', replace_original: false, ...publicMessage(deps.lexicon, inPublicLocale(answer.reply), body.user.id, undefined, deps.links) });
          // The private copy goes: it cannot post twice.
          await respond({ delete_original: true });
          return;
        case 'replace':
          if (isPublic) await respond({ response_type: 'in_channel', replace_original: true, ...publicMessage(deps.lexicon, inPublicLocale(answer.reply), body.user.id, undefined, deps.links) });
          else await respond({ response_type: 'ephemeral', replace_original: true, ...renderReply(answer.reply, { links: deps.links }) });
          return;
        case 'private':
          await respond({ response_type: 'ephemeral', replace_original: false, ...renderReply(answer.reply, { links: deps.links }) });
          return;
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
      const locale = await privateLocale(deps, args.client, body.team?.id ?? undefined, body.user.id);
      await showInModal(args, dispatcher.dispatch(deps.lexicon, { ...request, locale }));
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

/** A short notice in the modal the click came from. */
async function showNoticeInModal({ body, client }: Args, text: string): Promise<void> {
  const view = noticeModal(text);
  if (body.view?.type === 'modal') await client.views.update({ view_id: body.view.id, view });
  else await client.views.open({ trigger_id: body.trigger_id, view });
}

function noticeModal(text: string) {
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: fitPlain('Lexicon', VIEW_TITLE_MAX) },
    close: { type: 'plain_text' as const, text: 'Close' },
    blocks: [{ type: 'section' as const, text: { type: 'plain_text' as const, text } }],
  };
}

/** Tell the user about a failure where they clicked: beside the message, or in a modal. */
async function reportInContext(deps: ListenerDeps, { body, respond, client }: Args, text: string): Promise<void> {
  await tellUser(deps.logger, 'button', async () => {
    if (body.response_url) return respond({ response_type: 'ephemeral', replace_original: false, text });
    return client.views.open({ trigger_id: body.trigger_id, view: noticeModal(text) });
  });
}
