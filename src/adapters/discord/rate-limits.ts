/**
 * The rate limits on Discord: every command and click counts against the person's generous limit;
 * public posts (a command with visibility public, Post to channel) also against the person's and
 * the channel's. Over a limit, the person gets a private "try again in N s" and nothing is posted.
 * Autocomplete is not counted: it is typing, not asking.
 */
import { MessageFlags, type Interaction } from 'discord.js';
import { decodeActionState } from '../../core/action-state.js';
import { currentRequest } from '../../core/request-context.js';
import type { Logger } from '../../core/logger.js';
import { rateLimited } from '../../ops/metrics.js';
import { overLimitMessage, type RateLimiter } from '../../ops/rate-limit.js';
import { DEFAULT_LOCALE } from '../../i18n/locale.js';
import { localeFromTag } from '../../i18n/negotiate.js';
import { createTranslator } from '../../i18n/translator.js';
import { renderNotice } from './render.js';

/** Count the interaction; when it is over a limit, tell the person privately and resolve true. */
export async function refusedByRateLimit(interaction: Interaction, limiter: RateLimiter, logger: Logger): Promise<boolean> {
  if (interaction.isAutocomplete() || !interaction.isRepliable()) return false;
  const userId = interaction.user.id;
  const isPublic =
    (interaction.isChatInputCommand() && interaction.options.get('visibility')?.value === 'public') ||
    (interaction.isButton() && decodeActionState(interaction.customId)?.kind === 'share');
  const over = (await limiter.request('discord', userId)) ?? (isPublic ? await limiter.publicPost('discord', userId, interaction.channelId ?? undefined) : undefined);
  if (!over) return false;
  const request = currentRequest();
  if (request) request.limited = true;
  rateLimited.inc({ limit: over.limit, scope: over.scope });
  logger.info('rate limit: request refused', { limit: over.limit, scope: over.scope, retryAfterSeconds: over.retryAfterSeconds });
  try {
    // In the client's language: a refused request reads no settings.
    await interaction.reply({ ...renderNotice(overLimitMessage(over, createTranslator(localeFromTag(interaction.locale) ?? DEFAULT_LOCALE))), flags: MessageFlags.Ephemeral });
  } catch (error) {
    logger.warn('rate limit: could not tell the person', { error: error instanceof Error ? error.message : String(error) });
  }
  return true;
}
