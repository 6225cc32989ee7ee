/**
 * The Bolt app of the Slack surface, in either mode: Socket Mode (an app-level token; no public URL)
 * or HTTP (signed requests on /slack/events, a health endpoint for load balancers). The app keeps no
 * state between requests (button state lives in the buttons), so HTTP instances can be scaled out.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, ListenOptions } from 'node:net';
import { App, AuthorizationError, HTTPReceiver, SocketModeReceiver, type Authorize, type InstallationStore } from '@slack/bolt';
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger, LogLevel } from '../../core/logger.js';
import { AnswerCache } from '../../core/answer-cache.js';
import { SlackUserLocales } from './user-locale.js';
import { boltLogger } from './bolt-logger.js';
import { guardSlackBodies } from './body-guard.js';
import { InMemoryEventDeduper, type EventDeduper } from '../../core/event-dedupe.js';
import { decodeActionState } from '../../core/action-state.js';
import { slackSocketReconnects } from '../../ops/metrics.js';
import { answerRequest } from '../../ops/requests.js';
import type { RateLimiter } from '../../ops/rate-limit.js';
import { refusedByRateLimit } from './rate-limits.js';
import type { ReadinessCheck } from '../../core/surface.js';
import { handleOpsRequest, METRICS_PATH, READY_PATH } from '../../ops/server.js';
import type { CachedAnswer } from './listeners/deps.js';
import { registerListeners } from './listeners/index.js';
import { INSTALL_PATH, OAUTH_REDIRECT_PATH, registerUninstallListeners } from './installations.js';
import type { SlashCommandSpec } from './slash-commands.js';
import type { WebSettings } from '../../web/access.js';
import type { PageLinker } from '../../web/links.js';
import type { TeamMemory } from '../../core/team-memory.js';
import { SlackWorkspaceAdmins } from './workspace-admins.js';
import { SlackUsersInfo } from './users-info.js';

/** Where Slack sends events, commands and interactions in HTTP mode. */
export const EVENTS_PATH = '/slack/events';
/** Slash-command answers kept by default: the lexicon's terms and their common variants many times over. */
export const DEFAULT_ANSWER_CACHE_SIZE = 256;
/** Health endpoint for load balancers (HTTP mode). */
export const HEALTH_PATH = '/healthz';
/**
 * Start-up gives up after this long, with one line, as Discord's does: a wrong or unreachable
 * SLACK_API_URL must not hang `npm start` (the Web API client's default retries last half an hour).
 */
export const SLACK_START_TIMEOUT_MS = 10_000;
/**
 * Web API calls: a few quick retries, each attempt bounded. A chat answer that needs more than
 * this is better reported as failed than delivered minutes late.
 */
export const WEB_API_CLIENT_OPTIONS = {
  timeout: 4_000,
  retryConfig: { retries: 2, factor: 2, minTimeout: 300, maxTimeout: 1_500, randomize: false },
} as const;

export interface SlackAppOptions {
  lexicon: Lexicon;
  logger: Logger;
  logLevel?: LogLevel;
  /** Bot token (xoxb-) of a single-workspace install. */
  token?: string;
  /** Resolves the bot token per request instead of `token` (tests, custom set-ups). */
  authorize?: Authorize<boolean>;
  /**
   * Installs in many workspaces (HTTP mode): Bolt's installer serves /slack/install and
   * /slack/oauth_redirect, keeps installations in `store`, and answers each request with its own
   * workspace's token; a workspace with no installation is refused (401).
   */
  installations?: SlackInstallations;
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
  /** Remembers Events API deliveries so Slack's retries are not answered twice (in memory by default). */
  eventDeduper?: EventDeduper;
  /** HTTP mode: serve /readyz and /metrics beside /healthz, answering from these probes. */
  readiness?: ReadinessCheck;
  /** Limits on requests and public posts; none when absent (`startSlack` passes the configured ones). */
  rateLimiter?: RateLimiter;
  /** How long start() may take (default SLACK_START_TIMEOUT_MS). */
  startTimeoutMs?: number;
  /** Socket Mode timings in ms (tests shorten the reconnect delay, which is clientPingTimeout). */
  socket?: { clientPingTimeout?: number; serverPingTimeout?: number };
  /** Links from answers to the paragraph they quote in the reading room (WEB_PUBLIC_URL is set); none without it. */
  links?: PageLinker;
  /** HTTP mode: the reading room, answering every path that is not Slack's or the ops endpoints. */
  web?: (req: IncomingMessage, res: ServerResponse) => void;
  /** The web reading room: answers link to it and its links are unfurled (`link_shared`); neither without it. */
  readingRoom?: WebSettings;
  /** The team's store: settings applied, answers recorded, `/lexicon settings|stats` served (none without it). */
  memory?: TeamMemory;
  /** STATS_RETENTION_DAYS, said in stats (default 90). */
  retentionDays?: number;
}

