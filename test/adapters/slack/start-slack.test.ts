import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, EVENTS_PATH, startSlack } from '../../../src/adapters/slack/index.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import { FakeSocketMode } from '../../fakes/slack/fake-socket.js';
import { get, SlackSender } from '../../fakes/slack/http.js';
import { appMention } from '../../fakes/slack/payloads.js';
import { BOT_TOKEN, SIGNING_SECRET, sharedLexicon } from './harness.js';

let slack: FakeSlack;
let socket: FakeSocketMode;
beforeAll(async () => {
  slack = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  slack.socketUrl = socket.url;
});
afterAll(async () => {
  await socket.stop();
  await slack.stop();
});

describe('startSlack from the configuration', () => {
  it('starts in Socket Mode when SLACK_APP_TOKEN is set, checking the bot token with auth.test', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: slack.apiUrl });
    const surface = await startSlack(config, await sharedLexicon(), silentLogger);
    expect(surface.name).toBe('slack (socket mode)');
    expect(slack.callsOf('auth.test')[0]?.token).toBe(BOT_TOKEN);
    expect(socket.connections.length).toBeGreaterThan(0);
    await surface.stop();
  });

  it('starts in HTTP mode on PORT otherwise, with the health endpoint', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' });
    const surface = await startSlack(config, await sharedLexicon(), silentLogger);
    const port = /:(\d+)/.exec(surface.name)?.[1];
    expect(surface.name).toMatch(/^slack \(http :\d+\/slack\/events/);
    expect((await get(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    await surface.stop();
  });

  it('fails start-up with a clear error when Slack rejects the bot token', async () => {
    slack.answer('auth.test', { ok: false, error: 'invalid_auth' });
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' });
    await expect(startSlack(config, await sharedLexicon(), silentLogger)).rejects.toThrow(/invalid_auth/);
    slack.reset();
  });
});

describe('the seam for multi-workspace installs', () => {
  it('answers with the token an authorize function returns for the team (as an installation store would)', async () => {
    const teams: string[] = [];
    const app = createSlackApp({
      lexicon: await sharedLexicon(),
      logger: silentLogger,
      signingSecret: SIGNING_SECRET,
      slackApiUrl: slack.apiUrl,
      authorize: async ({ teamId }) => {
        teams.push(String(teamId));
        return { botToken: `xoxb-installed-for-${teamId}`, botUserId: 'UBOT0LEX', teamId };
      },
    });
    const { port } = await app.start({ port: 0, host: '127.0.0.1' });
    try {
      await new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET).event(appMention('define trust', '1700001000.000100'));
      const post = await slack.waitFor(() => slack.callsOf('chat.postMessage')[0]);
      expect(post.token).toBe('xoxb-installed-for-T0FAKE');
      expect(teams).toEqual(['T0FAKE']);
    } finally {
      await app.stop();
      slack.reset();
    }
  });
});
