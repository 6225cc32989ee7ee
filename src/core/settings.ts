/**
 * Team settings: one table (`SETTINGS`) says what each setting is, which values it takes, what people
 * may type for them and its default; every surface renders and validates from it (Discord's
 * /settings subcommands and choices, Slack's `/lexicon settings`, the App Home selects, the CLI), so
 * a new setting is one entry here (plus its field in `SettingValues` and `EffectiveSettings`, and
 * its words in the catalogs: `setting.<name>.description` and `setting.<name>.<choice word>`).
 *
 * Which value applies: a user's own choice comes first (for personal settings), then the channel's,
 * then the server's / workspace's, then the default; place settings (whether public posting is
 * allowed) are decided by the channel, else the server. An explicit option in a command always wins
 * over all of them (the command applies it).
 */
import * as z from 'zod';
import type { Platform, SettingName, SettingScope, SettingValues } from './store.js';
import type { MessageKey } from '../i18n/catalog.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import { orList } from '../i18n/words.js';

/** One value of a setting as people pick it (a word, the same on every surface) and as it is stored. */
export interface SettingChoice<V> {
  /** What is typed or picked: "ja", "public", "on". */
  word: string;
  /** Shown beside the word in menus: "Japanese". */
  label: string;
  value: V;
}

/** One setting: its name, its values and how it is read. */
export interface SettingDefinition<N extends SettingName = SettingName> {
  name: N;
  /** One line, at most 100 characters (Discord's limit for descriptions). */
  description: string;
  /** Its values, in the order menus show them. */
  choices: readonly SettingChoice<NonNullable<SettingValues[N]>>[];
  /** Other words people type for the setting's name (compared without case, dashes or spaces). */
  aliases: readonly string[];
  /** Other words people type for a value, by the choice word they mean. */
  synonyms: Readonly<Record<string, string>>;
  /** `personal`: a user's own choice counts first; `place`: decided by the channel or server only. */
  layer: 'personal' | 'place';
  /** The value when nothing is set anywhere (undefined: no preference). */
  default: SettingValues[N];
}

function define<N extends SettingName>(definition: SettingDefinition<N>): SettingDefinition<N> {
  return definition;
}

/** Every setting, in the order they are shown. */
export const SETTINGS = [
  define({
    name: 'language',
    description: 'Translations show this language first',
    choices: [
      { word: 'zh', label: 'Mandarin', value: 'zh' },
      { word: 'ja', label: 'Japanese', value: 'ja' },
      { word: 'ko', label: 'Korean', value: 'ko' },
    ],
    aliases: ['lang'],
    synonyms: { chinese: 'zh', mandarin: 'zh', japanese: 'ja', korean: 'ko' },
    layer: 'personal',
    default: undefined,
  }),
  define({
    name: 'visibility',
    description: 'Answers are shown only to the asker (private) or to the channel (public)',
    choices: [
      { word: 'private', label: 'Private', value: 'private' },
      { word: 'public', label: 'Public', value: 'public' },
    ],
    aliases: [],
    synonyms: {},
    layer: 'personal',
    default: 'private',
  }),
  define({
    name: 'citation',
    description: 'How answers cite the document: Chicago or APA first',
    choices: [
      { word: 'chicago', label: 'Chicago', value: 'chicago' },
      { word: 'apa', label: 'APA', value: 'apa' },
    ],
    aliases: ['citationstyle', 'style'],
    synonyms: {},
    layer: 'personal',
    default: 'chicago',
  }),
  define({
    name: 'allowPublic',
    description: 'Whether answers may be posted publicly at all here',
    choices: [
      { word: 'on', label: 'Allowed', value: true },
      { word: 'off', label: 'Not allowed', value: false },
    ],
    aliases: ['public', 'publicposting'],
    synonyms: { yes: 'on', true: 'on', allow: 'on', allowed: 'on', no: 'off', false: 'off', deny: 'off', denied: 'off' },
    layer: 'place',
    default: true,
  }),
  define({
    name: 'uiLanguage',
    description: 'The bot’s own words in this language (the document itself stays in English)',
    choices: [
      { word: 'en', label: 'English', value: 'en' },
      { word: 'zh-CN', label: 'Chinese (Simplified)', value: 'zh-CN' },
      { word: 'zh-TW', label: 'Chinese (Traditional)', value: 'zh-TW' },
      { word: 'ja', label: 'Japanese', value: 'ja' },
      { word: 'ko', label: 'Korean', value: 'ko' },
    ],
    aliases: ['ui', 'uilang', 'interface', 'botlanguage'],
    synonyms: { english: 'en', 'zh-cn': 'zh-CN', zhcn: 'zh-CN', 'zh-hans': 'zh-CN', simplified: 'zh-CN', 'zh-tw': 'zh-TW', zhtw: 'zh-TW', 'zh-hant': 'zh-TW', traditional: 'zh-TW', japanese: 'ja', korean: 'ko' },
    layer: 'personal',
    default: undefined,
  }),
] as const;

/** The settings' names, in the order they are shown. */
export const SETTING_NAMES = SETTINGS.map((setting) => setting.name) as readonly SettingName[];

/** The definition of a setting by name. */
export function settingNamed(name: SettingName): SettingDefinition {
  return SETTINGS.find((setting) => setting.name === name) as SettingDefinition;
}

