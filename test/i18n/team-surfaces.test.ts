/**
 * The team's own surfaces in the pseudo-locale en-XA (every catalog literal marked ⟦…⟧): the
 * `/settings` and `/stats` replies and their usage errors (unknown setting, bad value, too many
 * words, unknown subcommand, bad period) as the console, Discord and Slack render them, the Slack
 * App Home (for an admin and for everyone else) and the share modal. What is left unmarked must be
 * data: the settings table's names and words, command names and examples, the entries' names, the
 * recorded queries, the document's title and caveat. Every locale also stays within Slack's view
 * limits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamCommands } from '../../commands/index.js';
import type { Lexicon } from '../../src/core/lexicon.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Reply } from '../../src/core/reply.js';
import { SETTINGS } from '../../src/core/settings.js';
import { answerTeamCommand, teamUsageError, type TeamCommand, type TeamCommandContext, type TeamRequest } from '../../src/core/team-command.js';
import { TeamMemory } from '../../src/core/team-memory.js';
import { openStore } from '../../src/storage/open.js';
import { dispatcher } from '../../src/dispatcher.js';
import { pieceLabel } from '../../src/core/entry-views.js';
import { renderReplyForTerminal } from '../../src/adapters/console/render.js';
import { renderReply as renderDiscord } from '../../src/adapters/discord/render.js';
import { renderReply as renderSlack } from '../../src/adapters/slack/render.js';
import { homeView, shareModal } from '../../src/adapters/slack/views.js';
import { createTranslator } from '../../src/i18n/translator.js';
import { LOCALES, PSEUDO_LOCALE, type UiLocale } from '../../src/i18n/locale.js';
import { DOCUMENT_CAVEAT, DOCUMENT_TITLE } from '../../src/i18n/words.js';
import { allText, limitProblems } from '../adapters/slack/limits-check.js';
import { sharedLexicon } from '../adapters/slack/harness.js';
import { unmarked } from './pseudo-check.js';

const QUERIES = ['trust', 'xylophone', 'welch'];
/** What the reader typed in the usage errors below, and the period notation (30d, 12w, 24h), the same in every language. */
const TYPED = ['colour', 'red', 'loud', 'yes', 'fr', 'yesterday', '30d, 12w, 24h'];
const WORKSPACE = 'T0PSEUDO';
const CHANNEL = 'C0PSEUDO';

let lexicon: Lexicon;
let memory: TeamMemory;
const dataDir = mkdtempSync(join(tmpdir(), 'lexicon-team-surfaces-'));
beforeAll(async () => {
  lexicon = await sharedLexicon();
  memory = new TeamMemory({ store: await openStore({ dataDir }), logger: silentLogger, recordUserIds: false, retentionDays: 90, settingsTtlMs: 0 });
  const at = Date.now() - 3_600_000;
  await memory.store.recordLookups([
    { at, surface: 'slack', workspaceId: WORKSPACE, channelId: CHANNEL, userId: null, command: 'define', query: 'trust', replyKind: 'definition', entryId: 'trust', suggestions: 0, latencyMs: 1 },
    { at, surface: 'slack', workspaceId: WORKSPACE, channelId: CHANNEL, userId: null, command: 'define', query: 'xylophone', replyKind: 'no-match', entryId: null, suggestions: 0, latencyMs: 1 },
    { at, surface: 'slack', workspaceId: WORKSPACE, channelId: CHANNEL, userId: null, command: 'define', query: 'welch', replyKind: 'no-match', entryId: null, suggestions: 2, latencyMs: 1 },
  ]);
  await memory.setSettings({ kind: 'workspace', platform: 'slack', workspaceId: WORKSPACE }, { language: 'ja', allowPublic: false });
});
afterAll(async () => {
  await memory.close().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

/** The words of the settings table, of the commands and of the entries: data, the same in every language. */
function dataWords(): string[] {
  return [
    DOCUMENT_TITLE,
    DOCUMENT_CAVEAT,
    ...QUERIES,
    ...TYPED,
    WORKSPACE,
    CHANNEL,
    'lexicon',
    ...SETTINGS.flatMap((setting) => [setting.name, setting.name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), ...setting.choices.map((choice) => choice.word)]),
    ...dispatcher.commands.map((command) => command.name),
    ...teamCommands.flatMap((command) => [command.name, ...command.examples, ...command.subcommands.flatMap((sub) => [sub.name, ...sub.options.flatMap((option) => [option.name, ...(option.choices ?? []).map((choice) => choice.word)])]), ...command.options.map((option) => option.name)]),
    ...lexicon.entries.flatMap((entry) => [entry.term, entry.contribution, pieceLabel(entry), ...entry.authors]),
  ];
}

const command = (name: string): TeamCommand => teamCommands.find((candidate) => candidate.name === name)!;

function contextIn(locale: UiLocale): TeamCommandContext {
  return { lexicon, memory, place: { platform: 'slack', workspaceId: WORKSPACE, channelId: CHANNEL }, retentionDays: 90, locale, tr: createTranslator(locale) };
}

/** Every team reply and usage error, in a locale. */
async function teamReplies(locale: UiLocale): Promise<Reply[]> {
  const context = contextIn(locale);
  const answer = (name: string, request: TeamRequest) => answerTeamCommand(command(name), request, context, silentLogger);
  const typed = (name: string, words: string[]): Reply => {
    const read = command(name).readWords(words, context.tr);
    expect('error' in read, `${name} ${words.join(' ')}`).toBe(true);
    return teamUsageError(command(name), 'error' in read ? read.error : '', context.tr, command(name).examples.map((example) => `/lexicon ${example}`));
  };
  return [
    await answer('settings', { subcommand: 'show', options: {} }),
    await answer('settings', { subcommand: 'language', options: { value: 'ko', scope: 'channel' } }),
    await answer('settings', { subcommand: 'language', options: { value: 'default', scope: 'channel' } }),
    await answer('settings', { subcommand: 'language', options: { value: 'fr' } }),
    await answer('settings', { subcommand: 'colour', options: {} }),
    await answer('settings', { subcommand: 'show', options: { loud: 'yes' } }),
    await answer('stats', { subcommand: undefined, options: {} }),
    await answer('stats', { subcommand: undefined, options: { since: '1999-01-01' } }),
    await answer('stats', { subcommand: undefined, options: { since: 'yesterday' } }),
    typed('settings', ['colour', 'red']),
    typed('settings', ['language', 'ja', 'channel', 'loud']),
    typed('stats', ['7d', '12w']),
  ];
}

function renderings(reply: Reply): [string, string][] {
  const discord = renderDiscord(reply, { kind: 'private' });
  const embed = discord.embeds[0]!;
  const slack = renderSlack(reply, { audience: 'private' });
  return [
    ['console', renderReplyForTerminal(reply, { color: false, width: 80 })],
    ['discord', [discord.content ?? '', embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]), embed.footer?.text ?? ''].join('\n')],
    ['slack', [slack.text, allText(slack)].join('\n')],
  ];
}

