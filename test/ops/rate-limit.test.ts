/**
 * Limits on abuse: the counter and the policy, then a burst against a real Bolt app and a real
 * discord.js client: one person's burst of public posts is cut off with a private "try again in N s";
 * others are still served.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../src/adapters/slack/app.js';
import { createDiscordBot, type DiscordBot } from '../../src/adapters/discord/index.js';
import { decodeActionState } from '../../src/core/action-state.js';
import { silentLogger } from '../../src/core/logger.js';
import { TeamMemory } from '../../src/core/team-memory.js';
import { openStore } from '../../src/storage/open.js';
import { InMemoryRateLimitCounter, RateLimiter, type RateLimits } from '../../src/ops/rate-limit.js';
import { FAKE_TEAM_ID, FakeSlack } from '../fakes/slack/fake-slack.js';
import { SlackSender } from '../fakes/slack/http.js';
import { buttonClick, CHANNEL_ID, slashCommand } from '../fakes/slack/payloads.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { slashCommand as discordSlashCommand } from '../../fakes/discord/payloads.js';
import { realLexicon, type CallbackBody } from '../fakes/discord/harness.js';
import { BOT_TOKEN, buttonsOf, SIGNING_SECRET, sharedLexicon } from '../adapters/slack/harness.js';

const TIGHT: RateLimits = {
  publicPerUser: { limit: 3, windowMs: 60_000 },
  publicPerChannel: { limit: 100, windowMs: 60_000 },
  requestsPerUser: { limit: 1_000, windowMs: 60_000 },
};

describe('the rate limiter', () => {
  it('counts per key in fixed windows and says how long until the window ends', async () => {
    let now = 10_000;
    const limiter = new RateLimiter(new InMemoryRateLimitCounter(() => now), { ...TIGHT, publicPerUser: { limit: 2, windowMs: 60_000 } }, () => now);
    expect(await limiter.publicPost('slack', 'U1', 'C1')).toBeUndefined();
    expect(await limiter.publicPost('slack', 'U1', 'C1')).toBeUndefined();
    expect(await limiter.publicPost('slack', 'U1', 'C1')).toEqual({ limit: 'public-post', scope: 'user', retryAfterSeconds: 50 });
    expect(await limiter.publicPost('slack', 'U2', 'C1')).toBeUndefined();
    now = 60_000;
    expect(await limiter.publicPost('slack', 'U1', 'C1')).toBeUndefined();
  });

  it('limits a channel across people, and every request per person, generously by default', async () => {
    const limiter = new RateLimiter(new InMemoryRateLimitCounter(), { ...TIGHT, publicPerChannel: { limit: 2, windowMs: 60_000 }, requestsPerUser: { limit: 3, windowMs: 60_000 } });
    expect(await limiter.publicPost('slack', 'U1', 'C9')).toBeUndefined();
    expect(await limiter.publicPost('slack', 'U2', 'C9')).toBeUndefined();
    expect(await limiter.publicPost('slack', 'U3', 'C9')).toMatchObject({ scope: 'channel' });
    for (let i = 0; i < 3; i += 1) expect(await limiter.request('discord', 'U1')).toBeUndefined();
    expect(await limiter.request('discord', 'U1')).toMatchObject({ limit: 'request', scope: 'user' });
    // The defaults: nobody typing notices them.
    const generous = new RateLimiter();
    for (let i = 0; i < 60; i += 1) expect(await generous.request('slack', 'U1')).toBeUndefined();
  });
});

describe('a burst of Post to channel on Slack', () => {
  let slack: FakeSlack;
  let app: SlackApp;
  let sender: SlackSender;
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    app = createSlackApp({ lexicon: await sharedLexicon(), logger: silentLogger, token: BOT_TOKEN, signingSecret: SIGNING_SECRET, slackApiUrl: slack.apiUrl, rateLimiter: new RateLimiter(undefined, TIGHT) });
    const { port } = await app.start({ port: 0, host: '127.0.0.1' });
    sender = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('posts the first few, answers the rest privately with "try again in N s", and still serves someone else', async () => {
    const answer = (await sender.command(slashCommand('/define', 'empathy', slack.responseUrl('ask')))).body;
    const share = buttonsOf(answer).find((button) => decodeActionState(button.value)?.kind === 'share')!;
    for (let click = 0; click < 5; click += 1) {
      expect((await sender.interaction(buttonClick({ action_id: share.action_id, value: share.value }, slack.responseUrl(`burst-${click}`)))).status).toBe(200);
    }
    const other = buttonClick({ action_id: share.action_id, value: share.value }, slack.responseUrl('other'));
    await sender.interaction({ ...other, user: { ...other.user, id: 'U0SOMEONE' } });
    await slack.waitFor(() => slack.responseUrlCalls.filter((call) => call.body.response_type !== undefined).length >= 6);
    const byUrl = (id: string) => slack.responseUrlCalls.find((call) => call.id === id && call.body.response_type !== undefined)?.body;
    for (const id of ['burst-0', 'burst-1', 'burst-2', 'other']) expect(byUrl(id)?.response_type, id).toBe('in_channel');
    for (const id of ['burst-3', 'burst-4']) {
      expect(byUrl(id)?.response_type, id).toBe('ephemeral');
      expect(String(byUrl(id)?.text)).toMatch(/Please try again in \d+ s/);
    }
  });
});

describe('a burst of public answers on Discord', { timeout: 30_000 }, () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    bot = createDiscordBot({ token: fake.token, lexicon: await realLexicon(), logger: silentLogger, rest: { api: fake.apiUrl }, rateLimiter: new RateLimiter(undefined, TIGHT) });
    await bot.start();
  });
  afterAll(async () => {
    await bot.stop();
    await fake.stop();
  });

  it('answers the first few publicly, the rest privately with "try again in N s"', async () => {
    const flags: (number | undefined)[] = [];
    const texts: string[] = [];
    for (let ask = 0; ask < 5; ask += 1) {
      const interaction = discordSlashCommand(fake.applicationId, { kind: 'guild', guild: fake.guilds[0]! }, 'define', [
        { name: 'term', value: 'trust' },
        { name: 'visibility', value: 'public' },
      ]);
      fake.pushInteraction(interaction);
      const callback = await fake.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      const body = callback.body as CallbackBody;
      flags.push(body.data?.flags);
      texts.push(JSON.stringify(body.data));
    }
    expect(flags.slice(0, 3).every((flag) => flag === undefined || (flag & 64) === 0)).toBe(true);
    expect(flags.slice(3)).toEqual([64, 64]);
    expect(texts[4]).toMatch(/Please try again in \d+ s/);
  });
});

/** A team memory on a new embedded database, with one channel whose answers are public by its setting. */
async function memoryWithPublicChannel(dataDir: string, scope: { platform: 'slack' | 'discord'; workspaceId: string; channelId: string }): Promise<TeamMemory> {
  const memory = new TeamMemory({ store: await openStore({ dataDir }), logger: silentLogger, recordUserIds: false, retentionDays: 90, settingsTtlMs: 0, recording: false });
  await memory.setSettings({ kind: 'channel', ...scope }, { visibility: 'public' });
  return memory;
}

