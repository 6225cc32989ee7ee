/**
 * The one-shot CLI's commands over the team's store (the same database the bot uses):
 *   stats [--since 30d] [--discord <server id> | --slack <team id>] [--limit N] [--json]
 *   settings show|set|clear [<name> [<value>]] [--discord <server id> | --slack <team id>] [--channel <id>] [--user <id>] [--json]
 * Without --discord/--slack, settings are the console's own. Said in the reader's language
 * (LC_ALL, LC_MESSAGES or LANG, as the CLI reads it).
 */
import type { Config } from './config.js';
import type { Lexicon } from './core/lexicon.js';
import type { Logger } from './core/logger.js';
import { text, type Reply } from './core/reply.js';
import { emptyDraft } from './core/entry-views.js';
import { findSetting, parseSettingAssignment, SETTING_NAMES, SETTINGS } from './core/settings.js';
import { parseSince, statsReply } from './core/stats-view.js';
import type { Platform, SettingName, SettingScope, SettingValues } from './core/store.js';
import { openTeamMemory } from './storage/memory.js';
import type { UiLocale } from './i18n/locale.js';
import { localeFromEnv } from './i18n/negotiate.js';
import { createTranslator, type Translator } from './i18n/translator.js';

export { STORAGE_COMMANDS } from './cli-arguments.js';

export interface StorageCliResult {
  reply: Reply;
  /** 0 an answer, 2 a usage error. */
  code: 0 | 2;
}

/** How `settings` is typed, with the settings and their values from the one table of settings. */
function settingsUsage(tr: Translator): string {
  return tr.t('cli.settingsUsage', { settings: tr.series(SETTINGS.map((setting) => `${setting.name}${tr.parenthesized(setting.choices.map((choice) => choice.word).join(', '))}`)) });
}

function asReply(draft: ReturnType<typeof emptyDraft>, tr: Translator): Reply {
  return { ...draft, page: { index: 1, count: 1 }, locale: tr.locale };
}

function usage(tr: Translator, message: string, command: string): StorageCliResult {
  const draft = emptyDraft('usage-error', tr.t('cli.usageError'), { command, options: {} });
  draft.blocks = [text(message)];
  return { reply: asReply(draft, tr), code: 2 };
}

/** Split `--flag value` pairs from the words. */
function flagsOf(args: readonly string[]): { words: string[]; flags: Map<string, string>; bad?: string } {
  const words: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--json') continue;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const value = inline ?? args[++i];
      if (!['since', 'discord', 'slack', 'channel', 'user', 'limit'].includes(name) || value === undefined || value === '') return { words, flags, bad: arg };
      flags.set(name, value);
    } else {
      words.push(arg);
    }
  }
  return { words, flags };
}