/** What Bolt's installer needs for OAuth installs. */
export interface SlackInstallations {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth state (the install's cookie and redirect must match). */
  stateSecret: string;
  /** Bot scopes requested at install (the manifest's). */
  scopes: readonly string[];
  store: InstallationStore;
}

export interface SlackApp {
  readonly app: App;
  readonly mode: 'socket' | 'http';
  /** The slash commands the app listens to (the manifest declares the same). */
  readonly slashCommands: SlashCommandSpec[];
  /** Connected (Socket Mode) or listening (HTTP), and not stopped. */
  ready(): boolean;
  /** Start: connect (Socket Mode) or listen (HTTP; port 0 picks a free one). Resolves with the port in HTTP mode. */
  start(listen?: number | ListenOptions): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Build the Bolt app with every listener; nothing connects or listens until `start`. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const logger = boltLogger(options.logger, options.logLevel ?? 'info');
  const clientOptions = { ...WEB_API_CLIENT_OPTIONS, ...(options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {}) };
  const mode = options.appToken ? 'socket' : 'http';
  if (mode === 'http' && !options.signingSecret) throw new Error('Slack HTTP mode needs SLACK_SIGNING_SECRET (or set SLACK_APP_TOKEN for Socket Mode)');
  if (!options.token && !options.authorize && !options.installations) throw new Error('Slack needs a bot token (SLACK_BOT_TOKEN), installations (SLACK_CLIENT_ID) or an authorize function');
  if (options.installations && mode === 'socket') throw new Error('Slack installs over OAuth are served over HTTP, not Socket Mode (unset SLACK_APP_TOKEN)');
  const installations = options.installations;
  const receiver = options.appToken
    ? new SocketModeReceiver({
        appToken: options.appToken,
        logger,
        clientPingTimeout: options.socket?.clientPingTimeout,
        serverPingTimeout: options.socket?.serverPingTimeout,
        installerOptions: { clientOptions: options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {} },
      })
    : new HTTPReceiver({
        signingSecret: options.signingSecret ?? '',
        endpoints: EVENTS_PATH,
        logger,
        ...(installations
          ? {
              clientId: installations.clientId,
              clientSecret: installations.clientSecret,
              stateSecret: installations.stateSecret,
              scopes: [...installations.scopes],
              installationStore: installations.store,
              installerOptions: {
                installPath: INSTALL_PATH,
                redirectUriPath: OAUTH_REDIRECT_PATH,
                // /slack/install sends the person straight to Slack's consent page.
                directInstall: true,
                ...(options.slackApiUrl ? { clientOptions: { slackApiUrl: options.slackApiUrl } } : {}),
              },
            }
          : {}),
        customRoutes: [
          {
            path: HEALTH_PATH,
            method: ['GET'],
            handler: (_req, res) => {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end('{"ok":true}');
            },
          },
          ...(options.readiness
            ? [READY_PATH, METRICS_PATH].map((path) => ({
                path,
                method: ['GET'],
                handler: (req: Parameters<typeof handleOpsRequest>[1], res: Parameters<typeof handleOpsRequest>[2]) =>
                  void handleOpsRequest(options.readiness!, req, res).catch(() => res.writeHead(500).end()),
              }))
            : []),
        ],
      });

