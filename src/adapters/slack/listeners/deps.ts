/**
 * What every Slack listener needs: the lexicon to answer from and the logger for failures.
 */
import type { Lexicon } from '../../../core/lexicon.js';
import type { Logger } from '../../../core/logger.js';
import type { AnswerCache } from '../../../core/answer-cache.js';
import type { SlackMessage } from '../render.js';
import type { Answer } from './answer.js';
import type { WebSettings } from '../../../web/access.js';
import type { PageLinker } from '../../../web/links.js';
import type { TeamMemory } from '../../../core/team-memory.js';
import type { RateLimiter } from '../../../ops/rate-limit.js';
import type { SlackWorkspaceAdmins } from '../workspace-admins.js';
import type { SlackUserLocales, UsersInfoClient } from '../user-locale.js';
import { DEFAULT_LOCALE, type Locale } from '../../../i18n/locale.js';
import { placeLayers, resolveSettings, type SettingLayers } from '../../../core/settings.js';

/** A slash command's answer as cached: the core's reply and its private rendering, ready to acknowledge with. */
export interface CachedAnswer extends Answer {
  privateMessage: SlackMessage & { response_type: 'ephemeral' };
}

export interface ListenerDeps {
  lexicon: Lexicon;
  logger: Logger;
  /** Rendered answers by command line (capacity 0 turns caching off). */
  answers: AnswerCache<CachedAnswer>;
  /** The reading room whose links the app unfurls (no unfurling without it). */
  readingRoom?: WebSettings;
  /** Links from answers to the paragraph they quote (WEB_PUBLIC_URL is set); none without it. */
  links?: PageLinker;
  /** The team's store: settings applied, answers recorded, `/lexicon settings|stats` served (none without it). */
  memory?: TeamMemory;
  /** STATS_RETENTION_DAYS, said in stats. */
  retentionDays: number;
  /** Who may run the commands over the store (workspace admins and owners). */
  admins: SlackWorkspaceAdmins;
  /** Each user's Slack locale (users.info with include_locale, cached); English for everyone without it. */
  userLocales?: SlackUserLocales;
  /** The limits on public posts, for answers made public by a channel's or workspace's setting (the middleware counts explicit ones). */
  rateLimiter?: RateLimiter;
}

/**
 * The language of a private answer: the user's own UI-language setting (or the workspace's), else
 * their Slack locale. `known`: the settings already read for this request (one read serves both).
 */
export async function privateLocale(deps: ListenerDeps, client: UsersInfoClient, teamId: string | undefined, userId: string | undefined, known?: SettingLayers): Promise<Locale> {
  const layers = known ?? (deps.memory ? await deps.memory.settingLayers({ platform: 'slack', workspaceId: teamId ?? null, userId: userId ?? null }) : {});
  // A channel's UI language is for what is posted there, not for what one person is told.
  const chosen = resolveSettings({ workspace: layers.workspace, user: layers.user }).uiLanguage;
  if (chosen) return chosen;
  if (!deps.userLocales || !userId) return DEFAULT_LOCALE;
  return deps.userLocales.localeOf(client, teamId, userId);
}

/** The language of a public post: the channel's or workspace's UI-language setting, else English. `known` as for `privateLocale`. */
export async function publicLocale(deps: ListenerDeps, teamId: string | undefined, channelId: string | undefined, known?: SettingLayers): Promise<Locale> {
  const layers = known ?? (deps.memory ? await deps.memory.settingLayers({ platform: 'slack', workspaceId: teamId ?? null, channelId: channelId ?? null }) : {});
  return resolveSettings(placeLayers(layers)).uiLanguage ?? DEFAULT_LOCALE;
}
