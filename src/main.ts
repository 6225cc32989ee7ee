/**
 * `npm start`: read `.env`, validate the configuration, load the lexicon, then start Discord and/or
 * Slack when their credentials are set, or the console chat when none are. Start-up problems end in
 * one line on stderr and exit code 1, never a stack trace; SIGINT/SIGTERM stop every surface cleanly.
 */
import { pathToFileURL } from 'node:url';
import { configuredSurfaces, discordMode, slackMode, type Config } from './config.js';
import type { Lexicon } from './core/lexicon.js';
import { createLogger, type Logger } from './core/logger.js';
import type { Surface, SurfaceStartOptions } from './core/surface.js';
import { startLexiconConsole } from './adapters/console/index.js';
import type { TeamMemory } from './core/team-memory.js';
import { StoreOpenError } from './storage/open.js';
import { openTeamMemory } from './storage/memory.js';
import { installProcessHandlers } from './process-handlers.js';
import { inFlight } from './ops/requests.js';
import { databaseProbe, Readiness, startOpsServer, type OpsServer } from './ops/server.js';
import { StoreRateLimitCounter } from './ops/rate-limit.js';
import { loadConfiguration, loadStartupLexicon, reportStartupFailure, StartupError } from './startup.js';
import { startPlatformSurfaces, stopSurfaces, SurfaceStartError } from './surfaces.js';
import { readingRoomListener, ReadingRoomStartError, startReadingRoom, type RunningReadingRoom } from './web/start.js';

/** Run the bot until its surfaces stop; resolves to the process exit code. */
export async function main(): Promise<number> {
  let config: Config;
  let lexicon: Lexicon;
  try {
    config = loadConfiguration();
  } catch (error) {
    if (error instanceof StartupError) return reportStartupFailure(error);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL, undefined, { secrets: [config.DISCORD_TOKEN, config.SLACK_BOT_TOKEN, config.SLACK_SIGNING_SECRET, config.SLACK_APP_TOKEN, config.SLACK_CLIENT_SECRET, config.SLACK_STATE_SECRET] });
  try {
    lexicon = await loadStartupLexicon(config);
  } catch (error) {
    if (error instanceof StartupError) return reportStartupFailure(error);
    throw error;
  }
  const uninstall = installProcessHandlers(logger);

  // The store is opened (and migrated) before anything answers, so that no answer goes unrecorded.
  let memory: TeamMemory;
  try {
    memory = await openTeamMemory(config, logger, {}, { measured: true });
  } catch (error) {
    if (error instanceof StoreOpenError) return reportStartupFailure(new StartupError(`Cannot start: ${error.message}`));
    throw error;
  }
  // Signals are watched from here on, so that Ctrl-C during a slow platform start also stops cleanly.
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupt.signal.aborted) {
      // A second Ctrl-C while stopping: the operator does not want to wait.
      process.stderr.write(`${signal} again: exiting without waiting.\n`);
      process.exit(130);
    }
    logger.info(`${signal} received, stopping… (again to exit at once)`);
    interrupt.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // Said only now that the handlers are installed: whoever acts on this line (an operator, a
  // supervisor, a test) may stop the start with a signal and gets a clean stop, not the default
  // action of a signal that arrived before its handler.
  logger.info(surfacePlan(config));
  try {
    return await run(config, lexicon, logger, interrupt.signal, memory);
  } finally {
    await memory.close().catch((error: unknown) => logger.warn('The database did not close cleanly', { error }));
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    uninstall();
  }
}

