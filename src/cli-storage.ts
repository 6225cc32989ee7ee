/**
 * The one-shot CLI's commands over the team's store (the same database the bot uses):
 *   stats [--since 30d] [--discord <server id> | --slack <team id>] [--limit N] [--json]
 *   settings show|set|clear [<name> [<value>]] [--discord <server id> | --slack <team id>] [--channel <id>] [--user <id>] [--json]
 * Without --discord/--slack, settings are the console's own.
 */
import type { Config } from './config.js';
import type { Lexicon } from './core/lexicon.js';
import type { Logger } from './core/logger.js';
import { text, type Reply } from './core/reply.js';
import { emptyDraft } from './core/entry-views.js';
import { parseSettingAssignment, SETTING_NAMES, SETTINGS } from './core/settings.js';
import { parseSince, statsReply } from './core/stats-view.js';
import type { Platform, SettingName, SettingScope, SettingValues } from './core/store.js';
import { openTeamMemory } from './storage/memory.js';

export { STORAGE_COMMANDS } from './cli-arguments.js';

export interface StorageCliResult {
  reply: Reply;
  /** 0 an answer, 2 a usage error. */
  code: 0 | 2;
}

// The settings and their values, from the one table of settings.
const SETTINGS_USAGE = `Usage: settings show | settings set <name> <value> | settings clear <name> — with --discord <server id> or --slack <team id>, and --channel <id> or --user <id> to narrow it. Settings: ${SETTINGS.map((setting) => `${setting.name} (${setting.choices.map((choice) => choice.word).join(', ')})`).join(', ')}.`;
const STATS_USAGE = 'Usage: stats [--since 30d|12w|24h|2026-11-01] [--discord <server id> | --slack <team id>] [--limit N] [--json]';

function asReply(draft: ReturnType<typeof emptyDraft>): Reply {
  return { ...draft, page: { index: 1, count: 1 } };
}

function usage(title: string, message: string, command: string): StorageCliResult {
  const draft = emptyDraft('usage-error', title, { command, options: {} });
  draft.blocks = [text(message)];
  return { reply: asReply(draft), code: 2 };
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

/** Answer `stats …` or `settings …` (argv without the command word's predecessors). */
export async function runStorageCommand(argv: readonly string[], config: Config, lexicon: Lexicon, logger: Logger): Promise<StorageCliResult> {
  const [command, ...rest] = argv;
  const { words, flags, bad } = flagsOf(rest);
  if (bad) return command === 'stats' ? usage('Usage error', `Unknown or incomplete option “${bad}”. ${STATS_USAGE}`, 'stats') : usage('Usage error', `Unknown or incomplete option “${bad}”. ${SETTINGS_USAGE}`, 'settings');
  const platform: Platform = flags.has('discord') ? 'discord' : flags.has('slack') ? 'slack' : 'console';
  const workspaceId = flags.get('discord') ?? flags.get('slack') ?? (platform === 'console' ? 'local' : undefined);

  const memory = await openTeamMemory(config, logger, { recording: false });
  try {
    if (command === 'stats') {
      if (words.length > 0) return usage('Usage error', STATS_USAGE, 'stats');
      const since = parseSince(flags.get('since') ?? '30d');
      if (since === undefined) return usage('Usage error', `--since takes a period such as 30d, 12w, 24h or a date such as 2026-11-01. ${STATS_USAGE}`, 'stats');
      const limit = Number(flags.get('limit') ?? 10);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) return usage('Usage error', '--limit is a whole number from 1 to 100.', 'stats');
      const scoped = flags.has('discord') || flags.has('slack');
      const stats = await memory.stats({ since, limit, ...(scoped && workspaceId ? { workspaceId } : {}) });
      return { reply: asReply(statsReply(lexicon, stats, scoped ? `${platform} ${workspaceId}` : 'every surface', config.STATS_RETENTION_DAYS)), code: 0 };
    }

    const scope: SettingScope | undefined = flags.has('user')
      ? { kind: 'user', platform, userId: flags.get('user')! }
      : flags.has('channel')
        ? { kind: 'channel', platform, workspaceId: workspaceId!, channelId: flags.get('channel')! }
        : { kind: 'workspace', platform, workspaceId: workspaceId! };
    const where = describeScope(scope);
    const [action = 'show', name, ...valueWords] = words;
    if (action === 'show' && !name) return { reply: asReply(settingsShown(where, await memory.settingsAt(scope))), code: 0 };
    if (action === 'set' && name && valueWords.length > 0) {
      const parsed = parseSettingAssignment(name, valueWords.join(' '));
      if ('error' in parsed) return usage('Usage error', `${parsed.error} ${SETTINGS_USAGE}`, 'settings');
      await memory.setSettings(scope, parsed.values);
      return { reply: asReply(settingsShown(where, await memory.settingsAt(scope), 'Saved. ')), code: 0 };
    }
    if (action === 'clear' && name) {
      const known = parseSettingAssignment(name, 'x');
      const setting = SETTING_NAMES.find((candidate) => candidate.toLowerCase() === name.toLowerCase().replace(/[-_ ]/g, ''));
      if (!setting) return usage('Usage error', 'error' in known && known.error.startsWith('There is no') ? known.error : SETTINGS_USAGE, 'settings');
      await memory.setSettings(scope, { [setting]: null } as { [K in SettingName]?: null });
      return { reply: asReply(settingsShown(where, await memory.settingsAt(scope), 'Cleared. ')), code: 0 };
    }
    return usage('Usage error', SETTINGS_USAGE, 'settings');
  } finally {
    await memory.close();
  }
}

function describeScope(scope: SettingScope): string {
  const place = scope.platform === 'discord' ? 'Discord server' : scope.platform === 'slack' ? 'Slack workspace' : 'console';
  if (scope.kind === 'user') return `${scope.platform} user ${scope.userId}`;
  if (scope.kind === 'channel') return `channel ${scope.channelId} of ${place} ${scope.workspaceId}`;
  return scope.platform === 'console' ? 'the console' : `${place} ${scope.workspaceId}`;
}

/** The settings stored at one place, each with its value or "not set". */
export function settingsShown(where: string, values: SettingValues, prefix = ''): ReturnType<typeof emptyDraft> {
  const draft = emptyDraft('list', `Settings of ${where}`, { command: 'settings', options: {} });
  const shown = (name: SettingName): string => {
    const value = values[name];
    if (value === undefined) return 'not set (inherited)';
    if (typeof value === 'boolean') return value ? 'on' : 'off';
    return value;
  };
  draft.blocks = [
    text(`${prefix}A channel's settings override its server's or workspace's; a user's own choice of language, citation and visibility comes first; an option given in a command always wins.`),
    { kind: 'facts', facts: SETTING_NAMES.map((name) => ({ label: name, value: shown(name) })) },
  ];
  return draft;
}
