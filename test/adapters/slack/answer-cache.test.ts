import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../../fakes/slack/payloads.js';
import { allText } from './limits-check.js';
import { startHarness, type Harness } from './harness.js';

describe('Cached slash-command answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.stop());
  afterEach(() => h.slack.reset());

  it('answers a repeated command identically, and a public answer still names whoever asked this time', async () => {
    const first = await h.sender.command(slashCommand('/define', 'trust', h.slack.responseUrl()));
    const again = await h.sender.command(slashCommand('/define', 'trust', h.slack.responseUrl()));
    expect(again.body).toEqual(first.body);
    const byA = await h.sender.command({ ...slashCommand('/define', 'trust --public', h.slack.responseUrl()), user_id: 'U0AAAAAAA' });
    const byB = await h.sender.command({ ...slashCommand('/define', 'trust --public', h.slack.responseUrl()), user_id: 'U0BBBBBBB' });
    expect(allText(byA.body as object)).toContain('Shared by <@U0AAAAAAA>');
    expect(allText(byB.body as object)).toContain('Shared by <@U0BBBBBBB>');
  });
});
