/**
 * Team settings: what each may be, and which one applies where. A user's own choice of language,
 * citation style and visibility comes first, then the channel's, then the server's / workspace's,
 * then the default; whether public posting is allowed is decided by the channel, else the server.
 * An explicit option in a command always wins over all of them (the command applies it).
 */
import { z } from 'zod';
import type { Platform, SettingScope, SettingValues } from './store.js';

/** Every setting's allowed values; used for what users type and for what the database gives back. */
export const SettingValuesSchema = z.object({
  language: z.enum(['zh', 'ja', 'ko']).optional(),
  visibility: z.enum(['private', 'public']).optional(),
  citation: z.enum(['chicago', 'apa']).optional(),
  allowPublic: z.boolean().optional(),
}) satisfies z.ZodType<SettingValues>;

/** The settings' names, in the order they are shown. */
export const SETTING_NAMES = ['language', 'visibility', 'citation', 'allowPublic'] as const;

/** The settings in force for one request. */
export interface EffectiveSettings {
  language: 'zh' | 'ja' | 'ko' | undefined;
  visibility: 'private' | 'public';
  citation: 'chicago' | 'apa';
  allowPublic: boolean;
}

export const DEFAULT_SETTINGS: EffectiveSettings = { language: undefined, visibility: 'private', citation: 'chicago', allowPublic: true };

/** Where a request comes from, as far as settings go. */
export interface Place {
  platform: Platform;
  workspaceId?: string | null | undefined;
  channelId?: string | null | undefined;
  userId?: string | null | undefined;
}

/** The scopes whose settings apply to a place, most general first. */
export function scopesOf(place: Place): { workspace?: SettingScope; channel?: SettingScope; user?: SettingScope } {
  const { platform, workspaceId, channelId, userId } = place;
  return {
    ...(workspaceId ? { workspace: { kind: 'workspace', platform, workspaceId } as const } : {}),
    ...(channelId ? { channel: { kind: 'channel', platform, workspaceId: workspaceId ?? '-', channelId } as const } : {}),
    ...(userId ? { user: { kind: 'user', platform, userId } as const } : {}),
  };
}

/** Combine the layers: user over channel over workspace over the default; public posting by place only. */
export function resolveSettings(layers: { workspace?: SettingValues; channel?: SettingValues; user?: SettingValues }): EffectiveSettings {
  const { workspace = {}, channel = {}, user = {} } = layers;
  const allowPublic = channel.allowPublic ?? workspace.allowPublic ?? DEFAULT_SETTINGS.allowPublic;
  const visibility = user.visibility ?? channel.visibility ?? workspace.visibility ?? DEFAULT_SETTINGS.visibility;
  return {
    language: user.language ?? channel.language ?? workspace.language ?? DEFAULT_SETTINGS.language,
    citation: user.citation ?? channel.citation ?? workspace.citation ?? DEFAULT_SETTINGS.citation,
    visibility: allowPublic ? visibility : 'private',
    allowPublic,
  };
}

/**
 * The visibility of an answer: the explicit option if given, else the settings'; public only where
 * public posting is allowed (`refused` says an explicit public request was turned down).
 */
export function visibilityFor(explicit: string | undefined, settings: EffectiveSettings): { visibility: 'private' | 'public'; refused: boolean } {
  const wanted = explicit === 'public' || explicit === 'private' ? explicit : settings.visibility;
  if (wanted === 'public' && !settings.allowPublic) return { visibility: 'private', refused: explicit === 'public' };
  return { visibility: wanted, refused: false };
}

/** Parse a setting typed by a user (`language ja`, `public on`, `citation APA`); an error names the fix. */
export function parseSettingAssignment(name: string, value: string): { values: SettingValues } | { error: string } {
  const key = name.trim().toLowerCase().replace(/[-_ ]/g, '');
  const text = value.trim().toLowerCase();
  switch (key) {
    case 'language':
    case 'lang': {
      const language = ({ zh: 'zh', chinese: 'zh', mandarin: 'zh', ja: 'ja', japanese: 'ja', ko: 'ko', korean: 'ko' } as const)[text as 'zh'];
      return language ? { values: { language } } : { error: 'language is zh (Mandarin), ja (Japanese) or ko (Korean).' };
    }
    case 'visibility':
      return text === 'public' || text === 'private' ? { values: { visibility: text } } : { error: 'visibility is private or public.' };
    case 'citation':
    case 'citationstyle':
    case 'style':
      return text === 'chicago' || text === 'apa' ? { values: { citation: text } } : { error: 'citation is chicago or apa.' };
    case 'allowpublic':
    case 'public':
    case 'publicposting': {
      if (['on', 'yes', 'true', 'allow', 'allowed'].includes(text)) return { values: { allowPublic: true } };
      if (['off', 'no', 'false', 'deny', 'denied'].includes(text)) return { values: { allowPublic: false } };
      return { error: 'allowPublic is on or off.' };
    }
    default:
      return { error: `There is no setting “${name.slice(0, 40)}”. The settings are: ${SETTING_NAMES.join(', ')}.` };
  }
}
