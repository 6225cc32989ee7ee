import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, type SlackApp } from '../../../src/adapters/slack/app.js';
import { createLogger } from '../../../src/core/logger.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import { FakeSocketMode } from '../../fakes/slack/fake-socket.js';
import { appMention, buttonClick, slashCommand } from '../../fakes/slack/payloads.js';
import { allText, limitProblems } from './limits-check.js';
import { BOT_TOKEN, buttonsOf, sharedLexicon } from './harness.js';

const APP_TOKEN = 'xapp-1-A0FAKE-test';

let slack: FakeSlack;
let socket: FakeSocketMode;
let app: SlackApp;
const logLines: string[] = [];

beforeAll(async () => {
  slack = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  slack.socketUrl = socket.url;
  app = createSlackApp({
    lexicon: await sharedLexicon(),
    logger: createLogger('warn', (line) => logLines.push(line)),
    logLevel: 'warn',
    token: BOT_TOKEN,
    appToken: APP_TOKEN,
    slackApiUrl: slack.apiUrl,
    // The reconnect delay is clientPingTimeout × attempts; short for the test, but long enough that a
    // pong delayed by a busy machine does not recycle the connection under an envelope in flight.
    socket: { clientPingTimeout: 1000 },
  });
  await app.start();
});
afterAll(async () => {
  await app.stop();
  await socket.stop();
  await slack.stop();
});

describe('Slack Socket Mode (fake apps.connections.open and WebSocket on 127.0.0.1)', () => {
  it('connects with the app-level token through apps.connections.open and the hello handshake', async () => {
    expect(app.mode).toBe('socket');
    const opens = slack.callsOf('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]?.token).toBe(APP_TOKEN);
    expect(socket.connections).toHaveLength(1);
  });

  it('answers a slash command in the envelope’s acknowledgement', async () => {
    const ack = await socket.send('slash_commands', slashCommand('/define', 'empathy', slack.responseUrl()));
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(ack.payload!)).toContain('David A. Welch');
    expect(limitProblems(ack.payload!)).toEqual([]);
  });

  it('serves buttons and mentions over the socket too', async () => {
    const answer = await socket.send('slash_commands', slashCommand('/define', 'trust', slack.responseUrl()));
    const next = buttonsOf(answer.payload).find((button) => button.label.includes('Page 2'))!;
    await socket.send('interactive', buttonClick({ action_id: next.action_id, value: next.value }, slack.responseUrl('socket-click')));
    const page2 = await slack.waitFor(() => slack.responseUrlCalls.find((call) => call.id === 'socket-click'));
    expect(allText(page2.body)).toContain('Page 2 of 3');
    await socket.send('events_api', appMention('define trust', '1700000900.000100', '1700000000.000100'));
    const post = await slack.waitFor(() => slack.callsOf('chat.postMessage')[0]);
    expect(post.args.thread_ts).toBe('1700000000.000100');
  });

  it('reconnects when Slack asks it to (disconnect: refresh_requested) and keeps answering', async () => {
    socket.requestRefresh();
    await socket.waitForConnections(2);
    expect(slack.callsOf('apps.connections.open')).toHaveLength(2);
    await slack.waitFor(() => socket.connections[0]?.readyState === socket.connections[0]?.CLOSED);
    const ack = await socket.send('slash_commands', slashCommand('/lexicon', 'search reassurance', slack.responseUrl()));
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(allText(ack.payload!)).toContain('Reassurance');
  });

  it('reconnects after the connection drops without warning', async () => {
    socket.open?.terminate();
    await socket.waitForConnections(3);
    const ack = await socket.send('slash_commands', slashCommand('/cite', 'trust 28', slack.responseUrl()));
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
  });
});
