/**
 * Answers to the same request are the same while the process runs (the lexicon is loaded once and
 * never changes), so surfaces keep replies and rendered payloads in a small LRU: a repeated
 * `/define trust` skips the search and the rendering. Cache nothing user-specific, so that any
 * instance or shard answers a request exactly as it would without the cache.
 */
export class AnswerCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  /** The cached value for `key`, computing and keeping it on a miss. */
  get(key: string, compute: () => V): V {
    const found = this.entries.get(key);
    if (found !== undefined) {
      // Re-insert: Map order is recency order.
      this.entries.delete(key);
      this.entries.set(key, found);
      return found;
    }
    const value = compute();
    if (this.capacity > 0) {
      this.entries.set(key, value);
      if (this.entries.size > this.capacity) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}
