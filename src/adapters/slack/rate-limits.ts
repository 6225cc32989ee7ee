/**
 * The rate limits on Slack: every request counts against the person's generous limit; public posts
 * (a slash command with --public or public by the channel's or workspace's setting, Post to
 * channel, a mention, the share shortcut's post) also
 * against the person's and the channel's. Over a limit, the person is told privately when to try
 * again and nothing is posted.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { decodeActionState } from '../../core/action-state.js';
import type { Logger } from '../../core/logger.js';
import { noteRefusal, overLimitMessage, type OverLimit, type RateLimiter } from '../../ops/rate-limit.js';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';
import { createTranslator } from '../../i18n/translator.js';
import { ENTRY_PICK_BLOCK_ID } from './ids.js';

type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

interface SlackBody {
  type?: string;
  team_id?: string;
  team?: { id?: string } | null;
  command?: string;
  text?: string;
  user_id?: string;
  channel_id?: string;
  user?: { id?: string };
  channel?: { id?: string };
  container?: { channel_id?: string };
  actions?: { value?: string }[];
  event?: { type?: string; user?: string; channel?: string; ts?: string; thread_ts?: string };
  view?: { private_metadata?: string };
}

/** Who asks, where, and whether the request would post for everyone to see. */
function describe(body: SlackBody): { userId?: string; channelId?: string; isPublic: boolean } {
  if (typeof body.command === 'string') {
    return { userId: body.user_id, channelId: body.channel_id, isPublic: /(^|\s)--?public(\s|$)/i.test(body.text ?? '') };
  }
  if (body.type === 'block_actions') {
    const state = body.actions?.[0]?.value ? decodeActionState(body.actions[0].value) : undefined;
    return { userId: body.user?.id, channelId: body.channel?.id ?? body.container?.channel_id, isPublic: state?.kind === 'share' };
  }
  if (body.type === 'event_callback' && body.event?.type === 'app_mention') {
    return { userId: body.event.user, channelId: body.event.channel, isPublic: true };
  }
  if (body.type === 'view_submission') {
    let channelId: string | undefined;
    try {
      channelId = (JSON.parse(body.view?.private_metadata ?? '{}') as { channel?: string }).channel;
    } catch {
      channelId = undefined;
    }
    return { userId: body.user?.id, channelId, isPublic: true };
  }
  if (body.type === 'message_action') return { userId: body.user?.id, channelId: body.channel?.id, isPublic: false };
  return { isPublic: false };
}

/** A user's language as far as it is known without asking Slack (a refused request asks nothing); undefined if not. */
export type KnownLocale = (teamId: string | undefined, userId: string) => Locale | undefined;

/**
 * Count the request against the limits; when it is over one, tell the person privately (in their
 * language if `knownLocale` has it, else English) and resolve true (the request must go no further).
 */
export async function refusedByRateLimit(args: Args, limiter: RateLimiter, logger: Logger, knownLocale?: KnownLocale): Promise<boolean> {
  const body = args.body as SlackBody;
  const { userId, channelId, isPublic } = describe(body);
  const over: OverLimit | undefined = (await limiter.request('slack', userId)) ?? (isPublic ? await limiter.publicPost('slack', userId, channelId) : undefined);
  if (!over) return false;
  const teamId = body.team_id ?? body.team?.id ?? undefined;
  await refuse(args, over, logger, (userId && knownLocale?.(teamId, userId)) || DEFAULT_LOCALE);
  return true;
}

/**
 * A slash command made public by the channel's or workspace's visibility setting rather than by
 * --public is a public post too: counted once the settings are read (the middleware counts the
 * explicit ones on arrival). Over a limit, the person is told privately (the acknowledgement),
 * nothing is posted, and this resolves true.
 */
export async function refusedPublicBySetting(args: Args, limiter: RateLimiter, logger: Logger, locale: Locale = DEFAULT_LOCALE): Promise<boolean> {
  const { userId, channelId } = describe(args.body as SlackBody);
  const over = await limiter.publicPost('slack', userId, channelId);
  if (!over) return false;
  await refuse(args, over, logger, locale);
  return true;
}

/** Tell the person privately, in `locale` and in the way the kind of request allows. */
async function refuse(args: Args, over: OverLimit, logger: Logger, locale: Locale): Promise<void> {
  noteRefusal(over, logger);
  const body = args.body as SlackBody;
  const { userId, channelId } = describe(body);
  const text = overLimitMessage(over, createTranslator(locale));
  const withAck = args as Args & { ack?: (response?: unknown) => Promise<void>; respond?: (message: unknown) => Promise<unknown> };
  try {
    if (typeof body.command === 'string') {
      await withAck.ack?.({ response_type: 'ephemeral', text });
    } else if (body.type === 'block_actions') {
      await withAck.ack?.();
      await withAck.respond?.({ response_type: 'ephemeral', replace_original: false, text });
    } else if (body.type === 'view_submission') {
      await withAck.ack?.({ response_action: 'errors', errors: { [ENTRY_PICK_BLOCK_ID]: text } });
    } else if (body.type === 'event_callback' && body.event && userId && channelId) {
      await args.client.chat.postEphemeral({ channel: channelId, user: userId, text, thread_ts: body.event.thread_ts ?? body.event.ts });
    } else {
      await withAck.ack?.();
    }
  } catch (error) {
    logger.warn('rate limit: could not tell the person', { error: error instanceof Error ? error.message : String(error) });
  }
}
