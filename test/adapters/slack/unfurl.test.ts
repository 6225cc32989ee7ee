import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, EVENTS_PATH, type SlackApp } from '../../../src/adapters/slack/index.js';
import { buildManifest } from '../../../src/adapters/slack/manifest.js';
import { UNFURL_BLOCKS_MAX } from '../../../src/adapters/slack/unfurl.js';
import { createLogger } from '../../../src/core/logger.js';
import { paragraphAnchors } from '../../../src/core/anchors.js';
import { readingRoomUrl } from '../../../src/web/access.js';
import { FakeSlack } from '../../fakes/slack/fake-slack.js';
import { SlackSender } from '../../fakes/slack/http.js';
import { CHANNEL_ID, USER_ID, eventCallback } from '../../fakes/slack/payloads.js';
import { BOT_TOKEN, SIGNING_SECRET, sharedLexicon } from './harness.js';
import { allText, limitProblems } from './limits-check.js';
import { testSettings } from '../../web/helpers.js';

const settings = testSettings({ publicUrl: 'https://lexicon.example.org' });
let slack: FakeSlack;
let app: SlackApp;
let sender: SlackSender;

beforeAll(async () => {
  slack = await new FakeSlack().start();
  app = createSlackApp({
    lexicon: await sharedLexicon(),
    logger: createLogger('silent'),
    logLevel: 'error',
    token: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    slackApiUrl: slack.apiUrl,
    readingRoom: settings,
  });
  const { port } = await app.start({ port: 0, host: '127.0.0.1' });
  sender = new SlackSender(`http://127.0.0.1:${port}${EVENTS_PATH}`, SIGNING_SECRET);
});
afterAll(async () => {
  await app.stop();
  await slack.stop();
});
afterEach(() => slack.reset());

function linkShared(urls: string[], extra: Record<string, unknown> = {}) {
  return eventCallback({
    type: 'link_shared',
    channel: CHANNEL_ID,
    is_bot_user_member: true,
    user: USER_ID,
    message_ts: '1700000900.000100',
    links: urls.map((url) => ({ domain: new URL(url).hostname, url })),
    event_ts: '1700000900.000200',
    ...extra,
  });
}

type Json = Record<string, unknown>;

describe('Slack link unfurling of reading-room links', () => {
  it('answers link_shared with chat.unfurl: the paragraph linked, its author and its footnotes, within Block Kit limits', async () => {
    const lexicon = await sharedLexicon();
    const trust = lexicon.entry('trust')!;
    const anchor = paragraphAnchors(trust)[0]![3]!; // "In the Chinese perspective, …"[^28] …
    const url = readingRoomUrl(settings, '/entries/trust', anchor);
    const response = await sender.event(linkShared([url, 'https://example.com/elsewhere']));
    expect(response.status).toBe(200);
    const call = await slack.waitFor(() => slack.callsOf('chat.unfurl')[0]);
    expect(call.args).toMatchObject({ channel: CHANNEL_ID, ts: '1700000900.000100' });
    const unfurls = (typeof call.args.unfurls === 'string' ? JSON.parse(call.args.unfurls) : call.args.unfurls) as Record<string, { blocks: Json[] }>;
    expect(Object.keys(unfurls)).toEqual([url]);
    const blocks = unfurls[url]!.blocks;
    expect(blocks.length).toBeLessThanOrEqual(UNFURL_BLOCKS_MAX);
    const text = allText({ blocks });
    expect(text).toContain('> In the Chinese perspective, “mutual understanding” is not so much about finding commonalities');
    expect(text).toContain('Jagaa Menduul');
    expect(text).toContain('²⁸');
    expect(text).toContain('xinren');
    expect(text).toContain('Not for citation or wide circulation');
    expect(text).toContain(`<${url}|Trust>`);
    expect(limitProblems({ blocks }, 50, [`<${url}|Trust>`])).toEqual([]);
  });

  it('unfurls a footnote link with the note, and a section link with the section', async () => {
    const footnote = readingRoomUrl(settings, '/entries/trust', 'fn-28');
    const section = readingRoomUrl(settings, '/entries/empathy', 'confidence');
    await sender.event(linkShared([footnote, section]));
    const call = await slack.waitFor(() => slack.callsOf('chat.unfurl')[0]);
    const unfurls = (typeof call.args.unfurls === 'string' ? JSON.parse(call.args.unfurls) : call.args.unfurls) as Record<string, { blocks: Json[] }>;
    expect(allText(unfurls[footnote]!)).toContain('Trust, note 28');
    expect(allText(unfurls[footnote]!)).toContain('xinren');
    expect(allText(unfurls[section]!)).toContain('Empathy › Confidence');
    expect(allText(unfurls[section]!)).toContain('David A. Welch');
  });

  it('unfurls a link typed in the composer by its unfurl_id, and leaves other hosts’ links alone', async () => {
    const url = readingRoomUrl(settings, '/entries/empathy');
    await sender.event(linkShared([url], { channel: 'COMPOSER', message_ts: 'Uxxx-1', unfurl_id: 'Uabc.123', source: 'composer' }));
    const call = await slack.waitFor(() => slack.callsOf('chat.unfurl')[0]);
    expect(call.args).toMatchObject({ unfurl_id: 'Uabc.123', source: 'composer' });
    slack.reset();
    await sender.event(linkShared(['https://other.example.org/entries/trust']));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(slack.callsOf('chat.unfurl')).toEqual([]);
  });

  it('is declared in the manifest: the scopes, the event and the reading room’s domain', () => {
    const manifest = buildManifest({ socketMode: true, unfurlDomain: 'lexicon.example.org' }) as {
      features: { unfurl_domains?: string[] };
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] } };
    };
    expect(manifest.features.unfurl_domains).toEqual(['lexicon.example.org']);
    expect(manifest.oauth_config.scopes.bot).toEqual(expect.arrayContaining(['links:read', 'links:write']));
    expect(manifest.settings.event_subscriptions.bot_events).toContain('link_shared');
  });
});
