/**
 * Slash commands (`/define`, `/translate`, `/cite`, `/lexicon …`): answered in the acknowledgement
 * itself, ephemeral Block Kit in one round trip (or in the channel with --public).
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { noteAnswer } from '../../../core/request-context.js';
import { reportFailure, tellUser } from '../failure.js';
import { renderReply } from '../render.js';
import { commandLineFor, type SlashCommandSpec } from '../slash-commands.js';
import { answerSlackText, asksPublic, publicMessage } from './answer.js';
import { privateLocale, publicLocale, type ListenerDeps } from './deps.js';

/** What Bolt passes a slash-command listener. */
export type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The listener of the slash commands in `specs`. */
export function slashCommandListener(deps: ListenerDeps, specs: readonly SlashCommandSpec[]) {
  const byCommand = new Map(specs.map((spec) => [spec.command, spec]));
  return async ({ command, ack, respond, client }: SlashCommandArgs): Promise<void> => {
    let acked = false;
    const spec = byCommand.get(command.command);
    try {
      if (!spec) throw new Error(`No slash command ${command.command} is configured`);
      const line = commandLineFor(spec, command.text ?? '');
      // Private answers in the user's language, public posts in the channel's or workspace's; cached per language.
      const locale = asksPublic(line) ? await publicLocale(deps, command.team_id, command.channel_id) : await privateLocale(deps, client, command.team_id, command.user_id);
      const { reply, visibility, privateMessage } = deps.answers.get(`${locale}\u0000${line}`, () => {
        const answer = answerSlackText(deps.lexicon, line, locale);
        return { ...answer, privateMessage: { response_type: 'ephemeral' as const, ...renderReply(answer.reply) } };
      });
      noteAnswer(reply.kind, reply.entryId);
      const message =
        visibility === 'public'
          ? { response_type: 'in_channel' as const, ...publicMessage(deps.lexicon, reply, command.user_id) }
          : privateMessage;
      acked = true;
      await ack(message);
    } catch (error) {
      const text = reportFailure(deps.logger, `slash command ${command.command}`, error, { text: command.text, user: command.user_id });
      await tellUser(deps.logger, command.command, () => (acked ? respond({ response_type: 'ephemeral', text }) : ack({ response_type: 'ephemeral', text })));
    }
  };
}
