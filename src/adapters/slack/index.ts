/**
 * The Slack surface: `startSlack` runs it from the validated configuration (Socket Mode when
 * SLACK_APP_TOKEN is set, HTTP on PORT otherwise); `createSlackApp` builds it for tests and benchmarks.
 */
import { slackMode, type Config } from '../../config.js';
import { eventDeduper } from '../../core/event-dedupe.js';
import { BOT_SCOPES } from './manifest.js';
import { INSTALL_PATH, storeInstallations } from './installations.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger } from '../../core/logger.js';
import type { Surface, SurfaceStartOptions } from '../../core/surface.js';
import { createSlackApp, EVENTS_PATH, HEALTH_PATH } from './app.js';
import { RateLimiter, rateLimitsFromConfig } from '../../ops/rate-limit.js';
import { webSettings } from '../../web/access.js';
import { configuredPageLinker } from '../../web/links.js';

export { createSlackApp, EVENTS_PATH, HEALTH_PATH } from './app.js';
export type { SlackApp, SlackAppOptions } from './app.js';
export { renderReply } from './render.js';
export { buildManifest } from './manifest.js';
export { INSTALL_PATH, OAUTH_REDIRECT_PATH, storeInstallations } from './installations.js';

/** Start the Slack surface from the configuration; resolves once connected (or listening). */
export async function startSlack(config: Config, lexicon: Lexicon, logger: Logger, options: SurfaceStartOptions = {}): Promise<Surface> {
  const mode = slackMode(config);
  const store = options.memory?.store;
  if (mode === 'oauth' && !store) throw new Error('installs in many workspaces (SLACK_CLIENT_ID) need the store to keep installations');
  if (mode !== 'oauth' && !config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is not set: the Slack surface cannot start');
  const slack = createSlackApp({
    lexicon,
    logger,
    logLevel: config.LOG_LEVEL,
    ...(mode === 'oauth' && store && config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET && config.SLACK_STATE_SECRET
      ? {
          installations: {
            clientId: config.SLACK_CLIENT_ID,
            clientSecret: config.SLACK_CLIENT_SECRET,
            stateSecret: config.SLACK_STATE_SECRET,
            scopes: BOT_SCOPES,
            store: storeInstallations(store),
          },
        }
      : { token: config.SLACK_BOT_TOKEN }),
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    slackApiUrl: config.SLACK_API_URL,
    // Slack's retries are answered once by whichever instance claims them first in the shared store.
    eventDeduper: eventDeduper(store, logger, 'slack'),
    ...(options.readiness ? { readiness: options.readiness } : {}),
    rateLimiter: new RateLimiter(options.rateLimitCounter, rateLimitsFromConfig(config)),
    readingRoom: webSettings(config),
    ...(config.WEB_PUBLIC_URL ? { links: configuredPageLinker(config, lexicon) } : {}),
    ...(options.web ? { web: options.web } : {}),
    ...(options.memory ? { memory: options.memory } : {}),
    retentionDays: config.STATS_RETENTION_DAYS,
  });
  const { port } = await slack.start(config.PORT);
  const name =
    slack.mode === 'socket'
      ? 'slack (socket mode)'
      : `slack (http :${port}${EVENTS_PATH}${mode === 'oauth' ? `, installs at ${INSTALL_PATH}` : ''}, health ${HEALTH_PATH})`;
  logger.info(`Slack surface started: ${name}`);
  return { name, servesOps: slack.mode === 'http' && options.readiness !== undefined, ready: () => slack.ready(), stop: () => slack.stop() };
}
