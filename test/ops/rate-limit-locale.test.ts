/**
 * Slack's rate-limit notices in the reader's language, through a real Bolt app against the fake
 * Slack. A refused request asks Slack nothing: the notice speaks the user's locale when an earlier
 * request looked it up (a user who is cut off has asked before), else English; an answer made public
 * by the channel's setting is refused once the user's language is known anyway.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../src/adapters/slack/app.js';
import { SlackUserLocales } from '../../src/adapters/slack/user-locale.js';
import { decodeActionState } from '../../src/core/action-state.js';
import { silentLogger } from '../../src/core/logger.js';
import { TeamMemory } from '../../src/core/team-memory.js';
import { createTranslator } from '../../src/i18n/translator.js';
import type { Locale } from '../../src/i18n/locale.js';
import { overLimitMessage, RateLimiter, type OverLimit, type RateLimits } from '../../src/ops/rate-limit.js';
import { openStore } from '../../src/storage/open.js';
import { FAKE_TEAM_ID, FakeSlack } from '../fakes/slack/fake-slack.js';
import { SlackSender } from '../fakes/slack/http.js';
import { buttonClick, CHANNEL_ID, slashCommand, USER_ID } from '../fakes/slack/payloads.js';
import { BOT_TOKEN, buttonsOf, SIGNING_SECRET, sharedLexicon } from '../adapters/slack/harness.js';

const LIMITS: RateLimits = {
  publicPerUser: { limit: 3, windowMs: 60_000 },
  publicPerChannel: { limit: 100, windowMs: 60_000 },
  requestsPerUser: { limit: 6, windowMs: 60_000 },
};

/** The notice for `over` in `locale`, whatever the number of seconds. */
function notice(locale: Locale, over: Omit<OverLimit, 'retryAfterSeconds'>): RegExp {
  const text = overLimitMessage({ ...over, retryAfterSeconds: 987 }, createTranslator(locale));
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace('987', '\\d+')}$`, 'u');
}

interface Ack {
  response_type?: string;
  text?: string;
}

/** A Bolt app against a fake Slack whose users all read Japanese. */
async function japaneseWorkspace(memory?: TeamMemory): Promise<{ slack: FakeSlack; app: SlackApp; sender: SlackSender }> {
  const slack = await new FakeSlack().start();
  slack.answer('users.info', (args) => ({ ok: true, user: { id: args.user, locale: 'ja-JP' } }));
  const app = createSlackApp({
    lexicon: await sharedLexicon(),
    logger: silentLogger,
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    slackApiUrl: slack.apiUrl,
    rateLimiter: new RateLimiter(undefined, LIMITS),
    ...(memory ? { memory } : {}),
  });
  const { port } = await app.start({ port: 0, host: '127.0.0.1' });
  return { slack, app, sender: new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET) };
}

describe('a Japanese user cut off on Slack', () => {
  let slack: FakeSlack;
  let app: SlackApp;
  let sender: SlackSender;
  beforeAll(async () => ({ slack, app, sender } = await japaneseWorkspace()));
  afterAll(async () => {
    await app.stop();
    await slack.stop();
  });

  it('is told in Japanese, for shares and for requests, and no refused request asks Slack who they are', async () => {
    // The first request looks the user's locale up (users.info): the answer is in Japanese.
    const answer = (await sender.command(slashCommand('/define', 'empathy', slack.responseUrl('ask')))).body;
    const share = buttonsOf(answer).find((button) => decodeActionState(button.value)?.kind === 'share')!;
    expect(slack.callsOf('users.info').filter((call) => call.args.user === USER_ID)).toHaveLength(1);

    // Five Post to channel: three posted, two refused (the public-post limit), told in Japanese.
    for (let click = 0; click < 5; click += 1) {
      expect((await sender.interaction(buttonClick({ action_id: share.action_id, value: share.value }, slack.responseUrl(`share-${click}`)))).status).toBe(200);
    }
    await slack.waitFor(() => slack.responseUrlCalls.filter((call) => call.id.startsWith('share-') && call.body.response_type !== undefined).length >= 5);
    const byUrl = (id: string) => slack.responseUrlCalls.find((call) => call.id === id && call.body.response_type !== undefined)?.body;
    for (const id of ['share-0', 'share-1', 'share-2']) expect(byUrl(id)?.response_type, id).toBe('in_channel');
    for (const id of ['share-3', 'share-4']) {
      expect(byUrl(id)?.response_type, id).toBe('ephemeral');
      expect(String(byUrl(id)?.text), id).toMatch(notice('ja', { limit: 'public-post', scope: 'user' }));
    }

    // Six requests so far: the seventh is over the per-person limit, refused in Japanese on the ack.
    const refused = (await sender.command(slashCommand('/define', 'trust', slack.responseUrl('ask-again')))).body as Ack;
    expect(refused.response_type).toBe('ephemeral');
    expect(refused.text).toMatch(notice('ja', { limit: 'request', scope: 'user' }));

    // One users.info for this user in all: none for the three refused requests.
    expect(slack.callsOf('users.info').filter((call) => call.args.user === USER_ID)).toHaveLength(1);
  });
});

describe("a Japanese user cut off on Slack in a channel whose answers are public by its setting", () => {
  let slack: FakeSlack;
  let app: SlackApp;
  let sender: SlackSender;
  let memory: TeamMemory;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rate-limit-locale-'));
  beforeAll(async () => {
    memory = new TeamMemory({ store: await openStore({ dataDir }), logger: silentLogger, recordUserIds: false, retentionDays: 90, settingsTtlMs: 0, recording: false });
    await memory.setSettings({ kind: 'channel', platform: 'slack', workspaceId: FAKE_TEAM_ID, channelId: CHANNEL_ID }, { visibility: 'public' });
    ({ slack, app, sender } = await japaneseWorkspace(memory));
  });
  afterAll(async () => {
    await app.stop();
    await slack.stop();
    await memory.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('is told in Japanese once the public-post limit is met', async () => {
    const acks: Ack[] = [];
    for (let ask = 0; ask < 5; ask += 1) acks.push((await sender.command(slashCommand('/define', 'empathy', slack.responseUrl(`setting-${ask}`)))).body as Ack);
    expect(acks.map((ack) => ack.response_type)).toEqual(['in_channel', 'in_channel', 'in_channel', 'ephemeral', 'ephemeral']);
    for (const ack of acks.slice(3)) expect(ack.text).toMatch(notice('ja', { limit: 'public-post', scope: 'user' }));
  });
});

describe('the locale a refusal may use', () => {
  it('is known only after a look-up, for as long as it is cached, and never asks Slack itself', async () => {
    let now = 1_000;
    let asked = 0;
    const client = { users: { info: () => (asked += 1, Promise.resolve({ ok: true, user: { locale: 'ko-KR' } })) } };
    const locales = new SlackUserLocales({ logger: silentLogger, ttlMs: 60_000, now: () => now });
    expect(locales.knownLocaleOf('T1', 'U1')).toBeUndefined();
    expect(asked).toBe(0);
    expect(await locales.localeOf(client, 'T1', 'U1')).toBe('ko');
    expect(locales.knownLocaleOf('T1', 'U1')).toBe('ko');
    expect(locales.knownLocaleOf('T2', 'U1')).toBeUndefined();
    now += 60_001;
    expect(locales.knownLocaleOf('T1', 'U1')).toBeUndefined();
    expect(asked).toBe(1);
  });
});
