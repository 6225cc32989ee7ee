/**
 * Routes Discord interactions to the core: slash commands, autocomplete, buttons and the message
 * context menu. Every interaction is answered: replies are private unless asked otherwise, a failure
 * gives the user a private message with an error id (details go to the log), and anything that
 * cannot be answered at once (the lexicon still loading) is deferred first.
 */
import {
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
import { answerButton } from '../../core/buttons.js';
import type { Dispatcher } from '../../core/dispatch.js';
import { dispatcher as defaultDispatcher } from '../../dispatcher.js';
import type { Logger } from '../../core/logger.js';
import type { OptionDescriptor } from '../../core/options.js';
import { newErrorId, somethingWentWrong } from '../../core/errors.js';
import { commonRequests, createAnswers, type Answers, type EncodedPayload } from './answers.js';
import { lookupReply } from './lookup.js';
import { renderNotice, renderReply, type DiscordPayload } from './render.js';
import type { WebSettings } from '../../web/access.js';
import { pageLinker, type PageLinker } from '../../web/links.js';

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
  loading.then(
    // Answer the common requests ahead of time, so that even a first click is served from memory.
    ({ lexicon, answers }) => answers.warm(commonRequests(lexicon)).catch((error: unknown) => logger.warn('Discord: warming the answers failed', { error })),
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

  const onCommand = async (interaction: ChatInputCommandInteraction): Promise<void> => {
    const command = commands.find((c) => c.name === interaction.commandName);
    if (!command) {
      await interaction.reply({ ...renderNotice(`/${interaction.commandName} is not a command of this bot any more. Try /help.`), flags: MessageFlags.Ephemeral });
      return;
    }
    const options: Record<string, string | number> = {};
    for (const descriptor of optionsOf(command)) {
      const value = interaction.options.get(descriptor.name)?.value;
      if (typeof value === 'string' || typeof value === 'number') options[descriptor.name] = value;
    }
    const isPublic = options.visibility === 'public';
    const flags = isPublic ? undefined : MessageFlags.Ephemeral;
    const { answers } = await ready(() => interaction.deferReply(flags ? { flags } : {}));
    const { payload } = answers.rendered({ command: command.name, options }, isPublic ? 'public' : 'private');
    await send(interaction, payload, flags);
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
    const isPublic = !interaction.message.flags.has(MessageFlags.Ephemeral);
    const { lexicon, links } = await ready(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
    const answer = answerButton(dispatcher, lexicon, {
      state: interaction.customId,
      clickerId: interaction.user.id,
      message: isPublic ? { visibility: 'public', askedBy: interaction.message.interactionMetadata?.user.id } : { visibility: 'private' },
    });
    // A click that arrived while the lexicon loaded was deferred as a private reply: everything but
    // a notice or private answer is then told privately too, never written over a public message.
    switch (answer.action) {
      case 'notice':
        await send(interaction, renderNotice(answer.text), MessageFlags.Ephemeral);
        return;
      case 'private':
        await send(interaction, renderReply(answer.reply, { kind: 'private' }, links), MessageFlags.Ephemeral);
        return;
      case 'replace': {
        const payload = renderReply(answer.reply, isPublic ? { kind: 'public' } : { kind: 'private' }, links);
        if (interaction.deferred) await interaction.editReply(payload);
        else await interaction.update(payload);
        return;
      }
      case 'post': {
        // Acknowledge, post the page on screen where the command was used, then take the share
        // button off the private copy so it cannot post twice.
        if (!interaction.deferred) await deferUpdate(interaction);
        await interaction.followUp(renderReply(answer.reply, { kind: 'public', sharedByUserId: interaction.user.id }, links));
        await interaction.editReply(renderReply(answer.privateCopy, { kind: 'private' }, links));
        return;
      }
    }
  };

  const onLookup = async (interaction: MessageContextMenuCommandInteraction): Promise<void> => {
    const { lexicon, links } = await ready(() => interaction.deferReply({ flags: MessageFlags.Ephemeral }));
    const reply = lookupReply(lexicon, interaction.targetMessage.content ?? '');
    await send(interaction, renderReply(reply, { kind: 'private' }, links), MessageFlags.Ephemeral);
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
      const payload = renderNotice(somethingWentWrong(errorId));
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
        await interaction.reply({ ...renderNotice('This bot does not handle that kind of interaction.'), flags: MessageFlags.Ephemeral });
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
