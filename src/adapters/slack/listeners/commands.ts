/**
 * Slash commands (`/define`, `/translate`, `/cite`, `/lexicon …`): answered in the acknowledgement
 * itself, ephemeral Block Kit in one round trip (or in the channel with --public).
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { reportFailure, tellUser } from '../failure.js';
import { renderReply } from '../render.js';
import { commandLineFor, type SlashCommandSpec } from '../slash-commands.js';
import { answerSlackText, publicMessage } from './answer.js';
import type { ListenerDeps } from './deps.js';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The listener of one slash command. */
export function slashCommandListener(deps: ListenerDeps, spec: SlashCommandSpec) {
  return async ({ command, ack, respond }: Args): Promise<void> => {
    let acked = false;
    try {
      const { reply, visibility } = answerSlackText(deps.lexicon, commandLineFor(spec, command.text ?? ''));
      const message =
        visibility === 'public'
          ? { response_type: 'in_channel' as const, ...publicMessage(deps.lexicon, reply, command.user_id) }
          : { response_type: 'ephemeral' as const, ...renderReply(reply) };
      acked = true;
      await ack(message);
    } catch (error) {
      const text = reportFailure(deps.logger, `slash command ${spec.command}`, error, { text: command.text, user: command.user_id });
      await tellUser(deps.logger, spec.command, () => (acked ? respond({ response_type: 'ephemeral', text }) : ack({ response_type: 'ephemeral', text })));
    }
  };
}