/** Answer `stats …` or `settings …` (argv without the command word's predecessors), in `locale` (default: the terminal's). */
export async function runStorageCommand(argv: readonly string[], config: Config, lexicon: Lexicon, logger: Logger, locale: UiLocale = localeFromEnv(process.env)): Promise<StorageCliResult> {
  const tr = createTranslator(locale);
  const statsUsage = tr.t('cli.statsUsage');
  const [command, ...rest] = argv;
  const { words, flags, bad } = flagsOf(rest);
  if (bad) {
    const option = tr.quote(bad);
    return command === 'stats'
      ? usage(tr, tr.t('cli.unknownStorageOption', { option, usage: statsUsage }), 'stats')
      : usage(tr, tr.t('cli.unknownStorageOption', { option, usage: settingsUsage(tr) }), 'settings');
  }
  const platform: Platform = flags.has('discord') ? 'discord' : flags.has('slack') ? 'slack' : 'console';
  const workspaceId = flags.get('discord') ?? flags.get('slack') ?? (platform === 'console' ? 'local' : undefined);

  const memory = await openTeamMemory(config, logger, { recording: false });
  try {
    if (command === 'stats') {
      if (words.length > 0) return usage(tr, statsUsage, 'stats');
      const since = parseSince(flags.get('since') ?? '30d');
      if (since === undefined) return usage(tr, tr.t('cli.sinceTakes', { examples: '30d, 12w, 24h', date: '2026-11-01', usage: statsUsage }), 'stats');
      const limit = Number(flags.get('limit') ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return usage(tr, tr.t('cli.limitRange', { min: 1, max: 100 }), 'stats');
      const scoped = flags.has('discord') || flags.has('slack');
      const stats = await memory.stats({ since, limit, ...(scoped && workspaceId ? { workspaceId } : {}) });
      return { reply: asReply(statsReply(lexicon, stats, scoped ? `${platform} ${workspaceId}` : tr.t('cli.everySurface'), config.STATS_RETENTION_DAYS, tr), tr), code: 0 };
    }

    const scope: SettingScope | undefined = flags.has('user')
      ? { kind: 'user', platform, userId: flags.get('user')! }
      : flags.has('channel')
        ? { kind: 'channel', platform, workspaceId: workspaceId!, channelId: flags.get('channel')! }
        : { kind: 'workspace', platform, workspaceId: workspaceId! };
    const where = describeScope(scope, tr);
    const [action = 'show', name, ...valueWords] = words;
    if (action === 'show' && !name) return { reply: asReply(settingsShown(where, await memory.settingsAt(scope), undefined, tr), tr), code: 0 };
    if (action === 'set' && name && valueWords.length > 0) {
      const parsed = parseSettingAssignment(name, valueWords.join(' '), tr);
      if ('error' in parsed) return usage(tr, `${parsed.error} ${settingsUsage(tr)}`, 'settings');
      await memory.setSettings(scope, parsed.values);
      return { reply: asReply(settingsShown(where, await memory.settingsAt(scope), 'saved', tr), tr), code: 0 };
    }
    if (action === 'clear' && name) {
      const setting = SETTING_NAMES.find((candidate) => candidate.toLowerCase() === name.toLowerCase().replace(/[-_ ]/g, ''));
      if (!setting) {
        const known = findSetting(name) ? undefined : parseSettingAssignment(name, 'x', tr);
        return usage(tr, known && 'error' in known ? known.error : settingsUsage(tr), 'settings');
      }
      await memory.setSettings(scope, { [setting]: null } as { [K in SettingName]?: null });
      return { reply: asReply(settingsShown(where, await memory.settingsAt(scope), 'cleared', tr), tr), code: 0 };
    }
    return usage(tr, settingsUsage(tr), 'settings');
  } finally {
    await memory.close();
  }
}

function describeScope(scope: SettingScope, tr: Translator): string {
  const place = scope.platform;
  if (scope.kind === 'user') return tr.t('cli.scope', { kind: 'user', platform: scope.platform, id: scope.userId, place, workspace: '' });
  if (scope.kind === 'channel') return tr.t('cli.scope', { kind: 'channel', platform: scope.platform, id: scope.channelId, place, workspace: scope.workspaceId });
  return tr.t('cli.scope', { kind: scope.platform === 'console' ? 'console' : 'workspace', platform: scope.platform, id: '', place, workspace: scope.workspaceId });
}

/** The settings stored at one place, each with its value or "not set", in the reader's language (`done`: what was just done). */
export function settingsShown(where: string, values: SettingValues, done?: 'saved' | 'cleared', tr: Translator = createTranslator()): ReturnType<typeof emptyDraft> {
  const draft = emptyDraft('list', tr.t('cli.settingsOf', { where }), { command: 'settings', options: {} });
  const shown = (name: SettingName): string => {
    const value = values[name];
    if (value === undefined) return tr.t('cli.notSetInherited');
    if (typeof value === 'boolean') return value ? 'on' : 'off';
    return value;
  };
  draft.blocks = [
    text(tr.t('cli.settingsExplain', { done: done ?? 'none' })),
    { kind: 'facts', facts: SETTING_NAMES.map((name) => ({ label: name, value: shown(name) })) },
  ];
  return draft;
}
