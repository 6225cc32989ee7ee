/**
 * The fake Discord itself: a bare discord.js Client logs in through it and answers an interaction.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { FakeDiscord } from '../../../fakes/discord/fake-discord.js';
import { slashCommand } from '../../../fakes/discord/payloads.js';

describe('fake Discord', () => {
  let fake: FakeDiscord | undefined;
  let client: Client | undefined;
  afterEach(async () => {
    await client?.destroy();
    await fake?.stop();
  });

  it('lets a real discord.js client log in, receive an interaction and answer it', async () => {
    fake = await FakeDiscord.start();
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl, globalRequestsPerSecond: 10_000 } });
    client.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'pong' });
    });
    const ready = new Promise((resolve) => client!.once(Events.ClientReady, resolve));
    await client.login(fake.token);
    await ready;
    expect(client.guilds.cache.has(fake.guilds[0]!.id)).toBe(true);
    const interaction = slashCommand(fake.applicationId, { kind: 'guild', guild: fake.guilds[0]! }, 'ping');
    fake.pushInteraction(interaction);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    expect(callback.body).toMatchObject({ type: 4, data: { content: 'pong' } });
  });
});
