import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PATH } from '../../../src/adapters/slack/app.js';
import { SHARE_SHORTCUT_CALLBACK_ID } from '../../../src/adapters/slack/ids.js';
import { get, post } from '../../fakes/slack/http.js';
import { appHomeOpened, appMention, buttonClick, CHANNEL_ID, messageShortcut, slashCommand, USER_ID } from '../../fakes/slack/payloads.js';
import { signedHeaders, slackSignature } from '../../fakes/slack/signing.js';
import type { Lexicon } from '../../../src/core/lexicon.js';
import { buttonsOf, sharedLexicon, SIGNING_SECRET, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
afterEach(() => {
  h.slack.reset();
  h.logLines.length = 0;
});

const ERROR_ID = /\bE[A-Z2-9]{5}\b/;

/** The error id in a user-facing text, and the log line carrying the same id. */
function loggedWithSameId(userText: string): string {
  const id = ERROR_ID.exec(userText)?.[0];
  expect(id, userText).toBeDefined();
  const line = h.logLines.find((candidate) => candidate.includes(id!));
  expect(line, `log should carry ${id}`).toBeDefined();
  return line!;
}

describe('Request verification', () => {
  const body = new URLSearchParams(slashCommand('/define', 'trust', 'http://127.0.0.1:9/unused')).toString();
  const form = 'application/x-www-form-urlencoded' as const;

  it('accepts a request signed with the signing secret', async () => {
    const response = await post(h.sender.endpoint, body, signedHeaders(SIGNING_SECRET, body, form));
    expect(response.status).toBe(200);
  });

  it('rejects a wrong signature with 401', async () => {
    const response = await post(h.sender.endpoint, body, signedHeaders('not-the-secret', body, form));
    expect(response.status).toBe(401);
  });

  it('rejects a tampered body with 401', async () => {
    const headers = signedHeaders(SIGNING_SECRET, body, form);
    const tampered = body.replace('text=trust', 'text=empathy');
    expect(tampered).not.toBe(body);
    const response = await post(h.sender.endpoint, tampered, headers);
    expect(response.status).toBe(401);
  });

  it('rejects a correctly signed but stale request (replay) with 401', async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await post(h.sender.endpoint, body, signedHeaders(SIGNING_SECRET, body, form, sixMinutesAgo));
    expect(response.status).toBe(401);
  });

  it('rejects a request without signature headers with 401, and none of them reached a listener', async () => {
    const response = await post(h.sender.endpoint, body, { 'content-type': form });
    expect(response.status).toBe(401);
    expect(slackSignature(SIGNING_SECRET, body, 1)).toMatch(/^v0=[0-9a-f]{64}$/);
    expect(h.slack.apiCalls.filter((call) => call.method !== 'auth.test')).toEqual([]);
  });

  it('serves a health endpoint for load balancers', async () => {
    const response = await get(h.baseUrl + HEALTH_PATH);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ ok: true });
  });
});

describe('A listener that fails', () => {
  it('tells the user “something went wrong” with an error id when Slack refuses to open the modal, and logs the details', async () => {
    h.slack.answer('views.open', { ok: false, error: 'expired_trigger_id' });
    await h.sender.interaction(messageShortcut(SHARE_SHORTCUT_CALLBACK_ID, { ts: '1700000500.000100' }, h.slack.responseUrl('shortcut')));
    const told = await h.slack.waitFor(() => h.slack.responseUrlCalls[0]);
    expect(told.body).toMatchObject({ response_type: 'ephemeral' });
    const text = String(told.body.text);
    expect(text).toMatch(/^Something went wrong/);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|Error:|expired_trigger_id/);
    expect(loggedWithSameId(text)).toContain('expired_trigger_id');
  });

  it('answers a failed mention reply with an ephemeral error id in the thread', async () => {
    h.slack.answer('chat.postMessage', { ok: false, error: 'fatal_error' });
    await h.sender.event(appMention('define trust', '1700000600.000100', '1700000000.000100'));
    const ephemeral = await h.slack.waitFor(() => h.slack.callsOf('chat.postEphemeral')[0]);
    expect(ephemeral.args).toMatchObject({ channel: CHANNEL_ID, user: USER_ID, thread_ts: '1700000000.000100' });
    expect(loggedWithSameId(String(ephemeral.args.text))).toContain('fatal_error');
  });

  it('logs a Home tab that could not be published, with an error id', async () => {
    h.slack.answer('views.publish', { ok: false, error: 'not_enabled' });
    await h.sender.event(appHomeOpened());
    await h.slack.waitFor(() => h.slack.callsOf('views.publish')[0]);
    await h.slack.waitFor(() => h.logLines.some((line) => line.includes('not_enabled')));
    expect(h.logLines.find((line) => line.includes('not_enabled'))).toMatch(ERROR_ID);
  });

  it('logs, and does not crash on, a response_url that no longer works', async () => {
    const answer = (await h.sender.command(slashCommand('/define', 'trust', h.slack.responseUrl('ask')))).body;
    const next = buttonsOf(answer).find((button) => button.label.includes('Page 2'))!;
    h.slack.failResponseUrls(404);
    await h.sender.interaction(buttonClick({ action_id: next.action_id, value: next.value }, h.slack.responseUrl('gone')));
    await h.slack.waitFor(() => h.logLines.some((line) => line.includes('could not tell the user')));
    expect(h.logLines.join('\n')).toMatch(ERROR_ID);
    // The app still answers afterwards.
    const again = await h.sender.command(slashCommand('/define', 'empathy', h.slack.responseUrl('ask')));
    expect(again.status).toBe(200);
  });
});

describe('A slash command whose handler throws', () => {
  it('acknowledges with an ephemeral “something went wrong” and an error id, never a stack trace, and logs the details', async () => {
    const lexicon = await sharedLexicon();
    // A lexicon whose look-ups fail, as a bug under a handler would (the Discord adapter is tested the same way).
    const failing: Lexicon = {
      ...lexicon,
      search: { ...lexicon.search, resolveTerm: () => { throw new Error('index exploded'); } },
    };
    const broken = await startHarness(undefined, failing);
    try {
      const response = await broken.sender.command(slashCommand('/define', 'empathey', broken.slack.responseUrl('slash')));
      expect(response.status).toBe(200);
      const body = response.body as Record<string, unknown>;
      expect(body.response_type).toBe('ephemeral');
      const text = String(body.text);
      expect(text).toMatch(/^Something went wrong/);
      expect(text).not.toMatch(/index exploded|at .*\.(ts|js):\d+/);
      const id = ERROR_ID.exec(text)?.[0];
      expect(broken.logLines.find((line) => line.includes(id ?? '?'))).toContain('index exploded');
    } finally {
      await broken.stop();
    }
  });
});

