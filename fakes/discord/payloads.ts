/**
 * Gateway and REST payloads as Discord sends them (API v10), complete enough for discord.js to build
 * its structures: guilds, messages, and the interactions a user triggers.
 */
import { randomBytes } from 'node:crypto';

/** A guild the fake serves, with one text channel (and optionally a thread in it). */
export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
  threadId?: string;
}

/** A user who types commands. */
export interface FakeUser {
  id: string;
  username: string;
}

export const DEFAULT_USER: FakeUser = { id: '1300000000000000001', username: 'reader' };

/** Where an interaction happens: a guild channel, a thread, or a DM with the bot. */
export type InteractionPlace =
  | { kind: 'guild'; guild: FakeGuild; channelId?: string; thread?: boolean; userInstalled?: boolean }
  | { kind: 'dm' };

function apiUser(user: FakeUser) {
  return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null, public_flags: 0 };
}

/** GUILD_CREATE data for a guild the bot is in. */
export function apiGuild(guild: FakeGuild, botId: string) {
  const channels: Record<string, unknown>[] = [
    { id: guild.channelId, type: 0, guild_id: guild.id, name: 'general', position: 0, permission_overwrites: [], nsfw: false, topic: null, last_message_id: null, parent_id: null, rate_limit_per_user: 0 },
  ];
  const threads = guild.threadId
    ? [{ id: guild.threadId, type: 11, guild_id: guild.id, parent_id: guild.channelId, name: 'meeting notes', owner_id: DEFAULT_USER.id, last_message_id: null, message_count: 0, member_count: 1, rate_limit_per_user: 0, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } }]
    : [];
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: DEFAULT_USER.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [{ id: guild.id, name: '@everyone', color: 0, hoist: false, icon: null, unicode_emoji: null, position: 0, permissions: '2248473465835073', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [{ user: { id: botId, username: 'lexicon', discriminator: '0', global_name: null, avatar: null, bot: true }, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    channels,
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    stickers: [],
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    description: null,
    banner: null,
    vanity_url_code: null,
    max_video_channel_users: 25,
  };
}

/** A message as REST returns it after the bot created or edited one. */
export function apiMessage(id: string, channelId: string, authorId: string, body: Record<string, unknown>) {
  return {
    id,
    channel_id: channelId,
    author: { id: authorId, username: 'lexicon', discriminator: '0', global_name: null, avatar: null, bot: true },
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    webhook_id: authorId,
    application_id: authorId,
  };
}

let counter = 0n;
function nextSnowflake(): string {
  counter += 1n;
  return (1_400_000_000_000_000_000n + counter).toString();
}

function base(place: InteractionPlace, applicationId: string, user: FakeUser) {
  const common = {
    id: nextSnowflake(),
    application_id: applicationId,
    token: `itok_${randomBytes(12).toString('hex')}`,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
  };
  if (place.kind === 'dm') {
    return {
      ...common,
      user: apiUser(user),
      channel: { id: '1500000000000000001', type: 1, recipients: [apiUser(user)], last_message_id: null, flags: 0 },
      channel_id: '1500000000000000001',
      context: 1,
      authorizing_integration_owners: { '1': user.id },
    };
  }
  const inThread = place.thread && place.guild.threadId;
  const channelId = inThread ? place.guild.threadId! : (place.channelId ?? place.guild.channelId);
  const channel = inThread
    ? { id: channelId, type: 11, guild_id: place.guild.id, parent_id: place.guild.channelId, name: 'meeting notes', flags: 0, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } }
    : { id: channelId, type: 0, guild_id: place.guild.id, name: 'general', flags: 0, permissions: '2248473465835073', nsfw: false, parent_id: null, position: 0, last_message_id: null, rate_limit_per_user: 0, topic: null };
  return {
    ...common,
    guild_id: place.guild.id,
    guild_locale: 'en-US',
    guild: { id: place.guild.id, locale: 'en-US', features: [] },
    channel,
    channel_id: channelId,
    member: { user: apiUser(user), roles: [], permissions: '2248473465835073', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0, pending: false, nick: null, avatar: null, premium_since: null, communication_disabled_until: null },
    context: 0,
    authorizing_integration_owners: place.userInstalled ? { '1': user.id } : { '0': place.guild.id },
  };
}

/** A chat-input option as Discord sends it. */
export interface SlashOption {
  name: string;
  value: string | number;
  focused?: boolean;
}

function optionType(value: string | number): number {
  return typeof value === 'number' ? 4 : 3;
}

/** A user ran `/name options…`. */
export function slashCommand(applicationId: string, place: InteractionPlace, name: string, options: SlashOption[] = [], user: FakeUser = DEFAULT_USER) {
  return {
    ...base(place, applicationId, user),
    type: 2,
    data: { id: nextSnowflake(), name, type: 1, options: options.map((o) => ({ name: o.name, type: optionType(o.value), value: o.value })), ...(place.kind === 'guild' ? { guild_id: place.guild.id } : {}) },
  };
}

/** The permissions of a member who may manage the server (the default member's, plus Manage Server). */
export const MANAGER_PERMISSIONS = (2248473465835073n | 0x20n).toString();

/**
 * A user ran `/name subcommand options…` (a command with subcommands, such as /settings; without a
 * subcommand, `/name options…`), as a member with `permissions` (Discord computes them per channel).
 */
export function slashSubcommand(
  applicationId: string,
  place: InteractionPlace & { kind: 'guild' },
  name: string,
  subcommand: string | undefined,
  options: SlashOption[],
  permissions: string,
  user: FakeUser = DEFAULT_USER,
) {
  const interaction = slashCommand(applicationId, place, name, [], user) as ReturnType<typeof slashCommand> & { member: Record<string, unknown> };
  const given = options.map((o) => ({ name: o.name, type: optionType(o.value), value: o.value }));
  return {
    ...interaction,
    member: { ...interaction.member, permissions },
    data: { ...interaction.data, options: subcommand ? [{ name: subcommand, type: 1, options: given }] : given },
  };
}

/** A user is typing into option `focused` of `/name`. */
export function autocomplete(applicationId: string, place: InteractionPlace, name: string, options: SlashOption[], user: FakeUser = DEFAULT_USER) {
  return {
    ...base(place, applicationId, user),
    type: 4,
    data: { id: nextSnowflake(), name, type: 1, options: options.map((o) => ({ name: o.name, type: optionType(o.value), value: o.value, ...(o.focused ? { focused: true } : {}) })) },
  };
}

/** A user clicked a button with `customId` on a message the bot sent (ephemeral by default). */
/**
 * A user clicked a button with `customId` on a message of the bot. `askedBy` is who used the command
 * the message answers: Discord sends it as the message's interaction_metadata.
 */
export function buttonClick(
  applicationId: string,
  place: InteractionPlace,
  customId: string,
  message: { embeds?: unknown[]; components?: unknown[]; ephemeral?: boolean; askedBy?: FakeUser } = {},
  user: FakeUser = DEFAULT_USER,
) {
  const interaction = base(place, applicationId, user);
  const asker = message.askedBy ?? user;
  return {
    ...interaction,
    type: 3,
    data: { custom_id: customId, component_type: 2 },
    message: {
      ...apiMessage(nextSnowflake(), interaction.channel_id, applicationId, {
        embeds: message.embeds ?? [],
        components: message.components ?? [],
        flags: message.ephemeral === false ? 0 : 64,
      }),
      interaction_metadata: {
        id: nextSnowflake(),
        type: 2,
        user: { id: asker.id, username: asker.username, discriminator: '0', global_name: asker.username, avatar: null },
        authorizing_integration_owners: {},
      },
    },
  };
}

/** A user chose the message context-menu command `name` on a message with `content`. */
export function messageContextMenu(applicationId: string, place: InteractionPlace, name: string, content: string, user: FakeUser = DEFAULT_USER) {
  const interaction = base(place, applicationId, user);
  const targetId = nextSnowflake();
  const target = {
    ...apiMessage(targetId, interaction.channel_id, '1300000000000000002', { content }),
    author: { id: '1300000000000000002', username: 'colleague', discriminator: '0', global_name: 'colleague', avatar: null },
    webhook_id: undefined,
    application_id: undefined,
  };
  return {
    ...interaction,
    type: 2,
    data: { id: nextSnowflake(), name, type: 3, target_id: targetId, resolved: { messages: { [targetId]: target } } },
  };
}