  const app = new App({
    receiver,
    logger,
    clientOptions: { ...clientOptions },
    // With installations, Bolt's installer authorizes each request from the store.
    ...(installations ? {} : options.authorize ? { authorize: options.authorize } : { token: options.token, botUserId: options.botUserId, botId: options.botId }),
    tokenVerificationEnabled: options.botUserId === undefined,
    // No conversation store: nothing is kept between requests, so any instance serves any request.
    convoStore: false,
    deferInitialization: true,
  });
  if (receiver instanceof HTTPReceiver) {
    const slackListener = guardSlackBodies(EVENTS_PATH, receiver.requestListener, (reason) => options.logger.warn(`Slack: request refused with 400: ${reason}`));
    const web = options.web;
    // The reading room shares the port: Slack's paths (events, and the OAuth install when it is on) and
    // the ops endpoints go to Bolt, the rest to the pages.
    const boltPaths = new Set([EVENTS_PATH, HEALTH_PATH, ...(installations ? [INSTALL_PATH, OAUTH_REDIRECT_PATH] : []), ...(options.readiness ? [READY_PATH, METRICS_PATH] : [])]);
    receiver.requestListener = web
      ? (req, res) => {
          const path = new URL(req.url ?? '/', 'http://localhost').pathname;
          if (boltPaths.has(path)) slackListener(req, res);
          else web(req, res);
        }
      : slackListener;
  }
  // Before every listener: a retried event (same event_id) was answered already. Bolt has acked it.
  const deduper = options.eventDeduper ?? new InMemoryEventDeduper();
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string' && !(await deduper.firstSeen(eventId))) {
      // Said at info: rare, and the one sign that another instance (or this one) answered it already.
      options.logger.info('Slack: event already handled (a retry)', { eventId });
      return;
    }
    await next();
  });
  // Every request that gets this far is answered as one request: one log line, its metrics, its id.
  // Over a rate limit, the person is told privately and the request goes no further.
  // One users.info request per user serves both the admin check and the user's language.
  const usersInfo = new SlackUsersInfo();
  const userLocales = new SlackUserLocales({ logger: options.logger, usersInfo });
  // A refusal speaks the user's language if an earlier request looked it up; it asks Slack nothing.
  const knownLocale = (teamId: string | undefined, userId: string) => userLocales.knownLocaleOf(teamId, userId);
  const limiter = options.rateLimiter;
  app.use(async (args) => {
    await answerRequest(options.logger, 'slack', slackRequestName(args.body), async () => {
      if (limiter && (await refusedByRateLimit(args, limiter, options.logger, knownLocale))) return;
      await args.next();
    });
  });
  const answers = new AnswerCache<CachedAnswer>(options.answerCacheSize ?? DEFAULT_ANSWER_CACHE_SIZE);
  const slashCommands = registerListeners(app, {
    lexicon: options.lexicon,
    logger: options.logger,
    answers,
    readingRoom: options.readingRoom,
    ...(options.links ? { links: options.links } : {}),
    userLocales,
    ...(options.memory ? { memory: options.memory } : {}),
    retentionDays: options.retentionDays ?? 90,
    admins: new SlackWorkspaceAdmins({ logger: options.logger, usersInfo }),
    ...(limiter ? { rateLimiter: limiter } : {}),
  });
  if (installations) registerUninstallListeners(app, installations.store, options.logger);
  app.error(async (error) => {
    // A workspace with no installation: thrown on, so that the receiver refuses the request (401).
    if (error instanceof AuthorizationError) {
      options.logger.warn('Slack: request refused: its workspace has no installation', { error: error.original?.message ?? error.message });
      throw error;
    }
    options.logger.error('Slack: unhandled error in Bolt', { error });
  });

  let connected = false;
  let stopped = false;
  if (receiver instanceof SocketModeReceiver) {
    receiver.client.on('connected', () => (connected = true));
    receiver.client.on('disconnected', () => (connected = false));
    receiver.client.on('reconnecting', () => {
      connected = false;
      slackSocketReconnects.inc();
    });
  }
  return {
    app,
    mode,
    slashCommands,
    ready: () => !stopped && connected,
    async start(listen) {
      const timeoutMs = options.startTimeoutMs ?? SLACK_START_TIMEOUT_MS;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`the Slack Web API${options.slackApiUrl ? ` at ${options.slackApiUrl}` : ''} did not answer within ${timeoutMs / 1000} s (check SLACK_API_URL and the network)`)),
          timeoutMs,
        );
      });
      const starting = (async () => {
        await app.init();
        if (mode === 'socket') {
          await app.start();
          connected = true;
          return {};
        }
        const server = (await (receiver as HTTPReceiver).start(listen ?? 3000)) as Server;
        connected = true;
        return { port: (server.address() as AddressInfo).port };
      })();
      try {
        return await Promise.race([starting, deadline]);
      } catch (error) {
        // A start that finishes after the deadline is stopped then; its failure is already reported.
        starting.then(() => app.stop()).catch(() => {});
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async stop() {
      stopped = true;
      await app.stop();
    },
  };
}

/** What a Slack request asks, for the request log: `/define`, `button:next`, `event:app_mention`, `share`. */
function slackRequestName(body: unknown): string {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as {
    command?: unknown;
    type?: unknown;
    event?: { type?: unknown };
    actions?: { value?: unknown; action_id?: unknown }[];
  };
  if (typeof fields.command === 'string') return fields.command;
  if (fields.type === 'event_callback') return `event:${String(fields.event?.type ?? 'unknown')}`;
  if (fields.type === 'block_actions') {
    const action = fields.actions?.[0];
    const state = typeof action?.value === 'string' ? decodeActionState(action.value) : undefined;
    return `button:${state?.kind ?? String(action?.action_id ?? 'unknown')}`;
  }
  if (fields.type === 'message_action') return 'shortcut';
  if (fields.type === 'view_submission') return 'share';
  if (fields.type === 'block_suggestion') return 'suggest';
  return String(fields.type ?? 'unknown');
}