/** Which surfaces this configuration starts, and why: the first line an operator reads. */
export function surfacePlan(config: Config): string {
  const wanted = configuredSurfaces(config);
  if (!wanted.discord && !wanted.slack) return 'no DISCORD_TOKEN or SLACK_BOT_TOKEN: console only';
  const parts: string[] = [];
  if (wanted.discord) {
    parts.push(
      discordMode(config) === 'http'
        ? `discord over HTTP on port ${config.DISCORD_INTERACTIONS_PORT} (DISCORD_PUBLIC_KEY is set: interactions endpoint, no gateway)`
        : 'discord (DISCORD_TOKEN is set)',
    );
  }
  if (wanted.slack) {
    const mode = slackMode(config);
    parts.push(
      mode === 'oauth'
        ? `slack over HTTP on port ${config.PORT}, installable in many workspaces (SLACK_CLIENT_ID is set)`
        : mode === 'socket'
          ? 'slack in Socket Mode (SLACK_BOT_TOKEN and SLACK_APP_TOKEN are set)'
          : `slack over HTTP on port ${config.PORT} (SLACK_BOT_TOKEN is set, no SLACK_APP_TOKEN)`,
    );
  }
  const missing = !wanted.discord ? '; no DISCORD_TOKEN: no discord' : !wanted.slack ? '; no SLACK_BOT_TOKEN: no slack' : '';
  return `starting ${parts.join(' and ')}${missing}`;
}

/** Start the surfaces and wait until they are done (console closed) or interrupted. */
async function run(config: Config, lexicon: Lexicon, logger: Logger, interrupted: AbortSignal, memory: TeamMemory): Promise<number> {
  // /readyz: the lexicon (loaded by now), then each platform as it starts; the store adds its own.
  const readiness = new Readiness();
  readiness.add({ name: 'lexicon', ready: () => lexicon.entries.length > 0 });
  readiness.add(databaseProbe(memory.store));
  // The reading room is served on PORT in every mode: by a server of its own, or in Slack's HTTP
  // mode by Slack's server (which holds PORT), on every path that is not Slack's.
  const slackHoldsPort = configuredSurfaces(config).slack && slackMode(config) !== 'socket';
  let readingRoom: RunningReadingRoom | undefined;
  let web: SurfaceStartOptions['web'];
  if (slackHoldsPort) {
    const room = readingRoomListener(config, lexicon);
    web = room.listener;
    const { settings } = room;
    logger.info(`Reading room: ${settings.publicUrl} on Slack's port (${settings.access === 'open' ? 'open access' : 'signed links only'})`);
  } else {
    try {
      // /healthz, /readyz and /metrics are served beside it, on PORT.
      readingRoom = await startReadingRoom(config, lexicon, { readiness });
    } catch (error) {
      if (error instanceof ReadingRoomStartError) return reportStartupFailure(new StartupError(`Cannot start: ${error.message}`));
      throw error;
    }
    if (readingRoom.settings.ephemeralSecret && readingRoom.settings.access === 'token') {
      logger.debug('WEB_SECRET is not set: reading-room links made now stop working when the bot restarts.');
    }
  }
  try {
    return await runSurfaces(config, lexicon, logger, interrupted, readingRoom, readiness, memory, web);
  } finally {
    await readingRoom?.stop();
  }
}

