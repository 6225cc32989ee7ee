/**
 * The Slack surface: `startSlack` runs it from the validated configuration (Socket Mode when
 * SLACK_APP_TOKEN is set, HTTP on PORT otherwise); `createSlackApp` builds it for tests and benchmarks.
 */
import type { Config } from '../../config.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger } from '../../core/logger.js';
import type { Surface, SurfaceStartOptions } from '../../core/surface.js';
import { createSlackApp, EVENTS_PATH, HEALTH_PATH } from './app.js';
import { RateLimiter, rateLimitsFromConfig } from '../../ops/rate-limit.js';
import { webSettings } from '../../web/access.js';

export { createSlackApp, EVENTS_PATH, HEALTH_PATH } from './app.js';
export type { SlackApp, SlackAppOptions } from './app.js';
export { renderReply } from './render.js';
export { buildManifest } from './manifest.js';

/** Start the Slack surface from the configuration; resolves once connected (or listening). */
export async function startSlack(config: Config, lexicon: Lexicon, logger: Logger, options: SurfaceStartOptions = {}): Promise<Surface> {
  if (!config.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is not set: the Slack surface cannot start');
  const slack = createSlackApp({
    lexicon,
    logger,
    logLevel: config.LOG_LEVEL,
    token: config.SLACK_BOT_TOKEN,
    signingSecret: config.SLACK_SIGNING_SECRET,
    appToken: config.SLACK_APP_TOKEN,
    slackApiUrl: config.SLACK_API_URL,
    ...(options.readiness ? { readiness: options.readiness } : {}),
    rateLimiter: new RateLimiter(options.rateLimitCounter, rateLimitsFromConfig(config)),
    readingRoom: webSettings(config),
    ...(options.memory ? { memory: options.memory } : {}),
    retentionDays: config.STATS_RETENTION_DAYS,
  });
  const { port } = await slack.start(config.PORT);
  const name = slack.mode === 'socket' ? 'slack (socket mode)' : `slack (http :${port}${EVENTS_PATH}, health ${HEALTH_PATH})`;
  logger.info(`Slack surface started: ${name}`);
  return { name, servesOps: slack.mode === 'http' && options.readiness !== undefined, ready: () => slack.ready(), stop: () => slack.stop() };
}
