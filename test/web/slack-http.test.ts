/**
 * The reading room in Slack's HTTP mode: Slack's server holds PORT, and serves the pages on every
 * path that is not Slack's own or an ops endpoint; a real Bolt app against the fake Slack.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../src/adapters/slack/index.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Surface } from '../../src/core/surface.js';
import { Readiness } from '../../src/ops/server.js';
import { readingRoomUrl } from '../../src/web/access.js';
import { readingRoomListener } from '../../src/web/start.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { SlackSender } from '../fakes/slack/http.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { realLexicon } from '../fakes/discord/harness.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the reading room on the Slack HTTP server', { timeout: 30_000 }, () => {
  it('serves signed pages (403 without a token) beside /slack/events, /healthz and /readyz on one port', async () => {
    const slack = await new FakeSlack().start();
    cleanups.push(() => slack.stop());
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0', WEB_SECRET: 'a-secret-of-the-test-0123456789abcdef' });
    const lexicon = await realLexicon();
    const room = readingRoomListener(config, lexicon);
    const readiness = new Readiness();
    readiness.add({ name: 'lexicon', ready: () => true });
    const surface: Surface = await startSlack(config, lexicon, silentLogger, { readiness, web: room.listener });
    cleanups.push(() => surface.stop());
    const port = /:(\d+)/.exec(surface.name)?.[1];
    const base = `http://127.0.0.1:${port}`;

    const signed = new URL(readingRoomUrl(room.settings, '/entries/empathy'));
    const page = await fetch(`${base}${signed.pathname}${signed.search}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('Empathy');
    const refused = await fetch(`${base}/entries/empathy`);
    expect(refused.status).toBe(403);

    // Slack's own paths still reach Bolt.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const sender = new SlackSender(`${base}/slack/events`, SIGNING_SECRET);
    expect((await sender.command(slashCommand('/define', 'trust', slack.responseUrl()))).status).toBe(200);
    const unsigned = await fetch(`${base}/slack/events`, { method: 'POST', body: 'command=%2Fdefine&text=trust', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);
  });
});
