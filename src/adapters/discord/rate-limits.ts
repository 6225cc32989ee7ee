/**
 * The rate limits on Discord: every command and click counts against the person's generous limit;
 * public posts (a command with visibility public, or public by the channel's or server's setting;
 * Post to channel) also against the person's and the channel's. Over a limit, the person gets a private "try again in N s" and nothing is posted.
 * Autocomplete is not counted: it is typing, not asking.
 */
import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import { decodeActionState } from '../../core/action-state.js';
import type { Logger } from '../../core/logger.js';
import { noteRefusal, overLimitMessage, type OverLimit, type RateLimiter } from '../../ops/rate-limit.js';
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
  await refuse(interaction, over, logger);
  return true;
}

/**
 * A command made public by the place's visibility setting rather than by the person's option is a
 * public post too: counted once the settings are read (the listener counts the explicit ones on
 * arrival). Over a limit, the person is told privately, nothing is posted, and this resolves true.
 */
export async function refusedPublicBySetting(interaction: RepliableInteraction, limiter: RateLimiter, logger: Logger): Promise<boolean> {
  const over = await limiter.publicPost('discord', interaction.user.id, interaction.channelId ?? undefined);
  if (!over) return false;
  await refuse(interaction, over, logger);
  return true;
}

async function refuse(interaction: RepliableInteraction, over: OverLimit, logger: Logger): Promise<void> {
  noteRefusal(over, logger);
  try {
    // In the client's language: a refused request reads no settings.
    await interaction.reply({ ...renderNotice(overLimitMessage(over, createTranslator(localeFromTag(interaction.locale) ?? DEFAULT_LOCALE))), flags: MessageFlags.Ephemeral });
  } catch (error) {
    logger.warn('rate limit: could not tell the person', { error: error instanceof Error ? error.message : String(error) });
  }
}
