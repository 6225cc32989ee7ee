/**
 * `npm run start:sharded`: discord.js's ShardingManager spawns real shard processes (through tsx)
 * against the fake Discord; each shard serves its own guild, and a button made on one shard works
 * on the other, since its state is in the custom_id.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { resolveShardCount, startSharded, type ShardedBot } from '../../../src/adapters/discord/sharded.js';
import { FakeDiscord } from '../../../fakes/discord/fake-discord.js';
import { buttonClick, slashCommand } from '../../../fakes/discord/payloads.js';
import { buttonsOf, type CallbackBody } from '../../fakes/discord/harness.js';

// Snowflakes whose (id >> 22) % 2 puts them on shard 0 and shard 1.
const GUILD_ON_SHARD_0 = { id: (262_144_000_000n << 22n).toString(), name: 'Even', channelId: '1100000000000000101' };
const GUILD_ON_SHARD_1 = { id: (262_144_000_001n << 22n).toString(), name: 'Odd', channelId: '1100000000000000102' };

describe('Discord adapter: sharding', () => {
  let fake: FakeDiscord | undefined;
  let sharded: ShardedBot | undefined;
  afterAll(async () => {
    await sharded?.stop();
    await fake?.stop();
  });

  it('asks Discord for the shard count when it is "auto"', async () => {
    const recommending = await FakeDiscord.start({ recommendedShards: 3 });
    try {
      const config = parseConfig({ DISCORD_TOKEN: recommending.token, DISCORD_API_URL: recommending.apiUrl, DISCORD_SHARD_COUNT: 'auto' });
      expect(await resolveShardCount(config)).toBe(3);
      expect(await resolveShardCount(parseConfig({ DISCORD_TOKEN: recommending.token, DISCORD_SHARD_COUNT: '2' }))).toBe(2);
    } finally {
      await recommending.stop();
    }
  });

  it('runs two shard processes, each answering its own guild', { timeout: 45_000 }, async () => {
    fake = await FakeDiscord.start({ guilds: [GUILD_ON_SHARD_0, GUILD_ON_SHARD_1] });
    expect([FakeDiscord.shardOf(GUILD_ON_SHARD_0.id, 2), FakeDiscord.shardOf(GUILD_ON_SHARD_1.id, 2)]).toEqual([0, 1]);
    const env = { DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARD_COUNT: '2', LOG_LEVEL: 'silent' };
    sharded = await startSharded({ config: parseConfig(env), logger: silentLogger, spawnDelayMs: 0, spawnTimeoutMs: 30_000, env });
    const f = fake;

    const identified = f.gatewayLog.filter((entry) => entry.op === 'identify').map((entry) => entry.shard);
    expect(identified).toEqual(expect.arrayContaining([[0, 2], [1, 2]]));
    const guildsPerShard = await sharded.manager.broadcastEval((client) => client.guilds.cache.map((guild) => guild.id));
    expect(guildsPerShard).toEqual([[GUILD_ON_SHARD_0.id], [GUILD_ON_SHARD_1.id]]);

    const ask = async (interaction: { id: string; token: string }) => {
      const since = f.requests.length;
      f.pushInteraction(interaction);
      return (await f.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`, 15_000, since)).body as CallbackBody;
    };
    const onShard0 = await ask(slashCommand(f.applicationId, { kind: 'guild', guild: GUILD_ON_SHARD_0 }, 'define', [{ name: 'term', value: 'empathy' }]));
    const onShard1 = await ask(slashCommand(f.applicationId, { kind: 'guild', guild: GUILD_ON_SHARD_1 }, 'define', [{ name: 'term', value: 'trust' }]));
    expect(onShard0.data!.embeds![0]!.title).toBe('Empathy');
    expect(onShard1.data!.embeds![0]!.title).toBe('Trust');

    // A button made by shard 0, clicked where shard 1 serves it.
    const sources = buttonsOf(onShard0.data).find((b) => b.label.startsWith('Sources'))!;
    const clicked = await ask(buttonClick(f.applicationId, { kind: 'guild', guild: GUILD_ON_SHARD_1 }, sources.custom_id, { embeds: onShard0.data!.embeds!, components: onShard0.data!.components! }));
    expect(clicked.data!.embeds![0]!.author?.name).toContain('David A. Welch');
  });
});