describe("a burst of answers made public by the channel's setting on Slack", () => {
  let slack: FakeSlack;
  let app: SlackApp;
  let sender: SlackSender;
  let memory: TeamMemory;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rate-limit-slack-'));
  beforeAll(async () => {
    slack = await new FakeSlack().start();
    memory = await memoryWithPublicChannel(dataDir, { platform: 'slack', workspaceId: FAKE_TEAM_ID, channelId: CHANNEL_ID });
    app = createSlackApp({ lexicon: await sharedLexicon(), logger: silentLogger, token: BOT_TOKEN, signingSecret: SIGNING_SECRET, slackApiUrl: slack.apiUrl, rateLimiter: new RateLimiter(undefined, TIGHT), memory });
    const { port } = await app.start({ port: 0, host: '127.0.0.1' });
    sender = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
    await memory.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts them as public posts: the first few are posted, the rest answered privately with "try again in N s"', async () => {
    const acks: { response_type?: string; text?: string }[] = [];
    for (let ask = 0; ask < 5; ask += 1) acks.push((await sender.command(slashCommand('/define', 'empathy', slack.responseUrl(`setting-${ask}`)))).body as { response_type?: string; text?: string });
    expect(acks.map((ack) => ack.response_type)).toEqual(['in_channel', 'in_channel', 'in_channel', 'ephemeral', 'ephemeral']);
    expect(acks[4]?.text).toMatch(/Please try again in \d+ s/);
    // Someone else in the channel is still answered there.
    const other = await sender.command({ ...slashCommand('/define', 'empathy', slack.responseUrl('setting-other')), user_id: 'U0SOMEONE' });
    expect((other.body as { response_type?: string }).response_type).toBe('in_channel');
    // The same person may still ask privately, elsewhere or with --private.
    expect(((await sender.command(slashCommand('/define', 'empathy --private', slack.responseUrl('setting-private')))).body as { response_type?: string }).response_type).toBe('ephemeral');
  });
});

describe("a burst of answers made public by the channel's setting on Discord", { timeout: 30_000 }, () => {
  let fake: FakeDiscord;
  let bot: DiscordBot;
  let memory: TeamMemory;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rate-limit-discord-'));
  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const guild = fake.guilds[0]!;
    memory = await memoryWithPublicChannel(dataDir, { platform: 'discord', workspaceId: guild.id, channelId: guild.channelId });
    bot = createDiscordBot({ token: fake.token, lexicon: await realLexicon(), logger: silentLogger, rest: { api: fake.apiUrl }, rateLimiter: new RateLimiter(undefined, TIGHT), memory });
    await bot.start();
  });
  afterAll(async () => {
    await bot.stop();
    await fake.stop();
    await memory.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts them as public posts: the first few are posted, the rest answered privately with "try again in N s"', async () => {
    const flags: (number | undefined)[] = [];
    const texts: string[] = [];
    for (let ask = 0; ask < 5; ask += 1) {
      const interaction = discordSlashCommand(fake.applicationId, { kind: 'guild', guild: fake.guilds[0]! }, 'define', [{ name: 'term', value: 'trust' }]);
      fake.pushInteraction(interaction);
      const callback = await fake.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
      const body = callback.body as CallbackBody;
      flags.push(body.data?.flags);
      texts.push(JSON.stringify(body.data));
    }
    expect(flags.slice(0, 3).every((flag) => flag === undefined || (flag & 64) === 0)).toBe(true);
    expect(flags.slice(3)).toEqual([64, 64]);
    expect(texts[3]).toMatch(/Please try again in \d+ s/);
    expect(texts[4]).toMatch(/Please try again in \d+ s/);
  });
});
