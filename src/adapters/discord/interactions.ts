/**
 * Routes Discord interactions to the core: slash commands, autocomplete, buttons and the message
 * context menu. Every interaction is answered: replies are private unless asked otherwise, a failure
 * gives the user a private message with an error id (details go to the log), and anything that
 * cannot be answered at once (the lexicon still loading) is deferred first.
 */
import {
  ApplicationCommandOptionType,
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { Command } from '../../core/command.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Reply } from '../../core/reply.js';
import { answerButton } from '../../core/buttons.js';
import type { Dispatcher } from '../../core/dispatch.js';
import { dispatcher as defaultDispatcher } from '../../dispatcher.js';
import type { Logger } from '../../core/logger.js';
import type { OptionDescriptor } from '../../core/options.js';
import { newErrorId, somethingWentWrong } from '../../core/errors.js';
import { createAnswers, type Answers, type EncodedPayload } from './answers.js';
import { lookupReply } from './lookup.js';
import { renderNotice, renderReply, type DiscordPayload } from './render.js';
import type { WebSettings } from '../../web/access.js';
import { pageLinker, type PageLinker } from '../../web/links.js';
import { DISCORD_PERMISSIONS } from './commands.js';
import { answeredRequest } from '../../core/answered.js';
import { placeLayers, preferencesOf, resolveSettings, visibilityFor, type SettingLayers } from '../../core/settings.js';
import { answerTeamCommand, type TeamCommand } from '../../core/team-command.js';
import type { TeamMemory } from '../../core/team-memory.js';
import { readerLocale } from './reader-locale.js';
import { refusedPublicBySetting } from './rate-limits.js';
import type { RateLimiter } from '../../ops/rate-limit.js';
import { withoutShare } from '../../core/buttons.js';
import { command as commandReference } from '../../core/reply.js';
import { proseOf } from '../../core/prose.js';
import { createTranslator } from '../../i18n/translator.js';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';

export interface InteractionDependencies {
  /** The lexicon, or its loading: interactions that arrive before it is ready are deferred. */
  lexicon: Lexicon | Promise<Lexicon>;
  /** The command list the bot serves (the same one `npm run register` registers). */
  commands: readonly Command[];
  logger: Logger;
  /** Answers remembered per request (default 500; 0 turns the cache off). */
  answerCacheSize?: number;
  /** The dispatcher over `commands` (default: the bot's). */
  dispatcher?: Dispatcher;
  /** The reading room that answers link to (WEB_PUBLIC_URL is set); no links without it. */
  readingRoom?: WebSettings;
  /**
   * The team's store: settings applied to every answer, answered requests recorded, and the team
   * commands (`/settings`, `/stats`) answered from it. Without it: defaults, nothing recorded.
   */
  memory?: TeamMemory;
  /** The commands over the store (served only with `memory`). */
  teamCommands?: readonly TeamCommand[];
  /** STATS_RETENTION_DAYS, said in /stats. */
  retentionDays?: number;
  /** The limits on public posts, for answers made public by a channel's or server's setting (the listener counts explicit ones). */
  rateLimiter?: RateLimiter;
}

/** A handler for `Events.InteractionCreate`; it never rejects. */
export function createInteractionHandler(dependencies: InteractionDependencies): (interaction: Interaction) => Promise<void> {
  const { commands, logger } = dependencies;
  const dispatcher = dependencies.dispatcher ?? defaultDispatcher;
  type Loaded = { lexicon: Lexicon; answers: Answers; links: PageLinker | undefined };
  const given = dependencies.lexicon;
  const load = (lexicon: Lexicon): Loaded => {
    const links = dependencies.readingRoom ? pageLinker(lexicon, dependencies.readingRoom) : undefined;
    return { lexicon, links, answers: createAnswers(lexicon, dependencies.answerCacheSize, dispatcher, links) };
  };
  let loaded: Loaded | undefined = given instanceof Promise ? undefined : load(given);
  const loading: Promise<Loaded> = loaded ? Promise.resolve(loaded) : Promise.resolve(given).then((lexicon) => (loaded = load(lexicon)));
  /**
   * Answer the common requests ahead of time in a locale, so that even a first click is served from
   * memory: English at start, another language when its first reader asks (the cache is keyed by
   * locale, so no reader ever gets another language's warm answer).
   */
  const warmLocale = (answers: Answers, locale: Locale): void => {
    answers.warmLocale(locale).then(
      (count) => {
        if (count > 0) logger.info('Discord: answers warmed', { locale, count });
      },
      (error: unknown) => logger.warn('Discord: warming the answers failed', { locale, error }),
    );
  };
  loading.then(
    ({ answers }) => warmLocale(answers, DEFAULT_LOCALE),
    (error: unknown) => logger.error('Discord: the lexicon failed to load', { error }),
  );

  /** The answers, deferring the interaction first when the lexicon is not loaded yet. */
  const ready = async (defer: () => Promise<unknown>): Promise<Loaded> => {
    if (loaded) return loaded;
    await defer();
    return loading;
  };

  const updateDeferred = new WeakSet<Interaction>();
  const deferUpdate = async (interaction: ButtonInteraction): Promise<void> => {
    await interaction.deferUpdate();
    updateDeferred.add(interaction);
  };

  const optionsOf = (command: Command): OptionDescriptor[] => dispatcher.optionsOf(command);
  const { memory } = dependencies;
  /**
   * The settings stored where an interaction happens, read once per interaction: the reader's
   * settings and the language of a public post are both resolved from them (none without a store,
   * or when it fails: the defaults).
   */
  const layersOf = async (interaction: Interaction): Promise<SettingLayers> =>
    memory ? memory.settingLayers({ platform: 'discord', workspaceId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id }) : {};

  /** Record an answered request (never the text of a message; the user only when STATS_USER_IDS=true). */
  const record = (interaction: Interaction, command: string, typed: Record<string, unknown>, reply: Reply, started: number): void => {
    memory?.record(answeredRequest({ surface: 'discord', workspaceId: interaction.guildId, channelId: interaction.channelId, userId: interaction.user.id }, command, typed, reply, performance.now() - started));
  };

  /** `/settings`, `/stats`: in a server, for members with the command's permission, answered from the store. */
  const onTeamCommand = async (interaction: ChatInputCommandInteraction, command: TeamCommand): Promise<void> => {
    const tr = createTranslator(await localeFor(interaction, 'private'));
    if (!interaction.inGuild()) {
      await interaction.reply({ ...renderNotice(tr.t('settings.serverOnly', { command: command.name })), flags: MessageFlags.Ephemeral });
      return;
    }
    // default_member_permissions only hides the command, and a server may grant it to others: the
    // member's permissions that Discord computed and sent with the interaction decide.
    if (!interaction.memberPermissions.has(DISCORD_PERMISSIONS[command.permission])) {
      logger.info('Discord: team command refused (missing permission)', { command: command.name, guildId: interaction.guildId });
      await interaction.reply({ ...renderNotice(tr.t('settings.refusedDiscord', { command: command.name })), flags: MessageFlags.Ephemeral });
      return;
    }
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { lexicon } = await loading;
    const subcommand = interaction.options.getSubcommand(false) ?? undefined;
    const given = interaction.options.data.flatMap((option) => (option.type === ApplicationCommandOptionType.Subcommand ? (option.options ?? []) : [option]));
    const options = Object.fromEntries(given.filter((option) => typeof option.value === 'string').map((option) => [option.name, String(option.value)]));
    const reply = memory
      ? await answerTeamCommand(
          command,
          { subcommand, options },
          { lexicon, memory, place: { platform: 'discord', workspaceId: interaction.guildId, channelId: interaction.channelId }, retentionDays: dependencies.retentionDays ?? 90, locale: tr.locale, tr },
          logger,
        )
      : undefined;
    await interaction.editReply(reply ? renderReply(reply) : renderNotice(tr.t('settings.storeFailed', { errorId: newErrorId() })));
  };

  /**
   * The language of an answer: a private one in the reader's UI-language setting (theirs, else their
   * channel's or server's) or their client's; a public one in the channel's or server's setting, else
   * the server's community language.
   */
  const localeFor = async (interaction: Interaction, visibility: 'private' | 'public', known?: SettingLayers): Promise<Locale> => {
    const place = { platform: 'discord' as const, workspaceId: interaction.guildId, channelId: interaction.channelId };
    const layers = known ?? (memory ? await memory.settingLayers(visibility === 'private' ? { ...place, userId: interaction.user.id } : place) : {});
    const { uiLanguage } = resolveSettings(visibility === 'private' ? layers : placeLayers(layers));
    return readerLocale({ locale: interaction.locale, guildLocale: interaction.guildLocale }, visibility, uiLanguage);
  };

  const onCommand = async (interaction: ChatInputCommandInteraction): Promise<void> => {
    const started = performance.now();
    const command = commands.find((c) => c.name === interaction.commandName);
    const teamCommand = dependencies.teamCommands?.find((c) => c.name === interaction.commandName);
    if (!command && teamCommand) {
      await onTeamCommand(interaction, teamCommand);
      return;
    }
    if (!command) {
      const tr = createTranslator(await localeFor(interaction, 'private'));
      const notice = proseOf(tr, 'error.notACommand', { command: commandReference(interaction.commandName), help: commandReference('help') });
      await interaction.reply({ ...renderNotice(notice), flags: MessageFlags.Ephemeral });
      return;
    }
    const options: Record<string, string | number> = {};
    for (const descriptor of optionsOf(command)) {
      const value = interaction.options.get(descriptor.name)?.value;
      if (typeof value === 'string' || typeof value === 'number') options[descriptor.name] = value;
    }
    // The place's settings: its default visibility (an explicit option wins), whether public posting
    // is allowed, the language shown first and the citation style.
    const layers = await layersOf(interaction);
    const settings = resolveSettings(layers);
    const explicit = typeof options.visibility === 'string' ? options.visibility : undefined;
    const { visibility, refused } = visibilityFor(explicit, settings);
    const isPublic = visibility === 'public';
    // Public by the place's setting, not by the person's option: a public post all the same.
    const limiter = dependencies.rateLimiter;
    if (isPublic && explicit !== 'public' && limiter && (await refusedPublicBySetting(interaction, limiter, logger))) return;
    const flags = isPublic ? undefined : MessageFlags.Ephemeral;
    const { answers } = await ready(() => interaction.deferReply(flags ? { flags } : {}));
    const locale = await localeFor(interaction, isPublic ? 'public' : 'private', layers);
    const { reply, payload } = answers.rendered({ command: command.name, options }, visibility, preferencesOf(settings), locale);
    await send(interaction, payload, flags);
    warmLocale(answers, locale);
    if (refused) await interaction.followUp({ ...renderNotice(createTranslator(await localeFor(interaction, 'private', layers)).t('settings.publicRefused')), flags: MessageFlags.Ephemeral });
    record(interaction, command.name, options, reply, started);
  };

  const onAutocomplete = async (interaction: AutocompleteInteraction): Promise<void> => {
    const command = commands.find((c) => c.name === interaction.commandName);
    const focused = interaction.options.getFocused(true);
    const descriptor = command ? optionsOf(command).find((d) => d.name === focused.name) : undefined;
    // Autocomplete cannot be deferred: answer nothing rather than late while the lexicon loads.
    if (!descriptor || descriptor.kind !== 'term' || !loaded) {
      await interaction.respond([]);
      return;
    }
    await interaction.respond(loaded.answers.choices(String(focused.value)));
  };

  /** Every click goes through the core's one button path; this only carries out its answer. */
  const onButton = async (interaction: ButtonInteraction): Promise<void> => {
    const started = performance.now();
    const isPublic = !interaction.message.flags.has(MessageFlags.Ephemeral);
    const { lexicon, links } = await ready(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
    const layers = await layersOf(interaction);
    const privateLocale = await localeFor(interaction, 'private', layers);
    const publicLocale = await localeFor(interaction, 'public', layers);
    const answer = answerButton(dispatcher, lexicon, {
      state: interaction.customId,
      clickerId: interaction.user.id,
      message: isPublic ? { visibility: 'public', askedBy: interaction.message.interactionMetadata?.user.id } : { visibility: 'private' },
      locale: privateLocale,
    });
    // What goes on a public message is written in the server's language, the rest in the clicker's.
    const inPublicLocale = (reply: Reply): Reply =>
      publicLocale === privateLocale ? reply : withoutShare(dispatcher.dispatch(lexicon, { ...reply.request, locale: publicLocale }));
    // A click that arrived while the lexicon loaded was deferred as a private reply: everything but
    // a notice or private answer is then told privately too, never written over a public message.
    switch (answer.action) {
      case 'notice':
        await send(interaction, renderNotice(answer.text), MessageFlags.Ephemeral);
        return;
      case 'private':
        await send(interaction, renderReply(answer.reply, { kind: 'private' }, links), MessageFlags.Ephemeral);
        record(interaction, answer.reply.request.command, {}, answer.reply, started);
        return;
      case 'replace': {
        const payload = isPublic ? renderReply(inPublicLocale(answer.reply), { kind: 'public' }, links) : renderReply(answer.reply, { kind: 'private' }, links);
        if (interaction.deferred) await interaction.editReply(payload);
        else await interaction.update(payload);
        record(interaction, answer.reply.request.command, {}, answer.reply, started);
        return;
      }
      case 'post': {
        if (!resolveSettings(layers).allowPublic) {
          await send(interaction, renderNotice(createTranslator(privateLocale).t('settings.publicRefused')), MessageFlags.Ephemeral);
          return;
        }
        // Acknowledge, post the page on screen where the command was used, then take the share
        // button off the private copy so it cannot post twice.
        if (!interaction.deferred) await deferUpdate(interaction);
        await interaction.followUp(renderReply(inPublicLocale(answer.reply), { kind: 'public', sharedByUserId: interaction.user.id }, links));
        await interaction.editReply(renderReply(answer.privateCopy, { kind: 'private' }, links));
        record(interaction, answer.reply.request.command, {}, answer.reply, started);
        return;
      }
    }
  };

  const onLookup = async (interaction: MessageContextMenuCommandInteraction): Promise<void> => {
    const started = performance.now();
    const { lexicon, links } = await ready(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
    const reply = lookupReply(lexicon, interaction.targetMessage.content ?? '', await localeFor(interaction, 'private'));
    await send(interaction, renderReply(reply, { kind: 'private' }, links), MessageFlags.Ephemeral);
    // No message text is kept: only that a message was looked up, and what it answered.
    record(interaction, 'lookup', {}, reply, started);
  };

  const fail = async (interaction: Interaction, error: unknown): Promise<void> => {
    const errorId = newErrorId();
    logger.error('Discord interaction failed', { errorId, error, ...describe(interaction) });
    try {
      if (interaction.isAutocomplete()) {
        if (!interaction.responded) await interaction.respond([]);
        return;
      }
      if (!interaction.isRepliable()) return;
      const payload = renderNotice(somethingWentWrong(errorId, await localeFor(interaction, 'private').catch(() => undefined)));
      // A click acknowledged with deferUpdate must not have its message overwritten: follow up instead.
      if (interaction.replied || updateDeferred.has(interaction)) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
      else if (interaction.deferred) await interaction.editReply(payload);
      else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
    } catch (secondError) {
      logger.error('Discord: could not tell the user about a failure', { errorId, error: secondError });
    }
  };

  return async (interaction: Interaction): Promise<void> => {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isMessageContextMenuCommand()) await onLookup(interaction);
      else if (interaction.isRepliable()) {
        await interaction.reply({ ...renderNotice(createTranslator(await localeFor(interaction, 'private')).t('error.unhandledInteraction')), flags: MessageFlags.Ephemeral });
      }
    } catch (error) {
      await fail(interaction, error);
    }
  };
}

/** Reply, or fill in the deferred reply. */
async function send(interaction: RepliableInteraction, payload: DiscordPayload | EncodedPayload, flags: MessageFlags.Ephemeral | undefined): Promise<void> {
  if (interaction.deferred) await interaction.editReply(payload);
  else await interaction.reply(flags ? { ...payload, flags } : payload);
}

/** What the log needs to find an interaction again. */
function describe(interaction: Interaction): Record<string, unknown> {
  return {
    interactionId: interaction.id,
    type: interaction.type,
    command: interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : undefined,
    customId: interaction.isMessageComponent() ? interaction.customId : undefined,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    userId: interaction.user.id,
  };
}
