/**
 * Slash commands (`/define`, `/translate`, `/cite`, `/lexicon …`): answered in the acknowledgement
 * itself, ephemeral Block Kit in one round trip (or in the channel with --public, or where the
 * channel's settings say public). `/lexicon settings|stats` are for workspace admins and owners:
 * acknowledged at once, then answered privately through the response URL.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { teamCommands } from '../../../../commands/index.js';
import { answeredRequest } from '../../../core/answered.js';
import { noteAnswer } from '../../../core/request-context.js';
import { preferencesOf, resolveSettings, visibilityFor } from '../../../core/settings.js';
import { answerTeamCommand, teamUsageError, type TeamCommand } from '../../../core/team-command.js';
import { newErrorId } from '../../../core/errors.js';
import { createTranslator } from '../../../i18n/translator.js';
import { plainFromSlackMarkup } from '../mrkdwn.js';
import { reportFailure, tellUser } from '../failure.js';
import { renderReply } from '../render.js';
import { commandLineFor, type SlashCommandSpec } from '../slash-commands.js';
import { answerSlackText, askedVisibility, publicMessage } from './answer.js';
import { privateLocale, publicLocale, type ListenerDeps } from './deps.js';
import { refusedPublicBySetting } from '../rate-limits.js';

/** What Bolt passes a slash-command listener. */
export type SlashCommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** The team command a line asks for (`settings language ja`), with the words after its name. */
function teamCommandOf(line: string): { command: TeamCommand; words: string[] } | undefined {
  const [first = '', ...words] = plainFromSlackMarkup(line).trim().split(/\s+/);
  const command = teamCommands.find((candidate) => candidate.name === first.toLowerCase().replace(/^\//, ''));
  return command ? { command, words } : undefined;
}

/** `/lexicon settings …`, `/lexicon stats …`: admins and owners only, answered from the store. */
async function answerTeam(deps: ListenerDeps, { command, ack, respond, client }: SlashCommandArgs, team: { command: TeamCommand; words: string[] }): Promise<void> {
  // Acknowledged at once: users.info and the database together may take longer than Slack's 3 s.
  await ack();
  const name = team.command.name;
  const say = (text: string) => respond({ response_type: 'ephemeral', text });
  const tr = createTranslator(await privateLocale(deps, client, command.team_id, command.user_id));
  const admin = await deps.admins.isAdmin(client, command.team_id, command.user_id);
  if (admin === undefined) return void (await say(tr.t('settings.adminUnknown', { command: name })));
  if (!admin) {
    deps.logger.info('Slack: team command refused (not a workspace admin or owner)', { command: name, team: command.team_id });
    return void (await say(tr.t('settings.refusedSlack', { command: name })));
  }
  if (!deps.memory) return void (await say(tr.t('settings.storeFailed', { errorId: newErrorId() })));
  const read = team.command.readWords(team.words, tr);
  if ('error' in read) {
    // How it is typed here: `/lexicon settings show`.
    return void (await respond({ response_type: 'ephemeral', ...renderReply(teamUsageError(team.command, read.error, tr, team.command.examples.map((example) => `/lexicon ${example}`))) }));
  }
  const reply = await answerTeamCommand(
    team.command,
    read,
    { lexicon: deps.lexicon, memory: deps.memory, place: { platform: 'slack', workspaceId: command.team_id, channelId: command.channel_id }, retentionDays: deps.retentionDays, locale: tr.locale, tr },
    deps.logger,
  );
  await respond({ response_type: 'ephemeral', ...renderReply(reply) });
}

/** The listener of the slash commands in `specs`. */
export function slashCommandListener(deps: ListenerDeps, specs: readonly SlashCommandSpec[]) {
  const byCommand = new Map(specs.map((spec) => [spec.command, spec]));
  return async (args: SlashCommandArgs): Promise<void> => {
    const { command, ack, respond, client } = args;
    const started = performance.now();
    let acked = false;
    const spec = byCommand.get(command.command);
    try {
      if (!spec) throw new Error(`No slash command ${command.command} is configured`);
      const line = commandLineFor(spec, command.text ?? '');
      const team = spec.runs ? undefined : teamCommandOf(line);
      if (team) {
        acked = true;
        await answerTeam(deps, args, team);
        return;
      }
      // The place's settings: default visibility (an explicit --public/--private wins), whether public
      // posting is allowed, the language shown first and the citation style.
      const place = { platform: 'slack' as const, workspaceId: command.team_id, channelId: command.channel_id, userId: command.user_id };
      const layers = deps.memory ? await deps.memory.settingLayers(place) : {};
      const settings = resolveSettings(layers);
      const preferences = preferencesOf(settings);
      // Private answers in the user's language, public posts in the channel's or workspace's; cached per language.
      const userLocale = await privateLocale(deps, client, command.team_id, command.user_id, layers);
      const locale = visibilityFor(askedVisibility(line), settings).visibility === 'public' ? await publicLocale(deps, command.team_id, command.channel_id, layers) : userLocale;
      const { reply, explicit, asked, privateMessage } = deps.answers.get(`${locale}\u0000${preferences.language ?? ''}|${preferences.citation ?? ''}|${line}`, () => {
        const answer = answerSlackText(deps.lexicon, line, preferences, locale);
        return { ...answer, privateMessage: { response_type: 'ephemeral' as const, ...renderReply(answer.reply, { links: deps.links }) } };
      });
      noteAnswer(reply.kind, reply.entryId);
      const { visibility, refused } = visibilityFor(explicit, settings);
      // Public by the place's setting, not by --public: a public post all the same.
      if (visibility === 'public' && explicit !== 'public' && deps.rateLimiter && (await refusedPublicBySetting(args, deps.rateLimiter, deps.logger, userLocale))) {
        acked = true;
        return;
      }
      const message =
        visibility === 'public'
          ? { response_type: 'in_channel' as const, ...publicMessage(deps.lexicon, reply, command.user_id, settings.citation, deps.links) }
          : privateMessage;
      acked = true;
      await ack(message);
      if (refused) await respond({ response_type: 'ephemeral', text: createTranslator(userLocale).t('settings.publicRefused') });
      deps.memory?.record(answeredRequest({ surface: 'slack', ...place }, asked.command, asked.options, reply, performance.now() - started));
    } catch (error) {
      const text = reportFailure(deps.logger, `slash command ${command.command}`, error, { text: command.text, user: command.user_id });
      await tellUser(deps.logger, command.command, () => (acked ? respond({ response_type: 'ephemeral', text }) : ack({ response_type: 'ephemeral', text })));
    }
  };
}
