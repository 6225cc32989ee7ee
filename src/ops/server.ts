/**
 * The operations endpoints, in every mode: `/healthz` (the process is alive), `/readyz` (the
 * lexicon is loaded and every configured platform — and, once there is one, the database — answers)
 * and `/metrics` (Prometheus). Served by the Slack HTTP server when there is one (on PORT), by a
 * small server of their own otherwise (HEALTH_PORT, else PORT).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ReadinessCheck } from '../core/surface.js';
import { registry } from './metrics.js';

/** One thing /readyz checks: a name and whether it is ready now. */
export interface ReadinessProbe {
  readonly name: string;
  ready(): boolean | Promise<boolean>;
}

/** How long /readyz waits for the database's answer before calling it not ready. */
export const DATABASE_PROBE_TIMEOUT_MS = 2000;

/**
 * The database's probe: a trivial query through the store; not ready when it fails or does not
 * answer within `timeoutMs` (a server that hangs must not hang /readyz).
 */
export function databaseProbe(store: { ping(): Promise<void> }, timeoutMs: number = DATABASE_PROBE_TIMEOUT_MS): ReadinessProbe {
  return {
    name: 'database',
    async ready() {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      try {
        return await Promise.race([store.ping().then(() => true), timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';
export const OPS_PATHS = [HEALTH_PATH, READY_PATH, METRICS_PATH] as const;

/** The probes /readyz asks; surfaces and the store add theirs as they start. */
export class Readiness implements ReadinessCheck {
  private readonly probes: ReadinessProbe[] = [];

  add(probe: ReadinessProbe): void {
    this.probes.push(probe);
  }

  remove(name: string): void {
    const index = this.probes.findIndex((probe) => probe.name === name);
    if (index >= 0) this.probes.splice(index, 1);
  }

  /** Every probe's answer; a probe that throws is not ready. */
  async check(): Promise<{ ready: boolean; checks: Record<string, boolean> }> {
    const results = await Promise.all(this.probes.map(async (probe) => [probe.name, await Promise.resolve().then(() => probe.ready()).catch(() => false)] as const));
    const checks = Object.fromEntries(results);
    return { ready: results.length > 0 && results.every(([, ok]) => ok), checks };
  }
}

/** Answer an ops request; false when the path is not one of ours. */
export async function handleOpsRequest(readiness: ReadinessCheck, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (path === HEALTH_PATH) {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    return true;
  }
  if (path === READY_PATH) {
    const { ready, checks } = await readiness.check();
    res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ ready, checks }));
    return true;
  }
  if (path === METRICS_PATH) {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType }).end(body);
    return true;
  }
  return false;
}

/** A running ops server. */
export interface OpsServer {
  readonly port: number;
  close(): Promise<void>;
}

/** Listen on `port` (0 picks a free one) with only the ops endpoints. */
export async function startOpsServer(readiness: ReadinessCheck, port: number, host?: string): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    handleOpsRequest(readiness, req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      },
      () => {
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
