/**
 * The Slack surface at its edges: bodies Bolt cannot take, Slack's event retries, expired
 * response_urls, mentions read as a person means them. A real Bolt app against the fake Slack.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeActionState } from '../../../src/core/action-state.js';
import { EXPIRED_RESPONSE_URL_NOTE } from '../../../src/adapters/slack/respond-fallback.js';
import { InMemoryEventDeduper } from '../../../src/core/event-dedupe.js';
import { post } from '../../fakes/slack/http.js';
import { appMention, buttonClick, CHANNEL_ID, slashCommand, USER_ID } from '../../fakes/slack/payloads.js';
import { signedHeaders } from '../../fakes/slack/signing.js';
import { buttonsOf, SIGNING_SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
afterEach(() => h.slack.reset());

function signedPost(body: string, contentType: 'application/json' | 'application/x-www-form-urlencoded', extra: Record<string, string> = {}) {
  return post(h.sender.endpoint, body, { ...signedHeaders(SIGNING_SECRET, body, contentType), ...extra });
}

describe('Slack bodies Bolt cannot take', () => {
  it('answers 400 to a correctly signed body that is null, a number, a string or payload=null, and keeps serving', async () => {
    const bodies: [string, 'application/json' | 'application/x-www-form-urlencoded'][] = [
      ['null', 'application/json'],
      ['42', 'application/json'],
      ['"text"', 'application/json'],
      ['[1,2]', 'application/json'],
      ['{not json', 'application/json'],
      ['payload=null', 'application/x-www-form-urlencoded'],
      ['payload=7', 'application/x-www-form-urlencoded'],
      ['payload=%22x%22', 'application/x-www-form-urlencoded'],
    ];
    for (const [body, type] of bodies) {
      const response = await signedPost(body, type);
      expect(response.status, body).toBe(400);
    }
    const answer = await h.sender.command(slashCommand('/define', 'empathy', h.slack.responseUrl('after')));
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).toContain('Empathy');
  });
});

describe('Slack event retries', () => {
  it('answers a mention once when Slack retries it with the same event_id (x-slack-retry-num)', async () => {
    const envelope = appMention('define trust', '1700000500.000100');
    const body = JSON.stringify(envelope);
    expect((await signedPost(body, 'application/json')).status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    const retry = await signedPost(body, 'application/json', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    // A fresh mention after the retry is answered: once it is, the retry has long been handled.
    await h.sender.event(appMention('define empathy', '1700000501.000100'));
    await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage').length >= 2);
    const threads = h.slack.callsOf('chat.postMessage').map((call) => call.args.thread_ts);
    expect(threads).toEqual(['1700000500.000100', '1700000501.000100']);
  });

  it('the in-memory deduper forgets ids after the retention time and stays within its capacity', async () => {
    let now = 0;
    const deduper = new InMemoryEventDeduper(1_000, 3, () => now);
    expect(await deduper.firstSeen('Ev1')).toBe(true);
    expect(await deduper.firstSeen('Ev1')).toBe(false);
    now = 1_500;
    expect(await deduper.firstSeen('Ev1')).toBe(true);
    for (const id of ['Ev2', 'Ev3', 'Ev4']) expect(await deduper.firstSeen(id)).toBe(true);
    // Capacity 3: the oldest (Ev1) made room.
    expect(await deduper.firstSeen('Ev1')).toBe(true);
  });
});

describe('an expired response_url', () => {
  async function askAndClick(kind: string) {
    const asked = await h.sender.command(slashCommand('/define', 'trust', h.slack.responseUrl('ask')));
    const found = buttonsOf(asked.body).find((candidate) => decodeActionState(candidate.value)?.kind === kind);
    if (!found) throw new Error(`no ${kind} button`);
    h.slack.failResponseUrls(404);
    const response = await h.sender.interaction(buttonClick({ action_id: found.action_id, value: found.value }, h.slack.responseUrl('old')));
    expect(response.status).toBe(200);
  }

  it('answers a click through chat.postEphemeral instead, and tells the person why', async () => {
    await askAndClick('next');
    const call = await h.slack.waitFor(() => h.slack.callsOf('chat.postEphemeral')[0]);
    expect(call.args).toMatchObject({ channel: CHANNEL_ID, user: USER_ID });
    expect(String(call.args.text)).toContain(EXPIRED_RESPONSE_URL_NOTE);
    expect(JSON.stringify(call.args.blocks)).toContain('Page 2');
    expect(h.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('writes to the person directly when the bot may not post ephemerally in that channel', async () => {
    h.slack.answer('chat.postEphemeral', { ok: false, error: 'not_in_channel' });
    await askAndClick('sources');
    const call = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(call.args.channel).toBe(USER_ID);
    expect(String(call.args.text)).toContain(EXPIRED_RESPONSE_URL_NOTE);
  });

  it('posts a shared answer with chat.postMessage in the channel', async () => {
    await askAndClick('share');
    const call = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(call.args.channel).toBe(CHANNEL_ID);
    expect(String(call.args.text)).toContain(EXPIRED_RESPONSE_URL_NOTE);
  });
});

describe('mentions', () => {
  it('reads a bare term after the mention as a look-up, as the console does', async () => {
    await h.sender.event(appMention('empathy', '1700000600.000100'));
    const call = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(call.args).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1700000600.000100' });
    expect(String(call.args.text)).toContain('Empathy');
  });

  it('still reads a command after the mention (define trust)', async () => {
    await h.sender.event(appMention('define trust', '1700000601.000100'));
    const call = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(String(call.args.text)).toContain('Trust');
  });

  it('sends a reply that is only a usage hint or a no-match to the person, not the thread', async () => {
    await h.sender.event(appMention('zzqxv', '1700000602.000100'));
    const noMatch = await h.slack.waitFor(() => h.slack.callsOf('chat.postEphemeral')[0]);
    expect(noMatch.args).toMatchObject({ channel: CHANNEL_ID, user: USER_ID, thread_ts: '1700000602.000100' });
    await h.sender.event(appMention('cite', '1700000603.000100'));
    const usage = await h.slack.waitFor(() => h.slack.callsOf('chat.postEphemeral')[1]);
    expect(usage.args).toMatchObject({ user: USER_ID, thread_ts: '1700000603.000100' });
    expect(h.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });
});
