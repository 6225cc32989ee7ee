/**
 * Starts the chat platforms the configuration has credentials for. Each adapter module is imported
 * only when its credentials are set, so a console-only start never loads discord.js or Bolt (and
 * start-up does not depend on an adapter that is not installed or not built yet).
 */
import type { Config } from './config.js';
import type { Lexicon } from './core/lexicon.js';
import type { Logger } from './core/logger.js';
import type { Surface, SurfaceStartOptions } from './core/surface.js';
import { configuredSurfaces } from './config.js';
import { pathToFileURL } from 'node:url';
import { CODE_ROOT } from './paths.js';

/** How every platform adapter starts: `startDiscord`, `startSlack`. */
export type SurfaceStarter = (config: Config, lexicon: Lexicon, logger: Logger, options?: SurfaceStartOptions) => Promise<Surface>;

/** A platform adapter: the module that exports its starter, and the export's name. */
export interface PlatformAdapter {
  platform: 'discord' | 'slack';
  /** Relative to src/ (or dist/ in the build); `.js` as in every relative import (tsx maps it to the `.ts` source). */
  modulePath: string;
  exportName: string;
}

/** The platforms `npm start` can start, in start order. */
export const PLATFORM_ADAPTERS: readonly PlatformAdapter[] = [
  { platform: 'discord', modulePath: './adapters/discord/index.js', exportName: 'startDiscord' },
  { platform: 'slack', modulePath: './adapters/slack/index.js', exportName: 'startSlack' },
];

/** A platform that could not start; the message is one line for the operator. */
export class SurfaceStartError extends Error {
  override name = 'SurfaceStartError';
  constructor(
    readonly platform: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Loads an adapter's starter; replaceable in tests. */
export type AdapterLoader = (adapter: PlatformAdapter) => Promise<SurfaceStarter>;

/** Import the adapter module by path, only now, and check that it exports its starter. */
export const importAdapter: AdapterLoader = async (adapter) => {
  let loaded: Record<string, unknown>;
  try {
    // A computed specifier: the adapter is not part of the static import graph of `npm start`.
    loaded = (await import(new URL(adapter.modulePath, pathToFileURL(CODE_ROOT + '/')).href)) as Record<string, unknown>;
  } catch (error) {
    throw new SurfaceStartError(adapter.platform, `the ${adapter.platform} adapter could not be loaded (${messageOf(error)})`, { cause: error });
  }
  const starter = loaded[adapter.exportName];
  if (typeof starter !== 'function') {
    throw new SurfaceStartError(adapter.platform, `the ${adapter.platform} adapter does not export ${adapter.exportName}()`);
  }
  return starter as SurfaceStarter;
};

/**
 * Start every platform with credentials, in order (Discord, then Slack). If one fails, the ones
 * already started are stopped and the error is thrown, so start-up never half-succeeds silently.
 * When `signal` is aborted (SIGINT during a slow start), whatever has started by then is stopped
 * and nothing is returned. Returns [] when no platform has credentials (the caller opens the console).
 */
export async function startPlatformSurfaces(
  config: Config,
  lexicon: Lexicon,
  logger: Logger,
  options: { load?: AdapterLoader; signal?: AbortSignal } & SurfaceStartOptions = {},
): Promise<Surface[]> {
  const load = options.load ?? importAdapter;
  const wanted = configuredSurfaces(config);
  const started: Surface[] = [];
  for (const adapter of PLATFORM_ADAPTERS) {
    if (!wanted[adapter.platform] || options.signal?.aborted) continue;
    try {
      const start = await load(adapter);
      const starting = start(config, lexicon, logger, {
        ...(options.readiness ? { readiness: options.readiness } : {}),
        ...(options.rateLimitCounter ? { rateLimitCounter: options.rateLimitCounter } : {}),
        ...(options.web ? { web: options.web } : {}),
        ...(options.memory ? { memory: options.memory } : {}),
      });
      const surface = await untilAborted(starting, options.signal);
      if (surface === ABORTED) {
        // A start that never finishes (an unreachable API) must not hold up stopping the others;
        // if it does finish later, stop it then.
        starting.then((late) => stopSurfaces([late], logger)).catch(() => {});
        break;
      }
      started.push(surface);
    } catch (error) {
      await stopSurfaces(started, logger);
      if (error instanceof SurfaceStartError) throw error;
      throw new SurfaceStartError(adapter.platform, `${adapter.platform} did not start: ${messageOf(error)}`, { cause: error });
    }
  }
  if (options.signal?.aborted) {
    await stopSurfaces(started, logger);
    return [];
  }
  return started;
}

/** Stop surfaces, newest first; a surface that fails to stop is logged and the rest still stop. */
export async function stopSurfaces(surfaces: readonly Surface[], logger: Logger): Promise<void> {
  for (const surface of [...surfaces].reverse()) {
    try {
      await surface.stop();
    } catch (error) {
      logger.warn(`${surface.name} did not stop cleanly`, { error: messageOf(error) });
    }
  }
}

const ABORTED = Symbol('aborted');

/** The promise's value, or ABORTED as soon as the signal is aborted, whichever comes first. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof ABORTED> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