/** Every setting's allowed values, from the table; used for what the database gives back. */
export const SettingValuesSchema = z.object(
  Object.fromEntries(
    SETTINGS.map((setting) => {
      const values = setting.choices.map((choice) => choice.value);
      const schema = typeof values[0] === 'boolean' ? z.boolean() : z.enum(values as unknown as [string, ...string[]]);
      return [setting.name, schema.optional()];
    }),
  ),
) as unknown as z.ZodType<SettingValues>;

/** The settings in force for one request. */
export interface EffectiveSettings {
  language: 'zh' | 'ja' | 'ko' | undefined;
  visibility: 'private' | 'public';
  citation: 'chicago' | 'apa';
  allowPublic: boolean;
  uiLanguage: 'en' | 'zh-CN' | 'zh-TW' | 'ja' | 'ko' | undefined;
}

export const DEFAULT_SETTINGS: EffectiveSettings = Object.fromEntries(SETTINGS.map((setting) => [setting.name, setting.default])) as unknown as EffectiveSettings;

/** What of the settings shapes an answer's content (the rest decides where it is shown). */
export type AnswerPreferences = Partial<Pick<EffectiveSettings, 'language' | 'citation'>>;

/** The preferences of the settings in force, without the defaults' "no preference". */
export function preferencesOf(settings: EffectiveSettings): AnswerPreferences {
  return { ...(settings.language ? { language: settings.language } : {}), ...(settings.citation !== DEFAULT_SETTINGS.citation ? { citation: settings.citation } : {}) };
}

/** The items whose language is `first` come first, the rest keep their order. */
export function languageFirst<T extends { language: string }>(items: readonly T[], first: string | undefined): T[] {
  if (!first) return [...items];
  return [...items.filter((item) => item.language === first), ...items.filter((item) => item.language !== first)];
}

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

/** The values stored at each scope of a place (none where the place has no such scope). */
export interface SettingLayers {
  workspace?: SettingValues | undefined;
  channel?: SettingValues | undefined;
  user?: SettingValues | undefined;
}

/** The layers without the user's own choices: what a public post in the place follows. */
export function placeLayers(layers: SettingLayers): SettingLayers {
  return { workspace: layers.workspace, channel: layers.channel };
}

/** Combine the layers: user over channel over workspace over the default; place settings by place only. */
export function resolveSettings(layers: SettingLayers): EffectiveSettings {
  const { workspace = {}, channel = {}, user = {} } = layers;
  const resolved: Record<string, unknown> = {};
  for (const setting of SETTINGS) {
    const name = setting.name;
    resolved[name] = (setting.layer === 'personal' ? user[name] : undefined) ?? channel[name] ?? workspace[name] ?? setting.default;
  }
  const settings = resolved as unknown as EffectiveSettings;
  return settings.allowPublic ? settings : { ...settings, visibility: 'private' };
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

const squeeze = (text: string) => text.trim().toLowerCase().replace(/[-_ ]/g, '');

/** The setting a typed name means (`lang`, `allow-public`), if any. */
export function findSetting(name: string): SettingDefinition | undefined {
  const key = squeeze(name);
  return SETTINGS.find((setting) => squeeze(setting.name) === key || setting.aliases.includes(key)) as SettingDefinition | undefined;
}

/** The catalog keys of a setting's description and of a choice's label (`setting.language.ja`). */
export function settingKeys(setting: SettingDefinition): { description: MessageKey; label: (word: string) => MessageKey } {
  return { description: `setting.${setting.name}.description` as MessageKey, label: (word) => `setting.${setting.name}.${word}` as MessageKey };
}

/** How a setting's value is shown: its choice word ("ja", "on"). */
export function settingWord(setting: SettingDefinition, value: unknown): string | undefined {
  return setting.choices.find((choice) => choice.value === value)?.word;
}

/** "zh (Mandarin), ja (Japanese) or ko (Korean)": the values a setting takes, labelled in the reader's language. */
export function choicesText(setting: SettingDefinition, tr: Translator = createTranslator()): string {
  const keys = settingKeys(setting);
  const words = setting.choices.map((choice) => {
    const label = tr.t(keys.label(choice.word));
    return choice.word.toLowerCase() === label.toLowerCase() ? choice.word : `${choice.word}${tr.parenthesized(label)}`;
  });
  return orList(tr, words);
}

/** "There is no setting “colour”. The settings are: …", in the reader's language. */
export function noSuchSetting(tr: Translator, typed: string, names: readonly string[]): string {
  return tr.t('settings.noSuchSetting', { name: tr.quote(typed.slice(0, 40)), names: tr.series(names) });
}

/** Parse a setting typed by a user (`language ja`, `public on`, `citation APA`); an error names the fix, in the reader's language. */
export function parseSettingAssignment(name: string, value: string, tr: Translator = createTranslator()): { values: SettingValues } | { error: string } {
  const setting = findSetting(name);
  if (!setting) return { error: noSuchSetting(tr, name, SETTING_NAMES) };
  const typed = value.trim().toLowerCase();
  const word = setting.synonyms[typed] ?? typed;
  const choice = setting.choices.find((candidate) => candidate.word === word);
  if (!choice) return { error: tr.t('team.valuesAre', { name: setting.name, choices: choicesText(setting, tr) }) };
  return { values: { [setting.name]: choice.value } as SettingValues };
}
