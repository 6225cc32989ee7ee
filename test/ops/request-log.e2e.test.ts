/**
 * The request log on a real Bolt app: one JSON line at info per answered request (surface, command,
 * reply kind, entry, latency, request id), the request id equal to the error id a person is shown,
 * and no token, signing secret, response_url or shortcut message text in any line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../src/adapters/slack/app.js';
import { SHARE_SHORTCUT_CALLBACK_ID } from '../../src/adapters/slack/ids.js';
import { createLogger } from '../../src/core/logger.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { SlackSender } from '../fakes/slack/http.js';
import { appMention, messageShortcut, slashCommand } from '../fakes/slack/payloads.js';
import { BOT_TOKEN, SIGNING_SECRET, sharedLexicon } from '../adapters/slack/harness.js';

const SHORTCUT_TEXT = 'Confidential: our negotiating position on the strait';

let slack: FakeSlack;
let app: SlackApp;
let sender: SlackSender;
const lines: string[] = [];

beforeAll(async () => {
  slack = await new FakeSlack().start();
  const logger = createLogger('info', (line) => lines.push(line), { secrets: [BOT_TOKEN, SIGNING_SECRET] });
  app = createSlackApp({ lexicon: await sharedLexicon(), logger, logLevel: 'info', token: BOT_TOKEN, signingSecret: SIGNING_SECRET, slackApiUrl: slack.apiUrl });
  const { port } = await app.start({ port: 0, host: '127.0.0.1' });
  sender = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
});
afterAll(async () => {
  await app.stop();
  await slack.stop();
});

const parsed = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the request log (Slack, JSON lines)', () => {
  it('writes one info line per answered request, with surface, command, reply kind, entry, latency and request id', async () => {
    expect((await sender.command(slashCommand('/define', 'empathy', slack.responseUrl('a')))).status).toBe(200);
    await sender.event(appMention('define trust', '1700000700.000100'));
    await slack.waitFor(() => slack.callsOf('chat.postMessage')[0]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const answered = parsed().filter((line) => line.msg === 'request answered');
    expect(answered).toEqual([
      expect.objectContaining({ level: 'info', surface: 'slack', command: '/define', replyKind: 'definition', entryId: 'empathy', latencyMs: expect.any(Number), requestId: expect.stringMatching(/^E[A-Z2-9]{5}$/) }),
      expect.objectContaining({ surface: 'slack', command: 'event:app_mention', replyKind: 'definition', entryId: 'trust' }),
    ]);
  });

  it('gives a failed request the same id in its log line as in the error the person sees', async () => {
    slack.answer('views.open', { ok: false, error: 'expired_trigger_id' });
    await sender.interaction(messageShortcut(SHARE_SHORTCUT_CALLBACK_ID, { ts: '1700000800.000100' }, slack.responseUrl('shortcut')));
    const told = await slack.waitFor(() => slack.responseUrlCalls.find((call) => call.id === 'shortcut'));
    const shownId = /error id (E[A-Z2-9]{5})/.exec(String(told.body.text))?.[1];
    expect(shownId).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const failed = parsed().find((line) => line.msg === 'request failed');
    expect(failed).toMatchObject({ surface: 'slack', command: 'shortcut', requestId: shownId });
  });

  it('never writes the bot token, the signing secret, a response_url or the text of a shared message', async () => {
    slack.reset();
    slack.answer('views.open', { ok: false, error: 'fatal_error' });
    const shortcut = messageShortcut(SHARE_SHORTCUT_CALLBACK_ID, { ts: '1700000900.000100' }, slack.responseUrl('secret-url'));
    shortcut.message.text = SHORTCUT_TEXT;
    await sender.interaction(shortcut);
    await slack.waitFor(() => slack.responseUrlCalls.find((call) => call.id === 'secret-url'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [BOT_TOKEN, SIGNING_SECRET, '/response/', SHORTCUT_TEXT]) expect(all).not.toContain(secret);
    // Every line is one JSON object.
    expect(() => parsed()).not.toThrow();
  });
});
