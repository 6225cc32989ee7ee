/**
 * `/settings`: the team's settings for this server or workspace and this channel, shown and set.
 * Built from the one table of settings (`SETTINGS` in src/core/settings.ts): one subcommand per
 * setting, its values as choices, so a new setting needs no change here. Restricted to those who
 * manage the server or workspace; each platform enforces that.
 */
import { emptyDraft } from '../src/core/entry-views.js';
import { text } from '../src/core/reply.js';
import { findSetting, noSuchSetting, resolveSettings, SETTINGS, settingKeys, settingWord, type SettingDefinition } from '../src/core/settings.js';
import type { SettingScope, SettingValues } from '../src/core/store.js';
import { defineTeamCommand, type TeamCommandContext, type TeamOption, type TeamSubcommand } from '../src/core/team-command.js';

/** The word that clears a setting at a scope (it then follows the server's, or the default). */
export const CLEAR_WORD = 'default';
const CLEAR_WORDS = new Set([CLEAR_WORD, 'clear', 'unset', 'inherit', 'reset']);
const CHANNEL_WORDS = new Set(['channel', 'here', '--channel', 'this-channel']);
const WORKSPACE_WORDS = new Set(['server', 'workspace', 'guild', '--server', '--workspace', 'everywhere']);

/** A setting's subcommand name: lower case with dashes (`allowPublic` → `allow-public`), as Discord wants. */
export function subcommandName(setting: SettingDefinition): string {
  return setting.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

const scopeOption: TeamOption = {
  name: 'scope',
  description: 'For the whole server or workspace (default) or for this channel only',
  required: false,
  descriptionKey: 'command.settings.option.scope',
  choices: [
    { word: 'server', label: 'The whole server or workspace', labelKey: 'choice.scope.server' },
    { word: 'channel', label: 'This channel only', labelKey: 'choice.scope.channel' },
  ],
};

function settingSubcommand(setting: SettingDefinition): TeamSubcommand {
  const keys = settingKeys(setting);
  return {
    name: subcommandName(setting),
    description: setting.description,
    descriptionKey: keys.description,
    options: [
      {
        name: 'value',
        description: `The new value (${CLEAR_WORD}: not set here, inherited)`,
        descriptionKey: 'command.settings.option.value',
        required: true,
        choices: [...setting.choices.map(({ word, label }) => ({ word, label, labelKey: keys.label(word) })), { word: CLEAR_WORD, label: 'Not set here (inherited)', labelKey: 'choice.setting.default' }],
      },
      scopeOption,
    ],
  };
}

const settingBySubcommand = new Map<string, SettingDefinition>(SETTINGS.map((setting) => [subcommandName(setting as SettingDefinition), setting as SettingDefinition]));

function shown(setting: SettingDefinition, value: unknown, notSet: string): string {
  return value === undefined ? notSet : (settingWord(setting, value) ?? String(value));
}

/** The settings at the server or workspace and at this channel, and those in force here. */
async function settingsTable(context: TeamCommandContext): Promise<ReturnType<typeof emptyDraft>['blocks']> {
  const { memory, place, tr } = context;
  const workspaceScope: SettingScope = { kind: 'workspace', platform: place.platform, workspaceId: place.workspaceId };
  const channelScope: SettingScope | undefined = place.channelId ? { kind: 'channel', platform: place.platform, workspaceId: place.workspaceId, channelId: place.channelId } : undefined;
  const [workspace, channel] = await Promise.all([memory.settingsAt(workspaceScope), channelScope ? memory.settingsAt(channelScope) : Promise.resolve<SettingValues>({})]);
  const effective = resolveSettings({ workspace, channel });
  const notSet = tr.t('settings.notSet');
  return [
    {
      kind: 'table',
      caption: tr.t('settings.title'),
      columns: [tr.t('settings.column.setting'), tr.t('settings.column.workspace', { place: place.platform }), tr.t('settings.column.channel'), tr.t('settings.column.effective')],
      rows: SETTINGS.map((definition) => {
        const setting = definition as SettingDefinition;
        return [setting.name, shown(setting, workspace[setting.name], notSet), shown(setting, channel[setting.name], notSet), shown(setting, effective[setting.name], notSet)];
      }),
    },
    text(tr.t('settings.explain', { place: place.platform })),
  ];
}

export default defineTeamCommand({
  name: 'settings',
  description: 'Show or change the lexicon’s settings for this server or this channel',
  permission: 'manage-workspace',
  subcommands: [{ name: 'show', description: 'The settings of this server and this channel, and those in force here', descriptionKey: 'command.settings.show.description', options: [] }, ...SETTINGS.map((setting) => settingSubcommand(setting as SettingDefinition))],
  options: [],
  examples: ['settings show', 'settings language ja channel', 'settings visibility public', 'settings allow-public off'],
  readWords(words, tr) {
    const lowered = words.map((word) => word.toLowerCase());
    const rest = lowered[0] === 'set' ? lowered.slice(1) : lowered;
    if (rest.length === 0 || rest[0] === 'show') return { subcommand: 'show', options: {} };
    const clearing = rest[0] === 'clear';
    const [name, ...others] = clearing ? rest.slice(1) : rest;
    const setting = name ? findSetting(name) : undefined;
    if (!setting) return { error: noSuchSetting(tr, name ?? '', SETTINGS.map((candidate) => subcommandName(candidate as SettingDefinition))) };
    const options: Record<string, string> = {};
    for (const word of others) {
      if (CHANNEL_WORDS.has(word)) options.scope = 'channel';
      else if (WORKSPACE_WORDS.has(word)) options.scope = 'server';
      else if (options.value === undefined) options.value = CLEAR_WORDS.has(word) ? CLEAR_WORD : (setting.synonyms[word] ?? word);
      else return { error: tr.t('settings.tooManyWords', { word: tr.quote(word.slice(0, 40)), example: `settings ${subcommandName(setting)} ${setting.choices[0]?.word ?? ''} channel` }) };
    }
    if (clearing) options.value = CLEAR_WORD;
    return { subcommand: subcommandName(setting), options };
  },
  async handle(request, context) {
    const { memory, place, tr } = context;
    const draft = emptyDraft('list', tr.t('settings.title'), { command: 'settings', options: {} });
    const setting = request.subcommand ? settingBySubcommand.get(request.subcommand) : undefined;
    if (setting && request.options.value) {
      const onChannel = request.options.scope === 'channel' && place.channelId !== null;
      const scope: SettingScope = onChannel
        ? { kind: 'channel', platform: place.platform, workspaceId: place.workspaceId, channelId: place.channelId! }
        : { kind: 'workspace', platform: place.platform, workspaceId: place.workspaceId };
      const where = onChannel ? tr.t('settings.scope.channel') : tr.t('settings.scope.workspace', { place: place.platform });
      const choice = setting.choices.find((candidate) => candidate.word === request.options.value);
      await memory.setSettings(scope, { [setting.name]: choice ? choice.value : null });
      const said = choice ? tr.t('settings.saved', { setting: setting.name, value: choice.word, where }) : tr.t('settings.cleared', { setting: setting.name, where });
      draft.blocks = [text(said), ...(await settingsTable(context))];
      return draft;
    }
    draft.blocks = await settingsTable(context);
    return draft;
  },
});
