/**
 * Slack re-sends an event (`x-slack-retry-num`, the same `event_id`) when it did not see our
 * acknowledgement in time; a mention must still be answered once. The deduper remembers the event
 * ids it has seen. In memory it covers one instance; a shared store (several instances behind a
 * load balancer) implements the same interface.
 */

/** Remembers which Events API deliveries were already handled. */
export interface EventDeduper {
  /** True the first time an event id is seen (within the retention time), false for its retries. */
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
