/**
 * Deliveries answered once across instances: two dedupers, each over its own connection to one
 * database (as two processes would be), on both engines.
 */
import { expect, it } from 'vitest';
import { StoreEventDeduper } from '../../src/core/event-dedupe.js';
import { createLogger } from '../../src/core/logger.js';
import { openStore } from '../../src/storage/open.js';
import { describeEachEngine } from '../support/engines.js';

describeEachEngine('the deduper over the shared store', (engine) => {
  it('lets exactly one of two instances claim a delivery, and keeps platforms apart', async () => {
    const options = await engine.freshOptions();
    const [first, second] = [await openStore(options), await openStore(options)];
    try {
      const logger = createLogger('silent');
      const a = new StoreEventDeduper(first, logger, 'slack');
      const b = new StoreEventDeduper(second, logger, 'slack');
      const results = await Promise.all([a.firstSeen('Ev0RETRY'), b.firstSeen('Ev0RETRY')]);
      expect(results.sort()).toEqual([false, true]);
      // The instance that claimed it says "seen" from its own memory; the other from the store.
      expect(await a.firstSeen('Ev0RETRY')).toBe(false);
      expect(await b.firstSeen('Ev0RETRY')).toBe(false);
      // The same id from another platform is another delivery.
      expect(await new StoreEventDeduper(second, logger, 'discord').firstSeen('Ev0RETRY')).toBe(true);
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('answers (and logs an error id) when the store cannot be reached, rather than drop a delivery', async () => {
    const store = await openStore(await engine.freshOptions());
    await store.close();
    const lines: string[] = [];
    const deduper = new StoreEventDeduper(store, createLogger('error', (line) => lines.push(line)), 'discord');
    expect(await deduper.firstSeen('1234')).toBe(true);
    expect(await deduper.firstSeen('1234')).toBe(false);
    expect(deduper.failedClaims).toBe(1);
    expect(lines.join('\n')).toContain('Could not claim an event');
  });
});
