import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What `npm start` knows of a chat surface (console, Discord, Slack) and gives one as it starts it.
 */
import type { TeamMemory } from './team-memory.js';

/** A running chat surface (console, Discord, Slack), as `npm start` sees it. */
export interface Surface {
  /** "console", "discord", "slack (socket mode)", … */
  readonly name: string;
  /** Connected and able to answer now (for /readyz); a surface without it is ready once started. */
  ready?(): boolean;
  /** It serves /healthz, /readyz and /metrics on its own HTTP server (Slack in HTTP mode). */
  readonly servesOps?: boolean;
  /** Stop cleanly: close connections, stop listening. */
  stop(): Promise<void>;
}

/** The answer behind /readyz: ready when every probe is, with each probe's answer by name. */
export interface ReadinessCheck {
  check(): Promise<{ ready: boolean; checks: Record<string, boolean> }>;
}

/** What `npm start` gives a platform as it starts it. */
export interface SurfaceStartOptions {
  /** A surface with an HTTP server of its own serves /readyz and /metrics from this. */
  readiness?: ReadinessCheck;
  /**
   * The web reading room, for a surface that holds PORT with an HTTP server of its own (Slack's
   * HTTP mode): it answers every path that is not the surface's own.
   */
  web?: (req: IncomingMessage, res: ServerResponse) => void;
  /** Where rate-limit counts are kept: a shared store when there is one (in memory otherwise). */
  rateLimitCounter?: { hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> };
  /** The team memory (the store every instance shares): settings applied, answers recorded, deliveries deduplicated, Slack installations kept. */
  memory?: TeamMemory;
}
