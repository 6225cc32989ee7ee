/**
 * A platform may deliver one event twice: Slack re-sends an event (`x-slack-retry-num`, the same
 * `event_id`) when it did not see our acknowledgement in time, and a Discord interaction can reach
 * two instances (or one, twice). Each must still be answered once. The deduper remembers the ids it
 * has seen: in memory it covers one process; over the shared store it covers every instance.
 */
import { newErrorId } from './errors.js';
import type { Logger } from './logger.js';
import type { Store } from './store.js';

/** Remembers which deliveries were already handled. */
export interface EventDeduper {
  /** True the first time an id is seen (within the retention time), false for every later delivery. */
  firstSeen(eventId: string): Promise<boolean>;
}

/** Slack retries up to three times over about five minutes; keep ids a little longer. */
export const EVENT_ID_RETENTION_MS = 10 * 60_000;
/** Bounded memory, whatever the traffic. */
export const EVENT_ID_CAPACITY = 10_000;

/** The deduper of one process: event ids in insertion order, dropped after the retention time. */
export class InMemoryEventDeduper implements EventDeduper {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly retentionMs = EVENT_ID_RETENTION_MS,
    private readonly capacity = EVENT_ID_CAPACITY,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSeen(eventId: string): Promise<boolean> {
    const now = this.now();
    // Ids were inserted in time order: expire from the oldest until one is still fresh.
    for (const [id, at] of this.seen) {
      if (now - at < this.retentionMs && this.seen.size < this.capacity) break;
      this.seen.delete(id);
    }
    if (this.seen.has(eventId)) return false;
    this.seen.set(eventId, now);
    return true;
  }
}

/**
 * The deduper of every instance on one store: the first instance to claim an id answers, the others
 * drop the delivery. When the store fails, this instance's own memory decides (an answer is never
 * lost to a database failure; at worst two instances both answer one retry), and the failure is
 * logged with an error id.
 */
export class StoreEventDeduper implements EventDeduper {
  private readonly local: InMemoryEventDeduper;
  /** Claims the store could not take (this instance's memory decided instead). */
  failedClaims = 0;

  constructor(
    private readonly store: Pick<Store, 'claimEvent'>,
    private readonly logger: Logger,
    /** Keeps ids of one platform apart from another's (`slack:`, `discord:`). */
    private readonly namespace: string,
    private readonly retentionMs = EVENT_ID_RETENTION_MS,
  ) {
    this.local = new InMemoryEventDeduper(retentionMs);
  }

  async firstSeen(eventId: string): Promise<boolean> {
    const seenHere = !(await this.local.firstSeen(eventId));
    // Seen by this very process: no need to ask the database.
    if (seenHere) return false;
    try {
      return await this.store.claimEvent(`${this.namespace}:${eventId}`, this.retentionMs);
    } catch (error) {
      this.failedClaims += 1;
      this.logger.error('Could not claim an event in the store; this instance answers it', { errorId: newErrorId(), eventId, error });
      return true;
    }
  }
}

/** The deduper for a platform: over the store when there is one, in memory otherwise. */
export function eventDeduper(store: Pick<Store, 'claimEvent'> | undefined, logger: Logger, namespace: string): EventDeduper {
  return store ? new StoreEventDeduper(store, logger, namespace) : new InMemoryEventDeduper();
}
