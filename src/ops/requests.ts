/**
 * Every answered request goes through here: it runs as a request (its id is the error id shown if
 * it fails), is counted while in flight (so a shutdown can wait for it), and ends with one `info`
 * line — surface, command, reply kind, entry, latency, request id — and its metrics.
 */
import { newRequestId } from '../core/errors.js';
import type { Logger } from '../core/logger.js';
import { withRequest, type RequestContext } from '../core/request-context.js';
import { requestDuration, requestErrors, requestsTotal } from './metrics.js';

/** Where a request came from. */
export type SurfaceName = 'discord' | 'slack' | 'console' | 'cli';

/** Requests being answered now; a graceful stop waits until none are. */
class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  enter(): void {
    this.count += 1;
  }

  leave(): void {
    this.count -= 1;
    if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      timer.unref();
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}

/** The requests in flight in this process. */
export const inFlight = new InFlight();

/**
 * Answer one request: `work` runs as a request; afterwards one line at info level and the
 * request's metrics. `command` names what was asked ("define", "button:next", "mention").
 */
export async function answerRequest<T>(logger: Logger, surface: SurfaceName, command: string, work: () => Promise<T>): Promise<T> {
  const context: RequestContext = { requestId: newRequestId() };
  const started = performance.now();
  inFlight.enter();
  try {
    return await withRequest(context, async () => {
      try {
        return await work();
      } catch (error) {
        context.failed = true;
        throw error;
      } finally {
        const seconds = (performance.now() - started) / 1000;
        const outcome = context.failed ? 'failed' : context.limited ? 'limited' : 'answered';
        const kind = context.replyKind ?? 'none';
        requestsTotal.inc({ surface, command, kind, outcome });
        requestDuration.observe({ surface, command }, seconds);
        if (context.failed) requestErrors.inc({ surface });
        logger.info(outcome === 'answered' ? 'request answered' : `request ${outcome}`, {
          surface,
          command,
          replyKind: kind,
          entryId: context.entryId ?? null,
          latencyMs: Math.round(seconds * 10_000) / 10,
        });
      }
    });
  } finally {
    inFlight.leave();
  }
}
