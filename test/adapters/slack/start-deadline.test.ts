/**
 * Slack start-up against a Web API that is wrong or unreachable fails within about 10 s with one
 * line, as Discord's does, instead of retrying for half an hour.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSlack } from '../../../src/adapters/slack/index.js';
import { SLACK_START_TIMEOUT_MS } from '../../../src/adapters/slack/app.js';
import { parseConfig } from '../../../src/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { BOT_TOKEN, SIGNING_SECRET, sharedLexicon } from './harness.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
}

/** A port nothing listens on: listen, note the port, close. */
async function closedPortUrl(): Promise<string> {
  const url = await serve(() => {});
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

async function startFailure(apiUrl: string): Promise<{ message: string; ms: number }> {
  const config = parseConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: apiUrl, PORT: '0' });
  const started = performance.now();
  const error = await startSlack(config, await sharedLexicon(), silentLogger).then(
    async (surface) => {
      await surface.stop();
      throw new Error('startSlack should have failed');
    },
    (failure: unknown) => failure as Error,
  );
  return { message: error.message, ms: performance.now() - started };
}

describe('Slack start-up with a bad SLACK_API_URL', { timeout: 30_000 }, () => {
  it('fails quickly, in one line, when nothing listens at SLACK_API_URL', async () => {
    const { message, ms } = await startFailure(await closedPortUrl());
    expect(message.split('\n')).toHaveLength(1);
    expect(ms).toBeLessThan(SLACK_START_TIMEOUT_MS + 1_000);
  });

  it('fails quickly, in one line, when SLACK_API_URL is not the Slack Web API (an HTML 404 page)', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<html><body>Not found</body></html>');
    });
    const { message, ms } = await startFailure(url);
    expect(message.split('\n')).toHaveLength(1);
    expect(ms).toBeLessThan(SLACK_START_TIMEOUT_MS + 1_000);
  });

  it('gives up within about 10 s, naming SLACK_API_URL, when the Web API accepts connections and never answers', async () => {
    const url = await serve(() => {});
    const { message, ms } = await startFailure(url);
    expect(message).toBe(`the Slack Web API at ${url} did not answer within 10 s (check SLACK_API_URL and the network)`);
    expect(ms).toBeGreaterThanOrEqual(SLACK_START_TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(SLACK_START_TIMEOUT_MS + 1_000);
  });
});
