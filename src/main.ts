/**
 * `npm start`: read `.env`, validate the configuration, load the lexicon, then start Discord and/or
 * Slack when their credentials are set, or the console chat when none are. Start-up problems end in
 * one line on stderr and exit code 1, never a stack trace; SIGINT/SIGTERM stop every surface cleanly.
 */
import { pathToFileURL } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, configuredSurfaces, parseConfig, type Config } from './config.js';
import { newErrorId } from './core/errors.js';
import { EntryFileError } from './core/load-entries.js';
import { DEFAULT_ENTRIES_DIR, loadLexicon } from './core/load-lexicon.js';
import type { Lexicon } from './core/lexicon.js';
import { createLogger, type Logger } from './core/logger.js';
import type { Surface } from './core/surface.js';
import { startLexiconConsole } from './adapters/console/index.js';
import { startPlatformSurfaces, stopSurfaces, SurfaceStartError } from './surfaces.js';
import { ReadingRoomStartError, startReadingRoom, type RunningReadingRoom } from './web/start.js';

/** Run the bot until its surfaces stop; resolves to the process exit code. */
export async function main(): Promise<number> {
  // quiet: dotenv would otherwise print a banner on stdout, where the console chat talks.
  loadDotenv({ quiet: true });

  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }
  const logger = createLogger(config.LOG_LEVEL);

  let lexicon: Lexicon;
  try {
    lexicon = await loadLexicon(config.ENTRIES_DIR ?? DEFAULT_ENTRIES_DIR);
  } catch (error) {
    if (error instanceof EntryFileError) return fail(`Cannot load the lexicon: ${error.message}`);
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
  try {
    return await run(config, lexicon, logger, interrupt.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Start the surfaces and wait until they are done (console closed) or interrupted. */
async function run(config: Config, lexicon: Lexicon, logger: Logger, interrupted: AbortSignal): Promise<number> {
  // The reading room is served in every mode but one: Slack's HTTP mode holds PORT with its own server.
  const slackHoldsPort = configuredSurfaces(config).slack && !config.SLACK_APP_TOKEN;
  let readingRoom: RunningReadingRoom | undefined;
  if (slackHoldsPort) {
    logger.warn('The web reading room is not served in Slack HTTP mode yet (Slack holds PORT); use Socket Mode to have both.');
  } else {
    try {
      readingRoom = await startReadingRoom(config, lexicon);
    } catch (error) {
      if (error instanceof ReadingRoomStartError) return fail(`Cannot start: ${error.message}`);
      throw error;
    }
    if (readingRoom.settings.ephemeralSecret && readingRoom.settings.access === 'token') {
      logger.debug('WEB_SECRET is not set: reading-room links made now stop working when the bot restarts.');
    }
  }
  try {
    return await runSurfaces(config, lexicon, logger, interrupted, readingRoom);
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
): Promise<number> {
  let platforms: Surface[];
  try {
    platforms = await startPlatformSurfaces(config, lexicon, logger, { signal: interrupted });
  } catch (error) {
    if (error instanceof SurfaceStartError) {
      logger.debug('surface start failure', { error: error.cause ?? error });
      return fail(`Cannot start ${error.platform}: ${error.message}`);
    }
    throw error;
  }
  if (interrupted.aborted) return 0;

  if (platforms.length === 0) {
    // The chat's own banner says so on screen; the log line is for debugging only.
    logger.debug(`Started: console (${lexicon.entries.length} entries; no platform credentials set)`);
    const bannerLines = readingRoom ? [`Reading room: ${readingRoom.homeLink()}`] : [];
    const chat = startLexiconConsole(lexicon, logger, { bannerLines });
    // Ctrl-C on a terminal reaches readline as a key; a signal (piped input, `kill`) ends the chat too.
    interrupted.addEventListener('abort', () => void chat.stop(), { once: true });
    await chat.closed;
    return 0;
  }

  logger.info(`Started: ${platforms.map((surface) => surface.name).join(', ')} (${lexicon.entries.length} entries)`);
  // The address only: a signed link in a log would be a key to the pages.
  if (readingRoom) logger.info(`Reading room: ${readingRoom.settings.publicUrl} (${readingRoom.settings.access === 'open' ? 'open access' : 'signed links only'})`);
  if (!interrupted.aborted) await new Promise((resolve) => interrupted.addEventListener('abort', resolve, { once: true }));
  await stopSurfaces(platforms, logger);
  logger.info('Stopped.');
  return 0;
}

/** One line on stderr; exit code 1. */
function fail(line: string): number {
  process.stderr.write(line.replace(/\s*\n\s*/g, ' ') + '\n');
  return 1;
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
    const errorId = newErrorId();
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`lexicon-bot stopped unexpectedly: ${message} (error id ${errorId}; LOG_LEVEL=debug shows details)\n`);
    createLogger(process.env.LOG_LEVEL === 'debug' ? 'debug' : 'silent').debug('unexpected start-up failure', { errorId, error });
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runAsEntryPoint();
