/**
 * A Slack user's language, read with users.info include_locale from a fake Slack through Bolt's own
 * WebClient: looked up once, cached, and English whenever Slack fails or is slow.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { webApi } from '@slack/bolt';
import { SlackUserLocales } from '../../../src/adapters/slack/user-locale.js';
import { createLogger } from '../../../src/core/logger.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';

describe('Slack user locales', () => {
  let slack: FakeSlack;
  let client: webApi.WebClient;
  const logger = createLogger('silent');

  beforeAll(async () => {
    slack = await new FakeSlack().start();
    client = new webApi.WebClient('xoxb-test-bot-token', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  });
  afterAll(async () => slack.stop());
  beforeEach(() => slack.reset());

  const LOCALES: Record<string, string> = { U1: 'ja-JP', U2: 'zh-TW', U3: 'ko-KR', U4: 'fr-FR' };

  it('asks users.info with include_locale once per user and maps Slack locales to ours', async () => {
    slack.answer('users.info', (args) => ({ ok: true, user: { id: args.user, locale: LOCALES[String(args.user)] } }));
    const locales = new SlackUserLocales({ logger });
    expect(await locales.localeOf(client, 'T1', 'U1')).toBe('ja');
    expect(await locales.localeOf(client, 'T1', 'U2')).toBe('zh-TW');
    expect(await locales.localeOf(client, 'T1', 'U3')).toBe('ko');
    expect(await locales.localeOf(client, 'T1', 'U4')).toBe('en');
    expect(await locales.localeOf(client, 'T1', 'U1')).toBe('ja');
    const calls = slack.callsOf('users.info');
    expect(calls.map((call) => call.args.user)).toEqual(['U1', 'U2', 'U3', 'U4']);
    expect(calls.every((call) => String(call.args.include_locale) === 'true')).toBe(true);
  });

  it('looks a user up again after the TTL', async () => {
    slack.answer('users.info', (args) => ({ ok: true, user: { id: args.user, locale: 'ja-JP' } }));
    let now = 0;
    const locales = new SlackUserLocales({ logger, ttlMs: 1000, now: () => now });
    await locales.localeOf(client, 'T1', 'U1');
    now = 999;
    await locales.localeOf(client, 'T1', 'U1');
    now = 1001;
    await locales.localeOf(client, 'T1', 'U1');
    expect(slack.callsOf('users.info')).toHaveLength(2);
  });

  it('answers English when the scope is missing, and asks again only after the failure TTL', async () => {
    slack.answer('users.info', { ok: false, error: 'missing_scope' });
    let now = 0;
    const locales = new SlackUserLocales({ logger, failureTtlMs: 100, now: () => now });
    expect(await locales.localeOf(client, 'T1', 'U1')).toBe('en');
    now = 50;
    expect(await locales.localeOf(client, 'T1', 'U1')).toBe('en');
    expect(slack.callsOf('users.info')).toHaveLength(1);
    slack.answer('users.info', { ok: true, user: { id: 'U1', locale: 'ko-KR' } });
    now = 200;
    expect(await locales.localeOf(client, 'T1', 'U1')).toBe('ko');
  });

  it('does not hold an answer up: a slow users.info answers English now and the locale later', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const slowClient = {
      users: {
        info: async () => {
          await slow;
          return { ok: true, user: { locale: 'zh-CN' } };
        },
      },
    };
    const locales = new SlackUserLocales({ logger, waitMs: 20 });
    expect(await locales.localeOf(slowClient, 'T1', 'U9')).toBe('en');
    release();
    expect(await locales.localeOf(slowClient, 'T1', 'U9')).toBe('zh-CN');
  });
});
