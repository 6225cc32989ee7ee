/**
 * Discord benchmark: interaction-to-callback latency against the fake Discord on 127.0.0.1, from the
 * moment the gateway sends INTERACTION_CREATE to the moment the interaction callback reaches the fake's
 * REST. Our /define and autocomplete beside a bare discord.js handler that replies with a fixed
 * string, measured in the same run and interleaved so machine load hits all alike.
 * Run: `npx tsx src/bench/discord-bench.ts` (or `npm run bench`).
 */
import { pathToFileURL } from 'node:url';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { createDiscordBot, type DiscordBot } from '../adapters/discord/index.js';
import { loadLexicon } from '../core/load-lexicon.js';
import { silentLogger } from '../core/logger.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { autocomplete, slashCommand, type InteractionPlace } from '../../fakes/discord/payloads.js';

const WARMUP = 200;
const SAMPLES = 2_000;
/** Target: our /define within this factor of the bare handler, at p50 and p99. */
const TARGET_RATIO = 1.3;

const DEFINE_TERMS = ['empathy', 'trust', 'self-restraint', 'CBMs', 'reasurance', 'empathey', '同理心', 'xinlai', 'confidence', 'CSO'];
const AUTOCOMPLETE_QUERIES = ['emp', 'empathey', '同理心', 'tbm', 'reasurance', 'conf', 'xinlai', 'consoc', 'self rest', '공감'];

interface Target {
  name: string;
  fake: FakeDiscord;
  place: InteractionPlace;
  make: (i: number) => { id: string; token: string };
  samples: number[];
}

async function measureOnce(target: Target, i: number): Promise<number> {
  const interaction = target.make(i);
  const path = `/interactions/${interaction.id}/${interaction.token}/callback`;
  const answered = target.fake.waitForRequest((request) => request.path === path, 10_000);
  const start = performance.now();
  target.fake.pushInteraction(interaction);
  const request = await answered;
  return request.at - start;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * (sorted.length - 1)))]!;
}

async function connectBare(fake: FakeDiscord): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl, globalRequestsPerSecond: 1_000_000 } });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ content: 'A fixed answer.' });
  });
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(fake.token);
  await ready;
  return client;
}

async function connectOurs(fake: FakeDiscord, answerCacheSize?: number): Promise<DiscordBot> {
  const bot = createDiscordBot({
    token: fake.token,
    lexicon: await loadLexicon(),
    logger: silentLogger,
    rest: { api: fake.apiUrl, globalRequestsPerSecond: 1_000_000 },
    ...(answerCacheSize !== undefined ? { answerCacheSize } : {}),
  });
  await bot.start();
  return bot;
}

/** Run the benchmark and print its table. */
export async function run(): Promise<void> {
  const fakes = await Promise.all([0, 1, 2, 3].map(() => FakeDiscord.start({ record: false })));
  const [bareFake, oursFake, uncachedFake, autocompleteFake] = fakes as [FakeDiscord, FakeDiscord, FakeDiscord, FakeDiscord];
  const bare = await connectBare(bareFake);
  const ours = await connectOurs(oursFake);
  const uncached = await connectOurs(uncachedFake, 0);
  const oursForAutocomplete = await connectOurs(autocompleteFake);
  try {
    const place = (fake: FakeDiscord): InteractionPlace => ({ kind: 'guild', guild: fake.guilds[0]! });
    const targets: Target[] = [
      { name: 'bare discord.js, fixed string', fake: bareFake, place: place(bareFake), make: () => slashCommand(bareFake.applicationId, place(bareFake), 'ping'), samples: [] },
      {
        name: 'our /define (answer cache on)',
        fake: oursFake,
        place: place(oursFake),
        make: (i) => slashCommand(oursFake.applicationId, place(oursFake), 'define', [{ name: 'term', value: DEFINE_TERMS[i % DEFINE_TERMS.length]! }]),
        samples: [],
      },
      {
        name: 'our /define (answer cache off)',
        fake: uncachedFake,
        place: place(uncachedFake),
        make: (i) => slashCommand(uncachedFake.applicationId, place(uncachedFake), 'define', [{ name: 'term', value: DEFINE_TERMS[i % DEFINE_TERMS.length]! }]),
        samples: [],
      },
      {
        name: 'our autocomplete (term)',
        fake: autocompleteFake,
        place: place(autocompleteFake),
        make: (i) =>
          autocomplete(autocompleteFake.applicationId, place(autocompleteFake), 'define', [{ name: 'term', value: AUTOCOMPLETE_QUERIES[i % AUTOCOMPLETE_QUERIES.length]!, focused: true }]),
        samples: [],
      },
    ];
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      for (const target of targets) {
        const latency = await measureOnce(target, i);
        if (i >= WARMUP) target.samples.push(latency);
      }
    }
    const rows = targets.map((target) => {
      const sorted = [...target.samples].sort((a, b) => a - b);
      return { name: target.name, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    });
    const base = rows[0]!;
    console.log(`Interaction-to-callback latency, ${SAMPLES} samples each after ${WARMUP} warm-up, interleaved (ms)`);
    console.log(`${'handler'.padEnd(34)} ${'p50'.padStart(7)} ${'p99'.padStart(7)} ${'p50 ×'.padStart(7)} ${'p99 ×'.padStart(7)}`);
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(34)} ${row.p50.toFixed(3).padStart(7)} ${row.p99.toFixed(3).padStart(7)} ${(row.p50 / base.p50).toFixed(2).padStart(7)} ${(row.p99 / base.p99).toFixed(2).padStart(7)}`,
      );
    }
    const define = rows[1]!;
    const pass = define.p50 <= base.p50 * TARGET_RATIO && define.p99 <= base.p99 * TARGET_RATIO;
    console.log(
      `Target: our /define within ${TARGET_RATIO}× the bare handler at p50 and p99: ${pass ? 'PASS' : 'FAIL'} (p50 ${(define.p50 / base.p50).toFixed(2)}×, p99 ${(define.p99 / base.p99).toFixed(2)}×)`,
    );
  } finally {
    await bare.destroy();
    await ours.stop();
    await uncached.stop();
    await oursForAutocomplete.stop();
    await Promise.all(fakes.map((fake) => fake.stop()));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await run();
