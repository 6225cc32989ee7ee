/**
 * Serving the reading room on Node's http server: on its own port (`startWebServer`), or as the
 * request listener of a server the process already runs (`webRequestListener`).
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app, whatever its variables
type AnyHono = Hono<any>;

/** A Node request listener that answers with the app. */
export function webRequestListener(app: AnyHono): RequestListener<typeof IncomingMessage, typeof ServerResponse> {
  return getRequestListener(app.fetch);
}

/** A running reading room. */
export interface WebServer {
  readonly server: Server;
  readonly port: number;
  /** Stop listening and close idle connections. */
  close(): Promise<void>;
}

/** Serve the app on `port` (0 picks a free one) at `host` (all interfaces by default). */
export async function startWebServer(app: AnyHono, port: number, host?: string): Promise<WebServer> {
  const server = createServer(webRequestListener(app));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
