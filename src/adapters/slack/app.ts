/**
 * The Bolt app of the Slack surface, in either mode: Socket Mode (an app-level token; no public URL)
 * or HTTP (signed requests on /slack/events, a health endpoint for load balancers). The app keeps no
 * state between requests (button state lives in the buttons), so HTTP instances can be scaled out.
 */
import type { Server } from 'node:http';
import type { AddressInfo, ListenOptions } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type Authorize } from '@slack/bolt';
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger, LogLevel } from '../../core/logger.js';
import { AnswerCache } from '../../core/answer-cache.js';
import { boltLogger } from './bolt-logger.js';
import type { CachedAnswer } from './listeners/deps.js';
import { registerListeners } from './listeners/index.js';
import type { SlashCommandSpec } from './slash-commands.js';
import type { WebSettings } from '../../web/access.js';

/** Where Slack sends events, commands and interactions in HTTP mode. */
export const EVENTS_PATH = '/slack/events';
/** Slash-command answers kept by default: the lexicon's terms and their common variants many times over. */
export const DEFAULT_ANSWER_CACHE_SIZE = 256;
/** Health endpoint for load balancers (HTTP mode). */
export const HEALTH_PATH = '/healthz';

export interface SlackAppOptions {
  lexicon: Lexicon;
  logger: Logger;
  logLevel?: LogLevel;
  /** Bot token (xoxb-) of a single-workspace install. */
  token?: string;
  /**
   * Seam for multi-workspace installs (OAuth with an installation store, a later issue): resolves
   * the bot token per team instead of `token`.
   */
  authorize?: Authorize<boolean>;
  /** HTTP mode: the app's signing secret. */
  signingSecret?: string;
  /** Socket Mode: the app-level token (xapp-). Socket Mode is used when it is set. */
  appToken?: string;
  /** Web API base URL (GovSlack, or a test's fake), e.g. https://slack.com/api/. */
  slackApiUrl?: string;
  /** Skip auth.test at start-up by giving the bot's ids (benchmarks). */
  botUserId?: string;
  botId?: string;
  /** Rendered slash-command answers kept in memory (default 256; 0 turns the cache off). */
  answerCacheSize?: number;
  /** Socket Mode timings in ms (tests shorten the reconnect delay, which is clientPingTimeout). */
  socket?: { clientPingTimeout?: number; serverPingTimeout?: number };
  /** The web reading room: answers link to it and its links are unfurled (`link_shared`); neither without it. */
  readingRoom?: WebSettings;
}

export interface SlackApp {
  readonly app: App;
  readonly mode: 'socket' | 'http';
  /** The slash commands the app listens to (the manifest declares the same). */
  readonly slashCommands: SlashCommandSpec[];
  /** Start: connect (Socket Mode) or listen (HTTP; port 0 picks a free one). Resolves with the port in HTTP mode. */
  start(listen?: number | ListenOptions): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Build the Bolt app with every listener; nothing connects or listens until `start`. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = boltLogger(options.logger, options.logLevel ?? 'info');
  const clientOptions = options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {};
  const mode = options.appToken ? 'socket' : 'http';
  if (mode === 'http' && !options.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  if (!options.token && !options.authorize) throw new Error('Slack needs a bot token (SLACK_BOT_TOKEN) or an authorize function');
  const receiver = options.appToken
    ? new SocketModeReceiver({
        appToken: options.appToken,
        logger,
        clientPingTimeout: options.socket?.clientPingTimeout,
        serverPingTimeout: options.socket?.serverPingTimeout,
        installerOptions: { clientOptions: { ...clientOptions } },
      })
    : new HTTPReceiver({
        signingSecret: options.signingSecret ?? '',
        endpoints: EVENTS_PATH,
        logger,
        customRoutes: [
          {
            path: HEALTH_PATH,
            method: ['GET'],
            handler: (_req, res) => {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end('{"ok":true}');
            },
          },
        ],
      });

  const app = new App({
    receiver,
    logger,
    clientOptions: { ...clientOptions },
    ...(options.authorize ? { authorize: options.authorize } : { token: options.token, botUserId: options.botUserId, botId: options.botId }),
    tokenVerificationEnabled: options.botUserId === undefined,
    // No conversation store: nothing is kept between requests, so any instance serves any request.
    convoStore: false,
    deferInitialization: true,
  });
  const answers = new AnswerCache<CachedAnswer>(options.answerCacheSize ?? DEFAULT_ANSWER_CACHE_SIZE);
  const slashCommands = registerListeners(app, { lexicon: options.lexicon, logger: options.logger, answers, readingRoom: options.readingRoom });
  app.error(async (error) => {
    options.logger.error('Slack: unhandled error in Bolt', { error });
  });

  return {
    app,
    mode,
    slashCommands,
    async start(listen) {
      await app.init();
      if (mode === 'socket') {
        await app.start();
        return {};
      }
      const server = (await (receiver as HTTPReceiver).start(listen ?? 3000)) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    async stop() {
      await app.stop();
    },
  };
}
