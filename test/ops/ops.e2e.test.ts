/**
 * /healthz, /readyz and /metrics in each mode: a real discord.js client against the fake Discord
 * (readiness falls when the fake drops), and a real Bolt app in HTTP mode serving them on its own port.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord } from '../../src/adapters/discord/index.js';
import { startSlack } from '../../src/adapters/slack/index.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Surface } from '../../src/core/surface.js';
import { Readiness, startOpsServer, type OpsServer } from '../../src/ops/server.js';
import { FakeDiscord } from '../../fakes/discord/fake-discord.js';
import { slashCommand as discordSlashCommand } from '../../fakes/discord/payloads.js';
import { FakeSlack } from '../fakes/slack/fake-slack.js';
import { SlackSender } from '../fakes/slack/http.js';
import { slashCommand } from '../fakes/slack/payloads.js';
import { realLexicon } from '../fakes/discord/harness.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../adapters/slack/harness.js';
import { get, sample } from '../support/http-metrics.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('ops endpoints beside the Discord gateway', { timeout: 30_000 }, () => {
  it('/readyz is ready with the gateway up and turns not ready when the fake Discord drops; /metrics counts requests', async () => {
    const fake = await FakeDiscord.start();
    let fakeRunning = true;
    cleanups.push(async () => {
      if (fakeRunning) await fake.stop();
    });
    const lexicon = await realLexicon();
    const surface: Surface = await startDiscord(parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }), lexicon, silentLogger);
    cleanups.push(() => surface.stop());
    const readiness = new Readiness();
    readiness.add({ name: 'lexicon', ready: () => lexicon.entries.length > 0 });
    readiness.add({ name: surface.name, ready: () => surface.ready?.() ?? true });
    const ops: OpsServer = await startOpsServer(readiness, 0, '127.0.0.1');
    cleanups.push(() => ops.close());
    const base = `http://127.0.0.1:${ops.port}`;

    expect(await get(`${base}/healthz`)).toEqual({ status: 200, text: '{"ok":true}' });
    const ready = await get(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.text)).toEqual({ ready: true, checks: { lexicon: true, discord: true } });

    const before = sample((await get(`${base}/metrics`)).text, 'lexicon_requests_total', { surface: 'discord', command: 'define', kind: 'definition' });
    const interaction = discordSlashCommand(fake.applicationId, { kind: 'guild', guild: fake.guilds[0]! }, 'define', [{ name: 'term', value: 'empathy' }]);
    fake.pushInteraction(interaction);
    await fake.waitForRequest((request) => request.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    await waitUntil(async () => sample((await get(`${base}/metrics`)).text, 'lexicon_requests_total', { surface: 'discord', command: 'define', kind: 'definition' }) === before + 1);
    const metrics = (await get(`${base}/metrics`)).text;
    expect(metrics).toContain('lexicon_request_duration_seconds_bucket{');
    expect(metrics).toContain('lexicon_discord_gateway_heartbeat_seconds');
    expect(metrics).toContain('process_resident_memory_bytes');

    await fake.stop();
    fakeRunning = false;
    await waitUntil(async () => (await get(`${base}/readyz`)).status === 503);
    expect(JSON.parse((await get(`${base}/readyz`)).text)).toEqual({ ready: false, checks: { lexicon: true, discord: false } });
    expect((await get(`${base}/healthz`)).status).toBe(200);
  });
});

describe('ops endpoints on the Slack HTTP server', { timeout: 30_000 }, () => {
  it('serves /readyz and /metrics beside /slack/events on PORT, and /readyz turns not ready once stopping', async () => {
    const slack = await new FakeSlack().start();
    cleanups.push(() => slack.stop());
    const readiness = new Readiness();
    const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: slack.apiUrl, PORT: '0' });
    const surface = await startSlack(config, await realLexicon(), silentLogger, { readiness });
    readiness.add({ name: surface.name, ready: () => surface.ready?.() ?? true });
    expect(surface.servesOps).toBe(true);
    const port = /:(\d+)/.exec(surface.name)?.[1];
    const base = `http://127.0.0.1:${port}`;
    expect((await get(`${base}/readyz`)).status).toBe(200);
    const labels = { surface: 'slack', command: '/define', kind: 'definition', outcome: 'answered' };
    const before = sample((await get(`${base}/metrics`)).text, 'lexicon_requests_total', labels);
    const sender = new SlackSender(`${base}/slack/events`, SIGNING_SECRET);
    expect((await sender.command(slashCommand('/define', 'trust', slack.responseUrl()))).status).toBe(200);
    await waitUntil(async () => sample((await get(`${base}/metrics`)).text, 'lexicon_requests_total', labels) === before + 1);
    readiness.add({ name: 'shutting-down', ready: () => false });
    expect((await get(`${base}/readyz`)).status).toBe(503);
    await surface.stop();
  });
});
