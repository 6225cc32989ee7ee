/**
 * The rules every button follows, on Slack, through the real Bolt app and signed requests against
 * the fake Slack: buttons that no longer resolve, who may change a public answer, a way to page 2
 * from a public copy, long queries replayed whole, and user text shown as typed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeActionState, encodeActionState } from '../../../src/core/action-state.js';
import { buttonClick, slashCommand, USER_ID } from '../../fakes/slack/payloads.js';
import { allText, limitProblems } from './limits-check.js';
import { buttonsOf, startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;

const OTHER = { id: 'U0OTHER99', username: 'colleague', name: 'colleague', team_id: 'T0FAKE' };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.stop();
});
afterEach(() => h.slack.reset());

async function ask(command: string, text: string): Promise<Json> {
  const response = await h.sender.command(slashCommand(command, text, h.slack.responseUrl('ask')));
  expect(response.status).toBe(200);
  return response.body as Json;
}

function buttonOf(message: Json, kind: string) {
  const found = buttonsOf(message).find((candidate) => decodeActionState(candidate.value)?.kind === kind);
  if (!found) throw new Error(`no ${kind} button in ${JSON.stringify(buttonsOf(message))}`);
  return found;
}

function actionsBlockId(message: Json): string | undefined {
  const block = ((message.blocks ?? []) as Json[]).find((candidate) => candidate.type === 'actions');
  return block?.block_id as string | undefined;
}

/** Click a button of `message`; `at` says where the message is and who clicks. */
async function click(message: Json, kind: string, at: { ephemeral?: boolean; clicker?: typeof OTHER } = {}) {
  const { action_id, value } = buttonOf(message, kind);
  const blockId = actionsBlockId(message);
  const response = await h.sender.interaction(buttonClick({ action_id, value, ...(blockId ? { block_id: blockId } : {}) }, h.slack.responseUrl('click'), at));
  expect(response.status).toBe(200);
}

/** Every response_url call made within a short while. */
async function responses(count = 1): Promise<{ id: string; body: Json }[]> {
  await h.slack.waitFor(() => h.slack.responseUrlCalls.length >= count && h.slack.responseUrlCalls);
  await new Promise((resolve) => setTimeout(resolve, 200));
  return [...h.slack.responseUrlCalls];
}

describe('Slack buttons: every rule of the one button path', () => {
  it('answers a button whose entry no longer exists privately as out of date, and never posts it', async () => {
    const value = encodeActionState({ kind: 'share', request: { command: 'define', options: { term: 'renamed-since' } } });
    await h.sender.interaction(buttonClick({ action_id: 'lx:share:0', value }, h.slack.responseUrl('click')));
    const calls = await responses();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(calls[0]!.body.text)).toContain('This button is out of date');
    expect(h.slack.callsOf('chat.postMessage')).toEqual([]);
  });

  it('answers a tampered Next on a public answer privately, and never replaces the public message', async () => {
    const value = encodeActionState({ kind: 'next', request: { command: 'define', options: { term: 'trust' }, page: 99 } });
    await h.sender.interaction(buttonClick({ action_id: 'lx:next:0', value, block_id: `lx-asked-by:${USER_ID}` }, h.slack.responseUrl('click'), { ephemeral: false }));
    const calls = await responses();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(calls[0]!.body.text)).toContain('This button is out of date');
  });

  it('lets only the person who asked page a public answer in place', async () => {
    const answer = await ask('/define', 'trust --public');
    expect(answer.response_type).toBe('in_channel');
    await click(answer, 'next', { ephemeral: false });
    const [replaced] = await responses();
    expect(replaced!.body).toMatchObject({ response_type: 'in_channel', replace_original: true });
    expect(allText(replaced!.body)).toContain('Page 2 of 3');
    // Still theirs to page, still without a share button.
    expect(actionsBlockId(replaced!.body)).toBe(`lx-asked-by:${USER_ID}`);
    expect(buttonsOf(replaced!.body).map((b) => b.label)).not.toContain('Post to channel');
  });

  it('gives anyone else who pages a public answer their own private copy at that page', async () => {
    const answer = await ask('/define', 'trust --public');
    await click(answer, 'next', { ephemeral: false, clicker: OTHER });
    const calls = await responses();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(calls[0]!.body)).toContain('Page 2 of 3');
    // Their private copy is theirs: it can be posted.
    expect(buttonsOf(calls[0]!.body).map((b) => b.label)).toContain('Post to channel');
  });

  it('a shared copy that says "Page 1 of N" offers a way to page 2 for whoever reads it', async () => {
    await click(await ask('/define', 'trust'), 'share');
    const [post] = await responses(2);
    expect(post!.body).toMatchObject({ response_type: 'in_channel' });
    expect(allText(post!.body)).toContain('Page 1 of 3');
    h.slack.reset();
    await click(post!.body, 'next', { ephemeral: false, clicker: OTHER });
    const [copy] = await responses();
    expect(copy!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(allText(copy!.body)).toContain('Page 2 of 3');
  });

  it('replays a long search query whole when its answer is shared', async () => {
    const query = 'reassurance strategies in east asian waters and the practical challenges of signalling benign intent';
    expect(query.length).toBeGreaterThan(60);
    const answer = await ask('/lexicon', `search ${query}`);
    const share = buttonOf(answer, 'share');
    expect(decodeActionState(share.value)?.request.options.query).toBe(query);
    await click(answer, 'share');
    const [post] = await responses(2);
    const body = (message: Json) => allText(message).split('\n').filter((line) => line.startsWith('>')).join('\n');
    expect(body(post!.body)).toBe(body(answer));
    expect(body(answer).length).toBeGreaterThan(0);
  });

  it('shows formatting characters a user typed literally, and cuts an echo between whole emoji', async () => {
    const answer = await ask('/lexicon', 'compare *bold* _italic_ ~strike~ `code` trust');
    expect(limitProblems(answer)).toEqual([]);
    // The header is plain text (shown as typed); in mrkdwn the characters are shown literally, not applied.
    const mrkdwn = JSON.stringify((answer.blocks as Json[]).slice(1));
    expect(mrkdwn).not.toMatch(/(?<!\|)\*bold\*/);
    expect(mrkdwn).toContain('<!date^00000000^{_}|*>bold<!date^00000000^{_}|*>');
    const other = JSON.stringify(((await ask('/lexicon', 'compare _italic~strike~`code` trust')).blocks as Json[]).slice(1));
    expect(other).toContain('<!date^00000000^{_}|_>italic<!date^00000000^{_}|~>strike<!date^00000000^{_}|~><!date^00000000^{_}|`>code');
    const family = '👩‍👩‍👧‍👦';
    const long = await ask('/define', `${'a'.repeat(58)}${family}${family}zzz`);
    expect(limitProblems(long)).toEqual([]);
    const header = ((long.blocks as Json[])[0]!.text as Json).text as string;
    // 60 graphemes at most: the 59th is the whole family emoji, never half of it.
    expect(header).toContain(`“${'a'.repeat(58)}${family}…”`);
  });
});
