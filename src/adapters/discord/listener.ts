/**
 * The listener every Discord interaction goes through, over the gateway or the HTTP endpoint.
 */
import type { Interaction } from 'discord.js';
import { commands as allCommands, teamCommands } from '../../../commands/index.js';
import { decodeActionState } from '../../core/action-state.js';
import { answerRequest } from '../../ops/requests.js';
import type { DiscordBotOptions } from './index.js';
import { createInteractionHandler } from './interactions.js';
import { refusedByRateLimit } from './rate-limits.js';

/** What the interaction listener needs: the bot's options without the connection settings. */
export type InteractionListenerOptions = Pick<DiscordBotOptions, 'lexicon' | 'logger' | 'commands' | 'answerCacheSize' | 'rateLimiter' | 'readingRoom' | 'deduper' | 'memory' | 'retentionDays'>;

/**
 * The one listener of every interaction, whether it came over the gateway or the HTTP endpoint:
 * a delivery already handled is dropped (when given a deduper), then one request per interaction (its id is the error id a
 * person would see; one log line when answered), the rate limits, then the handler.
 */
export function interactionListener(options: InteractionListenerOptions): (interaction: Interaction) => Promise<void> {
  const { logger } = options;
  const handle = createInteractionHandler({
    lexicon: options.lexicon,
    ...(options.readingRoom ? { readingRoom: options.readingRoom } : {}),
    commands: options.commands ?? allCommands,
    logger,
    ...(options.answerCacheSize !== undefined ? { answerCacheSize: options.answerCacheSize } : {}),
    ...(options.memory ? { memory: options.memory, teamCommands } : {}),
    ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
  });
  const limiter = options.rateLimiter;
  const deduper = options.deduper;
  return async (interaction) => {
    if (deduper && !(await deduper.firstSeen(interaction.id))) {
      logger.info('Discord: interaction already handled (delivered twice)', { interactionId: interaction.id });
      return;
    }
    await answerRequest(logger, 'discord', interactionName(interaction), async () => {
      if (limiter && (await refusedByRateLimit(interaction, limiter, logger))) return;
      await handle(interaction);
    });
  };
}

/** What an interaction asks, for the request log: `define`, `button:next`, `autocomplete:define`, `menu:Look up in lexicon`. */
function interactionName(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return interaction.commandName;
  if (interaction.isAutocomplete()) return `autocomplete:${interaction.commandName}`;
  if (interaction.isButton()) return `button:${decodeActionState(interaction.customId)?.kind ?? 'unknown'}`;
  if (interaction.isMessageContextMenuCommand()) return `menu:${interaction.commandName}`;
  return `interaction:${interaction.type}`;
}

