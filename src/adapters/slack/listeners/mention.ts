/**
 * `@lexicon define trust`: answered in the thread of the mention (in the thread it was said in,
 * or a new thread on the mention), so a discussion gets the definition where it happens.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ReplyKind } from '../../../core/reply.js';
import { answeredRequest } from '../../../core/answered.js';
import { preferencesOf, resolveSettings } from '../../../core/settings.js';
import { reportFailure, tellUser } from '../failure.js';
import { renderReply } from '../render.js';
import { answerSlackText, publicMessage } from './answer.js';
import { privateLocale, publicLocale, type ListenerDeps } from './deps.js';

type Args = SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;

/** The text after the mention of the bot (or after the first mention, if the bot's id is unknown). */
export function textAfterMention(text: string, botUserId: string | undefined): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`) : /<@[A-Z0-9]+(?:\|[^>]*)?>/;
  const match = mention.exec(text);
  return match ? text.slice(match.index + match[0].length) : text;
}

/** Replies that only say what went wrong or how to ask: for the person who asked, not the thread. */
const PRIVATE_KINDS: ReadonlySet<ReplyKind> = new Set(['usage-error', 'error', 'no-match', 'help']);

export function mentionListener(deps: ListenerDeps) {
  return async ({ event, client, context }: Args): Promise<void> => {
    const threadTs = event.thread_ts ?? event.ts;
    try {
      // The one reading of a typed line: `@lexicon define trust` a command, `@lexicon empathy` a
      // look-up, `@lexicon what does ARF stand for?` a question in plain words.
      const line = textAfterMention(event.text, context.botUserId);
      const started = performance.now();
      const place = { platform: 'slack' as const, workspaceId: context.teamId ?? null, channelId: event.channel, userId: event.user ?? null };
      const layers = deps.memory ? await deps.memory.settingLayers(place) : {};
      const settings = resolveSettings(layers);
      const preferences = preferencesOf(settings);
      // A thread post speaks the channel's language; what only the asker sees, their own.
      const teamId = typeof event.team === 'string' ? event.team : (context.teamId ?? undefined);
      const { reply, asked } = answerSlackText(deps.lexicon, line, preferences, await publicLocale(deps, teamId, event.channel, layers));
      deps.memory?.record(answeredRequest({ surface: 'slack', ...place }, asked.command, asked.options, reply, performance.now() - started));
      // Where public posting is off, even a mention is answered to the asker alone.
      if ((PRIVATE_KINDS.has(reply.kind) || !settings.allowPublic) && event.user) {
        const locale = await privateLocale(deps, client, teamId, event.user, layers);
        const mine = locale === reply.locale ? reply : answerSlackText(deps.lexicon, line, preferences, locale).reply;
        await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts: threadTs, ...renderReply(mine, { links: deps.links }) });
        return;
      }
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: threadTs,
        unfurl_links: false,
        unfurl_media: false,
        ...publicMessage(deps.lexicon, reply, undefined, settings.citation, deps.links),
      });
    } catch (error) {
      const text = reportFailure(deps.logger, 'mention', error, { user: event.user, channel: event.channel });
      if (!event.user) return;
      const user = event.user;
      await tellUser(deps.logger, 'mention', () => client.chat.postEphemeral({ channel: event.channel, user, thread_ts: threadTs, text }));
    }
  };
}
