/**
 * How `npm start` runs the reading room: on PORT, in every mode, beside the chat surfaces.
 */
import type { Config } from '../config.js';
import type { Lexicon } from '../core/lexicon.js';
import { readingRoomUrl, webSettings, type WebSettings } from './access.js';
import { createWebApp } from './app.js';
import { startWebServer, webRequestListener, type WebServer } from './server.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ReadinessCheck } from '../core/surface.js';
import { handleOpsRequest } from '../ops/server.js';

/** A reading room that is serving. */
export interface RunningReadingRoom {
  readonly server: WebServer;
  readonly settings: WebSettings;
  /** The home page's address, signed (unless access is open): what the console prints. */
  homeLink(): string;
  stop(): Promise<void>;
}

/** The reading room could not start (the port is taken, …); the message is one line for the operator. */
export class ReadingRoomStartError extends Error {
  override name = 'ReadingRoomStartError';
}

/**
 * The reading room as a request listener, for a server that holds PORT already (Slack's HTTP
 * mode): the same pages, settings and links as `startReadingRoom`, on someone else's server.
 */
export function readingRoomListener(config: Config, lexicon: Lexicon): { listener: (req: IncomingMessage, res: ServerResponse) => void; settings: WebSettings } {
  const settings = webSettings(config);
  const listener = webRequestListener(createWebApp({ lexicon, settings }));
  return { listener: (req, res) => void listener(req, res), settings };
}

/** Serve the reading room on `config.PORT` (0 picks a free port; the public URL then follows it). */
export async function startReadingRoom(config: Config, lexicon: Lexicon, options: { readiness?: ReadinessCheck } = {}): Promise<RunningReadingRoom> {
  const settings = webSettings(config);
  const { readiness } = options;
  // The ops endpoints (/healthz, /readyz, /metrics) share PORT with the pages, unless HEALTH_PORT moves them.
  const ops = readiness && config.HEALTH_PORT === undefined ? (req: IncomingMessage, res: ServerResponse) => handleOpsRequest(readiness, req, res) : undefined;
  let server: WebServer;
  try {
    server = await startWebServer(createWebApp({ lexicon, settings }), config.PORT, undefined, ops);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${config.PORT} is in use; set PORT to a free port (PORT=0 picks one)`
        : code === 'EACCES'
          ? `port ${config.PORT} needs privileges; set PORT above 1023`
          : (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ReadingRoomStartError(`the reading room cannot listen: ${why}`, { cause: error });
  }
  // With PORT=0 the address is known only now; without WEB_PUBLIC_URL, links follow it.
  if (!config.WEB_PUBLIC_URL) settings.publicUrl = webSettings(config, server.port).publicUrl;
  return {
    server,
    settings,
    homeLink: () => readingRoomUrl(settings, '/'),
    stop: () => server.close(),
  };
}
