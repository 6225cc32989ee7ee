import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOME_SEARCH_ACTION_ID } from '../../../src/adapters/slack/ids.js';
import { appHomeOpened, blockSuggestion, USER_ID, viewAction } from '../../fakes/slack/payloads.js';
import { allText, limitProblems } from './limits-check.js';
import { startHarness, type Harness } from './harness.js';

type Json = Record<string, unknown>;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.stop());
afterEach(() => h.slack.reset());

async function publishedHome() {
  const response = await h.sender.event(appHomeOpened());
  expect(response.status).toBe(200);
  const call = await h.slack.waitFor(() => h.slack.callsOf('views.publish')[0]);
  return { call, view: call.args.view as Json };
}

describe('App Home tab', () => {
  it('publishes the lexicon grouped by contribution, every entry with its authors, and a search box', async () => {
    const { call, view } = await publishedHome();
    expect(call.args.user_id).toBe(USER_ID);
    expect(view.type).toBe('home');
    const blocks = view.blocks as Json[];
    expect(limitProblems({ blocks }, 100)).toEqual([]);
    const headers = blocks.filter((block) => block.type === 'header').map((block) => (block.text as Json).text);
    const contributions = [...new Set(h.lexicon.entries.map((entry) => entry.contribution))];
    expect(headers.slice(1)).toEqual(contributions);
    const text = allText({ blocks });
    for (const entry of h.lexicon.entries) {
      expect(text).toContain(`*${entry.term}*`);
      for (const author of entry.authors) expect(text).toContain(author);
    }
    expect(JSON.stringify(blocks)).toContain(`"action_id":"${HOME_SEARCH_ACTION_ID}"`);
  });

  it('opens an entry in a modal from its Define button', async () => {
    const { view } = await publishedHome();
    const section = (view.blocks as Json[]).find((block) => allText({ blocks: [block] }).includes('*Empathy*'))!;
    const accessory = section.accessory as { action_id: string; value: string };
    h.slack.reset();
    const response = await h.sender.interaction(viewAction({ type: 'button', action_id: accessory.action_id, value: accessory.value }));
    expect(response.status).toBe(200);
    const open = await h.slack.waitFor(() => h.slack.callsOf('views.open')[0]);
    expect(open.args.trigger_id).toBe('1.2.trigger');
    const modal = open.args.view as Json;
    expect(modal.type).toBe('modal');
    expect(allText(modal)).toContain('> Empathy is the capacity to see the world from another’s perspective.');
    expect(limitProblems({ blocks: modal.blocks }, 100)).toEqual([]);
    expect(JSON.stringify(modal)).not.toContain('Post to channel');
  });

  it('answers the search box with type-ahead options and opens the picked entry', async () => {
    const options = await h.sender.interaction(blockSuggestion(HOME_SEARCH_ACTION_ID, 'b1', 'reasurance'));
    const values = (options.body as { options: { value: string }[] }).options.map((option) => option.value);
    expect(values).toContain('reassurance');
    await h.sender.interaction(
      viewAction({ type: 'external_select', action_id: HOME_SEARCH_ACTION_ID, selected_option: { text: { type: 'plain_text', text: 'Reassurance' }, value: 'reassurance' } }),
    );
    const open = await h.slack.waitFor(() => h.slack.callsOf('views.open')[0]);
    expect(allText(open.args.view as Json)).toContain('Zhang Linting');
  });

  it('pages inside the modal by updating it in place', async () => {
    await h.sender.interaction(
      viewAction({ type: 'external_select', action_id: HOME_SEARCH_ACTION_ID, selected_option: { text: { type: 'plain_text', text: 'Trust' }, value: 'trust' } }),
    );
    const open = await h.slack.waitFor(() => h.slack.callsOf('views.open')[0]);
    const next = ((open.args.view as Json).blocks as Json[])
      .filter((block) => block.type === 'actions')
      .flatMap((block) => block.elements as { action_id: string; value: string; text: { text: string } }[])
      .find((button) => button.text.text.includes('Page 2'))!;
    await h.sender.interaction(viewAction({ type: 'button', action_id: next.action_id, value: next.value }, 'modal'));
    const update = await h.slack.waitFor(() => h.slack.callsOf('views.update')[0]);
    expect(update.args.view_id).toBe('V0HOME');
    expect(allText(update.args.view as Json)).toContain('Page 2 of 3');
  });
});