function views(locale: UiLocale) {
  return [
    ['home (admin)', homeView(lexicon, { values: { language: 'ja', allowPublic: false }, editable: true }, locale)],
    ['home (member)', homeView(lexicon, { values: {}, editable: false }, locale)],
    ['share modal', shareModal({ channel: CHANNEL, threadTs: '1.2' }, locale)],
  ] as const;
}

describe('the team surfaces go through the catalog (pseudo-locale en-XA)', () => {
  it('leaves nothing of ours unmarked in /settings and /stats, their usage errors, on the console, Discord and Slack', async () => {
    const problems: string[] = [];
    for (const reply of await teamReplies(PSEUDO_LOCALE)) {
      expect(reply.locale).toBe(PSEUDO_LOCALE);
      for (const [surface, rendered] of renderings(reply)) {
        const left = unmarked(rendered, dataWords());
        if (left.length > 0) problems.push(`${reply.title} · ${surface}: ${left.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves nothing of ours unmarked on the Slack App Home (admin and member) and in the share modal', () => {
    const problems: string[] = [];
    for (const [name, view] of views(PSEUDO_LOCALE)) {
      const left = unmarked(allText({ blocks: [view] }), dataWords());
      if (left.length > 0) problems.push(`${name}: ${left.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });

  it('would catch an English sentence left in a settings error', async () => {
    const [show] = await teamReplies(PSEUDO_LOCALE);
    const leaky: Reply = { ...show!, blocks: [{ kind: 'text', text: ['Examples: settings show'] }, ...show!.blocks] };
    expect(unmarked(renderings(leaky)[0]![1], dataWords()).join()).toContain('examples');
  });
});

describe('the team surfaces in every locale', () => {
  it.each<UiLocale>([...LOCALES, PSEUDO_LOCALE])('%s: the App Home and the share modal stay within Slack’s view limits, the replies within the message limits', async (locale) => {
    const problems: string[] = [];
    for (const [name, view] of views(locale)) problems.push(...limitProblems(view, 100).map((problem) => `${name}: ${problem}`));
    for (const reply of await teamReplies(locale)) {
      expect(reply.locale).toBe(locale);
      problems.push(...limitProblems(renderSlack(reply, { audience: 'private' })).map((problem) => `${reply.title}: ${problem}`));
    }
    expect(problems).toEqual([]);
  });

  it('speaks Japanese on the App Home and in a settings error when the reader reads Japanese', async () => {
    const home = allText({ blocks: [homeView(lexicon, { values: {}, editable: false }, 'ja')] });
    expect(home).toContain('このワークスペースの設定');
    expect(home).toContain('未設定（既定）');
    const replies = await teamReplies('ja');
    expect(renderings(replies.at(-3)!)[0]![1]).toContain('という設定はありません');
  });
});
