/**
 * The Slack app manifest (paste it at api.slack.com/apps → Create New App → From a manifest),
 * built from the same slash-command list, ids and events the listeners use.
 */
import { EVENTS_PATH } from './app.js';
import { OAUTH_REDIRECT_PATH } from './installations.js';
import { SHARE_SHORTCUT_CALLBACK_ID, SHARE_SHORTCUT_NAME } from './ids.js';
import { slashCommands, type SlashCommandSpec } from './slash-commands.js';

/**
 * Bot scopes, each for a reason:
 * commands (slash commands, shortcut), chat:write (answers to mentions, shares into threads),
 * chat:write.public (the share shortcut posts into threads of public channels the bot has not joined),
 * app_mentions:read (`@lexicon define trust`), users:read (`users.info` with `include_locale`: each
 * user's language for private answers and the App Home, and whether they are an admin or owner for `/lexicon settings|stats`), links:read and links:write (previews of
 * reading-room links: `link_shared` → `chat.unfurl`).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'app_mentions:read', 'users:read', 'links:read', 'links:write'] as const;
/** Events the app subscribes to. */
export const BOT_EVENTS = ['app_mention', 'app_home_opened', 'link_shared'] as const;
/** With installs in many workspaces: the events that remove an installation. */
export const INSTALL_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

export interface ManifestOptions {
  /** Socket Mode (no request URLs) or HTTP (request URLs on `baseUrl`). */
  socketMode: boolean;
  /** Public base URL of the HTTP deployment, e.g. https://lexicon.example.org. */
  baseUrl?: string;
  /**
   * Installs in many workspaces (SLACK_CLIENT_ID): the manifest names the OAuth redirect URL on
   * `baseUrl` and allows org-wide installs (Enterprise Grid). Needs `baseUrl`.
   */
  oauth?: boolean;
  /** App name shown in Slack (at most 35 characters). */
  name?: string;
  /** The reading room's host (from WEB_PUBLIC_URL), whose links Slack asks the app to unfurl. */
  unfurlDomain?: string;
  specs?: SlashCommandSpec[];
}

/** The manifest as an object (serialize it as JSON or YAML). */
export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const specs = options.specs ?? slashCommands();
  if (!options.socketMode && !options.baseUrl) throw new Error('An HTTP-mode manifest needs the public base URL (--url https://…)');
  if (options.oauth && (options.socketMode || !options.baseUrl)) throw new Error('An OAuth (many workspaces) manifest needs the public base URL (--url https://…), and no Socket Mode');
  const redirectUrl = options.oauth && options.baseUrl ? new URL(OAUTH_REDIRECT_PATH, options.baseUrl).toString() : undefined;
  const requestUrl = options.socketMode ? undefined : new URL(EVENTS_PATH, options.baseUrl).toString();
  const name = (options.name ?? 'Lexicon').slice(0, 35);
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'The Cooperative Security 2.0 lexicon: definitions in their authors’ own words.',
      long_description:
        'Look up the terms of the 2013 workshop document “Cooperative Security 2.0” (UBC–SIIA, Shanghai): each definition verbatim with its author, the footnotes it rests on and the translations the document records. /define, /translate, /cite and /lexicon for every command; the “Share lexicon excerpt” shortcut posts an excerpt into a thread; mention the bot in a thread to answer there. The document is marked “Not for citation or wide circulation”.',
      background_color: '#1d3557',
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: false, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-'), always_online: true },
      // should_escape false: Slack sends the text as typed (only & < > escaped), which the listener undoes.
      slash_commands: specs.map((spec) => ({
        command: spec.command,
        ...(requestUrl ? { url: requestUrl } : {}),
        description: spec.description,
        usage_hint: spec.usageHint,
        should_escape: false,
      })),
      ...(options.unfurlDomain ? { unfurl_domains: [options.unfurlDomain] } : {}),
      shortcuts: [
        {
          name: SHARE_SHORTCUT_NAME,
          type: 'message',
          callback_id: SHARE_SHORTCUT_CALLBACK_ID,
          description: 'Post a lexicon definition, with its citation, in this message’s thread',
        },
      ],
    },
    oauth_config: { ...(redirectUrl ? { redirect_urls: [redirectUrl] } : {}), scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(requestUrl ? { request_url: requestUrl } : {}), bot_events: [...BOT_EVENTS, ...(options.oauth ? INSTALL_EVENTS : [])] },
      interactivity: { is_enabled: true, ...(requestUrl ? { request_url: requestUrl, message_menu_options_url: requestUrl } : {}) },
      // Org-wide installs on Enterprise Grid are served (one installation for every workspace of the organization).
      org_deploy_enabled: options.oauth === true,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
