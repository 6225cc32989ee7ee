/**
 * The store with its database metrics: every call's time in `lexicon_database_query_duration_seconds`
 * (by operation) and every failed write in `lexicon_database_failed_writes_total`. `npm start` wraps
 * its store in this; the one-shot CLI does not (it serves no /metrics).
 */
import type { Store } from '../core/store.js';
import { databaseDuration, databaseFailedWrites } from '../ops/metrics.js';

/** The store's methods that change the database: a rejection of one counts as a failed write. */
const WRITES = new Set<string>(['setSettings', 'recordLookups', 'purgeLookups', 'saveInstallation', 'deleteInstallation', 'claimEvent', 'hitRateLimit']);

/** Time `call` as `operation`; count its failure when it is a write. */
async function measured<T>(operation: string, call: () => Promise<T>): Promise<T> {
  const stop = databaseDuration.startTimer({ operation });
  try {
    return await call();
  } catch (error) {
    if (WRITES.has(operation)) databaseFailedWrites.inc({ operation });
    throw error;
  } finally {
    stop();
  }
}

/**
 * `store` with every call measured. A proxy rather than a method list, so a method added to the
 * Store interface is measured too without a change here.
 */
export function measureStore(store: Store): Store {
  const wrappers = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close' || typeof property !== 'string') return value;
      let wrapper = wrappers.get(property);
      if (!wrapper) {
        const method = value as (...args: unknown[]) => Promise<unknown>;
        wrapper = (...args: unknown[]) => measured(property, () => method.apply(target, args));
        wrappers.set(property, wrapper);
      }
      return wrapper;
    },
  });
}
