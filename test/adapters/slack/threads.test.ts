import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_PICK_ACTION_ID, ENTRY_PICK_BLOCK_ID, SHARE_SHORTCUT_CALLBACK_ID, SHARE_VIEW_CALLBACK_ID } from '../../../src/adapters/slack/ids.js';
import { appMention, blockSuggestion, CHANNEL_ID, messageShortcut, USER_ID, viewSubmission } from '../../fakes/slack/payloads.js';
import { allText, limitProblems } from './limits-check.js';
import { startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
afterEach(() => h.slack.reset());

/** Run the shortcut on a message and return the modal Slack was asked to open. */
async function openShareModal(message: { ts: string; thread_ts?: string }) {
  const response = await h.sender.interaction(messageShortcut(SHARE_SHORTCUT_CALLBACK_ID, message, h.slack.responseUrl('shortcut')));
  expect(response.status).toBe(200);
  const call = await h.slack.waitFor(() => h.slack.callsOf('views.open')[0]);
  return { call, view: call.args.view as Json };
}

async function pick(query: string) {
  const response = await h.sender.interaction(blockSuggestion(ENTRY_PICK_ACTION_ID, ENTRY_PICK_BLOCK_ID, query));
  expect(response.status).toBe(200);
  return (response.body as { options: { text: { text: string }; value: string }[] }).options;
}

function submit(view: Json, value: string | undefined) {
  const values = value
    ? { [ENTRY_PICK_BLOCK_ID]: { [ENTRY_PICK_ACTION_ID]: { type: 'external_select', selected_option: { text: { type: 'plain_text', text: value }, value } } } }
    : { [ENTRY_PICK_BLOCK_ID]: { [ENTRY_PICK_ACTION_ID]: { type: 'external_select', selected_option: null } } };
  return h.sender.interaction(viewSubmission(SHARE_VIEW_CALLBACK_ID, String(view.private_metadata), values));
}

describe('Sharing into threads: shortcut → modal → type-ahead → post in the thread', () => {
  it('opens a modal with a type-ahead entry picker that remembers the channel and the thread', async () => {
    const { call, view } = await openShareModal({ ts: '1700000100.000200', thread_ts: '1700000000.000100' });
    expect(call.args.trigger_id).toBe('1.2.trigger');
    expect(view).toMatchObject({ type: 'modal', callback_id: SHARE_VIEW_CALLBACK_ID });
    expect(JSON.parse(String(view.private_metadata))).toEqual({ channel: CHANNEL_ID, threadTs: '1700000000.000100' });
    const input = (view.blocks as Json[])[0]!;
    expect(input).toMatchObject({ type: 'input', block_id: ENTRY_PICK_BLOCK_ID, element: { type: 'external_select', action_id: ENTRY_PICK_ACTION_ID } });
  });

  it('feeds the picker from the core’s search: typos, acronyms and Chinese find their entries', async () => {
    expect((await pick('trus')).map((option) => option.value)).toContain('trust');
    expect((await pick('empathey')).map((option) => option.value)).toContain('empathy');
    // CBMs are a glossary term (spelled out in 5A, II.4 and II.7), offered by their address, not TBMs.
    expect((await pick('CBMs')).map((option) => option.value)).toContain('empathy@cbm');
    expect((await pick('')).map((option) => option.value)).toHaveLength(13);
    for (const option of await pick('x'.repeat(5000))) {
      expect(option.text.text.length).toBeLessThanOrEqual(75);
      expect(option.value.length).toBeLessThanOrEqual(150);
    }
  });

  it('posts the chosen excerpt with its citation into the thread of the message (thread_ts), and closes the modal', async () => {
    const { view } = await openShareModal({ ts: '1700000100.000200', thread_ts: '1700000000.000100' });
    const [option] = await pick('empathy');
    const response = await submit(view, option!.value);
    expect(response.status).toBe(200);
    expect(response.text).toBe('');
    const post = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(post.args).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1700000000.000100' });
    const text = allText(post.args);
    expect(text).toContain('> Empathy is the capacity to see the world from another’s perspective.');
    expect(text).toContain('David A. Welch');
    expect(text).toContain(`Shared by <@${USER_ID}>`);
    expect(text).toContain('Cite as: Welch, David A. “Empathy, Part I');
    expect(text).toContain('Not for citation or wide circulation');
    expect(limitProblems(post.args, 50, [`<@${USER_ID}>`])).toEqual([]);
  });

  it('starts a thread on a message that is not in one (thread_ts is the message’s own ts)', async () => {
    const { view } = await openShareModal({ ts: '1700000200.000300' });
    await submit(view, 'trust');
    const post = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(post.args.thread_ts).toBe('1700000200.000300');
  });

  it('keeps the modal open with the reason when nothing is picked or the bot may not post there', async () => {
    const { view } = await openShareModal({ ts: '1700000200.000300' });
    const empty = await submit(view, undefined);
    expect(empty.body).toEqual({ response_action: 'errors', errors: { [ENTRY_PICK_BLOCK_ID]: 'Pick an entry to share.' } });
    h.slack.answer('chat.postMessage', { ok: false, error: 'not_in_channel' });
    const refused = await submit(view, 'trust');
    expect(refused.body).toMatchObject({ response_action: 'errors' });
    expect(JSON.stringify(refused.body)).toContain('/invite');
    const forged = await h.sender.interaction(viewSubmission(SHARE_VIEW_CALLBACK_ID, '{"channel":"<!channel>"}', {}));
    expect(forged.body).toMatchObject({ response_action: 'errors' });
  });
});

describe('Mentions: @lexicon in a thread answers in the thread', () => {
  it('answers `@lexicon define trust` said in a thread, in that thread, publicly and without a share button', async () => {
    const response = await h.sender.event(appMention('define trust', '1700000300.000400', '1700000000.000100'));
    expect(response.status).toBe(200);
    const post = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(post.args).toMatchObject({ channel: CHANNEL_ID, thread_ts: '1700000000.000100' });
    expect(post.token).toBe('xoxb-test-bot-token');
    const text = allText(post.args);
    expect(text).toContain('Jagaa Menduul');
    expect(JSON.stringify(post.args.blocks)).not.toContain('Post to channel');
    expect(limitProblems(post.args)).toEqual([]);
  });

  it('reads a mention as every text surface reads a line: a question in plain words gets the command it names', async () => {
    await h.sender.event(appMention('what does ARF stand for?', '1700000500.000600', '1700000000.000100'));
    const post = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(post.args.thread_ts).toBe('1700000000.000100');
    const text = allText(post.args);
    // The defining sentence of the Trust piece, and the command it ran, so people learn it.
    expect(text).toContain('ASEAN Regional Forum (ARF)');
    expect(text).toMatch(/Answered with .*define ARF/);
    expect(h.slack.callsOf('chat.postEphemeral')).toEqual([]);
  });

  it('answers "difference between X and Y" in a mention with a comparison', async () => {
    await h.sender.event(appMention('difference between confidence and trust please', '1700000600.000700'));
    const post = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    const text = allText(post.args);
    expect(text).toMatch(/Answered with .*compare/);
    expect(text).toContain('Welch');
  });

  it('answers a mention outside a thread in a new thread on it, and escapes markup in what it echoes', async () => {
    await h.sender.event(appMention('search &lt;!here&gt; <!channel> reassurance', '1700000400.000500'));
    const post = await h.slack.waitFor(() => h.slack.callsOf('chat.postMessage')[0]);
    expect(post.args.thread_ts).toBe('1700000400.000500');
    expect(limitProblems(post.args)).toEqual([]);
    expect(String(post.args.text)).not.toMatch(/<!/);
  });
});
