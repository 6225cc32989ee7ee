import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeActionState } from '../../../src/core/action-state.js';
import { buttonClick, slashCommand, USER_ID } from '../../fakes/slack/payloads.js';
import { allText, limitProblems } from './limits-check.js';
import { buttonsOf, startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;

let h: Harness;
let second: Harness;
beforeAll(async () => {
  h = await startHarness();
  // A second instance on the same fake Slack: any instance must serve any click.
  second = await startHarness(h.slack);
});
afterAll(async () => {
  await second.stop();
  await h.stop();
});
afterEach(() => h.slack.reset());

async function ask(command: string, text: string) {
  const response = await h.sender.command(slashCommand(command, text, h.slack.responseUrl('ask')));
  expect(response.status).toBe(200);
  return response.body as Json;
}

function button(message: Json, kind: string) {
  const found = buttonsOf(message).find((candidate) => decodeActionState(candidate.value)?.kind === kind);
  if (!found) throw new Error(`no ${kind} button in ${JSON.stringify(buttonsOf(message))}`);
  return found;
}

async function click(message: Json, kind: string, via: Harness = h) {
  const { action_id, value } = button(message, kind);
  const response = await via.sender.interaction(buttonClick({ action_id, value }, h.slack.responseUrl('click')));
  expect(response.status).toBe(200);
}

describe('Slack buttons (state in the action value, answered through response_url)', () => {
  it('offers Post to channel, Sources and Next on a long definition', async () => {
    const answer = await ask('/define', 'trust');
    expect(buttonsOf(answer).map((b) => b.label)).toEqual(['Post to channel', expect.stringMatching(/^Sources/), 'Page 2 ▶']);
  });

  it('Next replaces the private answer with page 2, and Prev brings page 1 back', async () => {
    const first = await ask('/define', 'trust');
    await click(first, 'next');
    const page2 = await h.slack.waitFor(() => h.slack.responseUrlCalls.find((call) => call.id === 'click'));
    expect(page2.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(allText(page2.body)).toContain('Page 2 of 3');
    expect(limitProblems(page2.body)).toEqual([]);
    h.slack.reset();
    await click(page2.body, 'prev');
    const page1 = await h.slack.waitFor(() => h.slack.responseUrlCalls[0]);
    expect(allText(page1.body)).toContain('Page 1 of 3');
    expect(allText(page1.body)).toBe(allText(first));
  });

  it('pages search results beyond the first five with Next, in place', async () => {
    const first = await ask('/lexicon', 'search trust');
    expect(allText(first)).toMatch(/Page 1 of \d+/);
    await click(first, 'next');
    const page2 = await h.slack.waitFor(() => h.slack.responseUrlCalls.find((call) => call.id === 'click'));
    expect(page2.body).toMatchObject({ replace_original: true, response_type: 'ephemeral' });
    expect(allText(page2.body)).toMatch(/Page 2 of \d+/);
    expect(allText(page2.body)).not.toBe(allText(first));
    expect(limitProblems(page2.body)).toEqual([]);
  });

  it('Sources answers privately beside the answer with the entry’s footnotes and how to cite it', async () => {
    await click(await ask('/define', 'empathy'), 'sources');
    const sources = await h.slack.waitFor(() => h.slack.responseUrlCalls[0]);
    expect(sources.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const text = allText(sources.body);
    expect(text).toContain('Footnotes');
    expect(text).toMatch(/Chicago|APA/);
    expect(text).toContain('Not for citation or wide circulation');
  });

  it('Post to channel posts the excerpt publicly with author, footnotes and who shared it, then removes the private copy', async () => {
    await click(await ask('/define', 'empathy'), 'share');
    await h.slack.waitFor(() => h.slack.responseUrlCalls.length >= 2 && h.slack.responseUrlCalls);
    const [post, removal] = h.slack.responseUrlCalls;
    expect(post?.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    const text = allText(post!.body);
    expect(text).toContain('> Empathy is the capacity to see the world from another’s perspective.');
    expect(text).toContain('David A. Welch');
    expect(text).toContain('Footnotes');
    expect(text).toContain(`Shared by <@${USER_ID}>`);
    // No share button on a public copy: it cannot be posted twice.
    expect(buttonsOf(post!.body).map((b) => decodeActionState(b.value)?.kind)).not.toContain('share');
    expect(limitProblems(post!.body, 50, [`<@${USER_ID}>`])).toEqual([]);
    expect(removal?.body).toEqual({ delete_original: true });
  });

  it('serves a click on another instance than the one that answered (no state kept between requests)', async () => {
    await click(await ask('/define', 'trust'), 'next', second);
    const page2 = await h.slack.waitFor(() => h.slack.responseUrlCalls[0]);
    expect(allText(page2.body)).toContain('Page 2 of 3');
  });

  it('answers a button it cannot decode with a plain note instead of failing silently', async () => {
    const response = await h.sender.interaction(buttonClick({ action_id: 'lx:next:0', value: '{"not":"ours"}' }, h.slack.responseUrl('click')));
    expect(response.status).toBe(200);
    const note = await h.slack.waitFor(() => h.slack.responseUrlCalls[0]);
    expect(String(note.body.text)).toContain('This button is out of date');
    expect(note.body).toMatchObject({ replace_original: false });
  });
});
