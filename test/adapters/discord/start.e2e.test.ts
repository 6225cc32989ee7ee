/**
 * `npm start` with DISCORD_TOKEN: startDiscord connects through DISCORD_API_URL and stops cleanly;
 * the application id comes from the token.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.js';
import { startDiscord } from '../../../src/adapters/discord/index.js';
import { applicationIdFromToken, resolveApplicationId } from '../../../src/adapters/discord/token.js';
import { FakeDiscord, fakeToken } from '../../../fakes/discord/fake-discord.js';
import { slashCommand } from '../../../fakes/discord/payloads.js';
import { realLexicon, recordingLogger, type CallbackBody } from '../../fakes/discord/harness.js';

describe('Discord surface start-up', () => {
  it('starts from the configuration, answers, and stops', async () => {
    const fake = await FakeDiscord.start();
    const logger = recordingLogger();
    const surface = await startDiscord(parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }), await realLexicon(), logger);
    try {
      expect(surface.name).toBe('discord');
      expect(fake.requests[0]?.path).toBe('/gateway/bot');
      const interaction = slashCommand(fake.applicationId, { kind: 'guild', guild: fake.guilds[0]! }, 'help');
      fake.pushInteraction(interaction);
      const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      expect((callback.body as CallbackBody).type).toBe(4);
    } finally {
      await surface.stop();
      await fake.stop();
    }
    expect(logger.lines.some((line) => line.includes('Discord ready'))).toBe(true);
  });

  it('answers a command it no longer serves (stale registration) with a private hint', async () => {
    const fake = await FakeDiscord.start();
    const surface = await startDiscord(parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }), await realLexicon(), recordingLogger());
    try {
      const interaction = slashCommand(fake.applicationId, { kind: 'dm' }, 'glossary');
      fake.pushInteraction(interaction);
      const callback = await fake.waitForRequest((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      const body = callback.body as CallbackBody;
      expect(body.data?.flags).toBe(64);
      expect(body.data?.content).toContain('/glossary is not a command of this bot any more');
    } finally {
      await surface.stop();
      await fake.stop();
    }
  });

  it('reads the application id from the token, or asks for DISCORD_APPLICATION_ID', () => {
    expect(applicationIdFromToken(fakeToken('1180000000000000001'))).toBe('1180000000000000001');
    expect(applicationIdFromToken('not-a-token')).toBeUndefined();
    expect(resolveApplicationId('not-a-token', '1180000000000000002')).toBe('1180000000000000002');
    expect(() => resolveApplicationId('not-a-token')).toThrow(/DISCORD_APPLICATION_ID/);
  });
});
