/**
 * A running bot against the fake Discord: the real discord.js Client, the real lexicon, the real
 * commands. `ask` pushes an interaction and returns what the bot sent back.
 */
import { createDiscordBot, type DiscordBot, type DiscordBotOptions } from '../../../src/adapters/discord/index.js';
import { loadLexicon } from '../../../src/core/load-lexicon.js';
import type { Lexicon } from '../../../src/core/lexicon.js';
import { createLogger, type Logger } from '../../../src/core/logger.js';
import { FakeDiscord, type FakeDiscordOptions, type RecordedRequest } from '../../../fakes/discord/fake-discord.js';

let lexicon: Promise<Lexicon> | undefined;
/** The project's real lexicon, loaded once per test file. */
export function realLexicon(): Promise<Lexicon> {
  lexicon ??= loadLexicon();
  return lexicon;
}

/** A logger that keeps its lines for assertions. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger('debug', (line) => lines.push(line)), { lines });
}

export interface RunningBot {
  fake: FakeDiscord;
  bot: DiscordBot;
  logger: Logger & { lines: string[] };
  /** Push an interaction; resolve with the callback the bot sent for it. */
  ask(interaction: { id: string; token: string }): Promise<RecordedRequest>;
  /** Requests made with this interaction's token after its callback (edits, follow-ups). */
  webhookRequests(interaction: { token: string }): RecordedRequest[];
  stop(): Promise<void>;
}

/** Start the fake and a bot logged in to it; resolves once the client is ready. */
export async function startBot(
  overrides: Partial<Omit<DiscordBotOptions, 'token' | 'logger'>> = {},
  fakeOptions: FakeDiscordOptions = {},
): Promise<RunningBot> {
  const fake = await FakeDiscord.start(fakeOptions);
  const logger = recordingLogger();
  const bot = createDiscordBot({
    token: fake.token,
    logger,
    lexicon: overrides.lexicon ?? (await realLexicon()),
    rest: { api: fake.apiUrl, globalRequestsPerSecond: 100_000 },
    ...overrides,
  });
  try {
    await bot.start();
  } catch (error) {
    await bot.stop();
    await fake.stop();
    throw error;
  }
  return {
    fake,
    bot,
    logger,
    ask: (interaction) => {
      const since = fake.requests.length;
      fake.pushInteraction(interaction);
      return fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, 5_000, since);
    },
    webhookRequests: (interaction) => fake.requests.filter((r) => r.path.startsWith(`/webhooks/${fake.applicationId}/${interaction.token}`)),
    async stop() {
      await bot.stop();
      await fake.stop();
    },
  };
}

/** The shape of an interaction callback body. */
export interface CallbackBody {
  type: number;
  data?: {
    content?: string;
    flags?: number;
    embeds?: { title?: string; description?: string; author?: { name: string }; footer?: { text: string }; url?: string; fields?: { name: string; value: string }[] }[];
    components?: { components: { custom_id: string; label: string; style: number }[] }[];
    allowed_mentions?: unknown;
    choices?: { name: string; value: string }[];
  };
}

/** The buttons of a callback or message body, flattened. */
export function buttonsOf(data: CallbackBody['data']): { custom_id: string; label: string; style: number }[] {
  return (data?.components ?? []).flatMap((row) => row.components);
}