/** Start the chat surfaces and wait until they are done (console closed) or interrupted. */
async function runSurfaces(
  config: Config,
  lexicon: Lexicon,
  logger: Logger,
  interrupted: AbortSignal,
  readingRoom: RunningReadingRoom | undefined,
  readiness: Readiness,
  memory: TeamMemory,
  web: SurfaceStartOptions['web'],
): Promise<number> {
  let platforms: Surface[];
  try {
    // Rate limits count in the store, so that instances sharing a database share the limits.
    platforms = await startPlatformSurfaces(config, lexicon, logger, {
      signal: interrupted,
      readiness,
      memory,
      rateLimitCounter: new StoreRateLimitCounter(memory.store),
      ...(web ? { web } : {}),
    });
  } catch (error) {
    if (error instanceof SurfaceStartError) {
      logger.debug('surface start failure', { error: error.cause ?? error });
      return reportStartupFailure(new StartupError(`Cannot start ${error.platform}: ${error.message}`));
    }
    throw error;
  }
  if (interrupted.aborted) {
    // The operator stopped a start that never completed (an unreachable platform): not a success.
    return reportStartupFailure(new StartupError(`Stopped by ${String(interrupted.reason)} before start-up completed.`));
  }

  for (const surface of platforms) readiness.add({ name: surface.name, ready: () => surface.ready?.() ?? true });
  let ops: OpsServer | undefined;
  // The ops endpoints: on the Slack HTTP server or the reading room when there is one, else on a server of their own
  // (always beside a platform; beside the console only when HEALTH_PORT asks for it), unless the
  // reading room serves them on PORT already.
  const opsServed = config.HEALTH_PORT === undefined && (readingRoom !== undefined || platforms.some((surface) => surface.servesOps));
  if (!opsServed && (platforms.length > 0 || config.HEALTH_PORT !== undefined)) {
    try {
      ops = await startOpsServer(readiness, config.HEALTH_PORT ?? config.PORT);
    } catch (error) {
      await stopSurfaces(platforms, logger);
      return reportStartupFailure(new StartupError(`Cannot serve /healthz on port ${config.HEALTH_PORT ?? config.PORT}: ${error instanceof Error ? error.message : String(error)} (set HEALTH_PORT)`));
    }
    logger.info(`Health, readiness and metrics on :${ops.port} (/healthz, /readyz, /metrics)`);
  }

  if (platforms.length === 0) {
    const bannerLines = readingRoom ? [`Reading room: ${readingRoom.homeLink()}`] : [];
    const chat = startLexiconConsole(lexicon, logger, { bannerLines }, memory);
    // Ctrl-C on a terminal reaches readline as a key; a signal (piped input, `kill`) ends the chat too.
    interrupted.addEventListener('abort', () => void chat.stop(), { once: true });
    await chat.closed;
    await ops?.close();
    return 0;
  }

  logger.info(`Started: ${platforms.map((surface) => surface.name).join(', ')} (${lexicon.entries.length} entries)`);
  // The address only: a signed link in a log would be a key to the pages.
  if (readingRoom) logger.info(`Reading room: ${readingRoom.settings.publicUrl} (${readingRoom.settings.access === 'open' ? 'open access' : 'signed links only'})`);
  if (!interrupted.aborted) await new Promise((resolve) => interrupted.addEventListener('abort', resolve, { once: true }));
  await shutDown(platforms, ops, readiness, config.SHUTDOWN_TIMEOUT_MS, logger);
  return 0;
}

/**
 * Stop gracefully: /readyz says not ready (a load balancer stops sending), requests in flight are
 * finished for at most `timeoutMs`, then the platforms and the ops server close. A second signal
 * (handled in main) exits at once.
 */
async function shutDown(platforms: readonly Surface[], ops: OpsServer | undefined, readiness: Readiness, timeoutMs: number, logger: Logger): Promise<void> {
  readiness.add({ name: 'shutting-down', ready: () => false });
  const started = performance.now();
  if (inFlight.size > 0) logger.info(`Finishing ${inFlight.size} request(s) in flight (at most ${timeoutMs} ms)`);
  const drained = await inFlight.drained(timeoutMs);
  if (!drained) logger.warn(`${inFlight.size} request(s) still in flight after SHUTDOWN_TIMEOUT_MS=${timeoutMs}; stopping anyway`);
  const left = Math.max(1_000, timeoutMs - (performance.now() - started));
  const stopped = await Promise.race([stopSurfaces(platforms, logger).then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), left).unref())]);
  if (!stopped) logger.warn('The platforms did not stop in time; leaving anyway');
  await ops?.close();
  logger.info('Stopped.', { ms: Math.round(performance.now() - started) });
}

/** How long to wait for the event loop to drain after a clean stop. */
const EXIT_GRACE_MS = 3000;

/** Run main when this file is the entry point: exit with its code, never with a stack trace. */
async function runAsEntryPoint(): Promise<void> {
  try {
    process.exitCode = await main();
    // Everything is stopped; if a library still holds the event loop open (a start that never
    // finished), leave anyway, a moment later.
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  } catch (error) {
    // Unexpected: one line with an id, the details at debug level for whoever investigates.
    process.exitCode = reportStartupFailure(error);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runAsEntryPoint();
