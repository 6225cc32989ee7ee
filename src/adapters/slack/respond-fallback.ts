/**
 * Answering through a `response_url` when it may have expired. Slack's response_url works for 30
 * minutes and five posts; a click on an older message would otherwise answer nothing. When the post
 * fails, the answer goes out through the Web API as the app's scopes allow: privately with
 * chat.postEphemeral (chat:write, the bot in the channel), else in the app's direct message with the
 * person (chat.postMessage to the user id); a public answer with chat.postMessage to the channel.
 * Each fallback says why the answer arrives as a new message.
 */
import type { AllMiddlewareArgs, RespondArguments, RespondFn, types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import type { Logger } from '../../core/logger.js';

/** What the person reads above an answer that could not replace or join the message they clicked. */
export const EXPIRED_RESPONSE_URL_NOTE = 'Slack no longer lets me update that message (its reply link expires after 30 minutes), so here is the answer as a new message.';

export interface FallbackTarget {
  client: AllMiddlewareArgs['client'];
  /** Where the click or command happened. */
  channelId: string | undefined;
  userId: string;
  /** The thread of the original message, to keep a public answer beside it. */
  threadTs?: string;
  logger: Logger;
}

/**
 * `respond`, falling back to the Web API when the response_url post fails. Deleting the original
 * has no fallback (an ephemeral message cannot be deleted through the API) and is skipped.
 */
export type Respond = (message: string | RespondArguments) => Promise<unknown>;

export function respondWithFallback(respond: RespondFn | undefined, target: FallbackTarget): Respond {
  return async (message) => {
    const args: RespondArguments = typeof message === 'string' ? { text: message } : message;
    if (respond) {
      try {
        return await respond(args);
      } catch (error) {
        target.logger.warn('Slack response_url post failed; answering through the Web API', { error: error instanceof Error ? error.message : String(error) });
      }
    }
    if (args.delete_original) return;
    await postInstead(args, target);
  };
}

async function postInstead(args: RespondArguments, { client, channelId, userId, threadTs, logger }: FallbackTarget): Promise<void> {
  const text = args.text ? `${EXPIRED_RESPONSE_URL_NOTE}\n\n${args.text}` : EXPIRED_RESPONSE_URL_NOTE;
  const original = 'blocks' in args && Array.isArray(args.blocks) ? (args.blocks as KnownBlock[]) : undefined;
  const note: KnownBlock = { type: 'context', elements: [{ type: 'mrkdwn', text: EXPIRED_RESPONSE_URL_NOTE }] };
  const blocks = original ? [note, ...original] : undefined;
  const content = { text, ...(blocks ? { blocks } : {}), unfurl_links: false, unfurl_media: false };
  if (args.response_type === 'in_channel' && channelId) {
    try {
      await client.chat.postMessage({ channel: channelId, ...(threadTs ? { thread_ts: threadTs } : {}), ...content });
      return;
    } catch (error) {
      logger.warn('Slack chat.postMessage fallback failed; telling the person privately', { error: error instanceof Error ? error.message : String(error) });
    }
  }
  if (channelId) {
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, ...content });
      return;
    } catch (error) {
      logger.warn('Slack chat.postEphemeral fallback failed; writing to the person directly', { error: error instanceof Error ? error.message : String(error) });
    }
  }
  // The app's direct message with the person: needs only chat:write.
  await client.chat.postMessage({ channel: userId, ...content });
}
