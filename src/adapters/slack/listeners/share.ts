/**
 * Sharing into a thread (slash commands cannot be used in threads): the message shortcut "Share
 * lexicon excerpt" opens a modal with a type-ahead entry picker; on submit the chosen definition,
 * with its footnotes and citation, is posted in that message's thread.
 */
import type {
  AllMiddlewareArgs,
  BlockSuggestion,
  MessageShortcut,
  SlackOptionsMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import * as z from 'zod';
import { dispatcher } from '../../../dispatcher.js';
import { answeredRequest } from '../../../core/answered.js';
import { DEFAULT_SETTINGS, preferencesOf } from '../../../core/settings.js';
import { createTranslator } from '../../../i18n/translator.js';
import { reportFailure, tellUser } from '../failure.js';
import { ENTRY_PICK_ACTION_ID, ENTRY_PICK_BLOCK_ID } from '../ids.js';
import { entryOptions, shareModal, type ShareTarget } from '../views.js';
import { publicMessage } from './answer.js';
import { privateLocale, type ListenerDeps } from './deps.js';

/** The shortcut: remember where to post (private_metadata) and open the picker. */
export function shareShortcutListener(deps: ListenerDeps) {
  return async ({ ack, shortcut, client, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs): Promise<void> => {
    await ack();
    try {
      const target: ShareTarget = { channel: shortcut.channel.id, threadTs: String(shortcut.message.thread_ts ?? shortcut.message.ts) };
      await client.views.open({ trigger_id: shortcut.trigger_id, view: shareModal(target, await privateLocale(deps, client, shortcut.team?.id ?? undefined, shortcut.user.id)) });
    } catch (error) {
      const text = reportFailure(deps.logger, 'share shortcut', error, { user: shortcut.user.id });
      await tellUser(deps.logger, 'share shortcut', () => respond({ response_type: 'ephemeral', text }));
    }
  };
}

/** Type-ahead options for the entry pickers (share modal and Home tab), from the core's search. */
export function entryOptionsListener(deps: ListenerDeps) {
  return async ({ ack, options }: SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs): Promise<void> => {
    const suggestion = options as BlockSuggestion;
    let found: ReturnType<typeof entryOptions> = [];
    try {
      found = entryOptions(deps.lexicon, suggestion.value ?? '');
    } catch (error) {
      reportFailure(deps.logger, 'entry type-ahead', error, { query: suggestion.value });
    }
    await ack({ options: found });
  };
}

const ShareTargetSchema = z.object({ channel: z.string().regex(/^[CDG][A-Z0-9]+$/), threadTs: z.string().regex(/^\d+\.\d+$/) });

/** Platform errors that mean "the bot may not post there": say how to fix it, in the modal. */
const NOT_ALLOWED = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** The modal submitted: post the chosen entry in the thread, or keep the modal open with the reason. */
export function shareSubmissionListener(deps: ListenerDeps) {
  return async ({ ack, view, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs): Promise<void> => {
    const fail = (message: string) => ack({ response_action: 'errors', errors: { [ENTRY_PICK_BLOCK_ID]: message } });
    try {
      const picked = view.state.values[ENTRY_PICK_BLOCK_ID]?.[ENTRY_PICK_ACTION_ID]?.selected_option?.value;
      if (!picked) return await fail('Pick an entry to share.');
      const target = ShareTargetSchema.safeParse(safeJson(view.private_metadata));
      if (!target.success) {
        deps.logger.warn('Slack share modal with unusable private_metadata', { metadata: view.private_metadata });
        return await fail('This form has expired; run the shortcut again on the message.');
      }
      const started = performance.now();
      const place = { platform: 'slack' as const, workspaceId: body.team?.id ?? null, channelId: target.data.channel, userId: body.user.id };
      const settings = deps.memory ? await deps.memory.settingsFor(place) : DEFAULT_SETTINGS;
      if (!settings.allowPublic) return await fail(createTranslator().t('settings.publicRefused'));
      const reply = dispatcher.dispatch(deps.lexicon, { command: 'define', options: { term: picked }, preferences: preferencesOf(settings) });
      try {
        await client.chat.postMessage({
          channel: target.data.channel,
          thread_ts: target.data.threadTs,
          unfurl_links: false,
          unfurl_media: false,
          ...publicMessage(deps.lexicon, reply, body.user.id, settings.citation, deps.links),
        });
        // The entry picked is recorded, never the text of the message it was shared on.
        deps.memory?.record(answeredRequest({ surface: 'slack', ...place }, 'share', {}, reply, performance.now() - started));
      } catch (error) {
        const code = platformError(error);
        if (code && NOT_ALLOWED.has(code)) {
          deps.logger.info('Slack share: not allowed to post in the channel', { code, channel: target.data.channel });
          return await fail('I cannot post in this conversation. Invite me first (/invite @lexicon), then share again.');
        }
        throw error;
      }
      await ack();
    } catch (error) {
      const text = reportFailure(deps.logger, 'share submission', error, { user: body.user.id });
      await tellUser(deps.logger, 'share submission', () => fail(text));
    }
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `error` code of a Slack platform error (WebClient's `data.error`), if it is one. */
export function platformError(error: unknown): string | undefined {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  return typeof data?.error === 'string' ? data.error : undefined;
}
