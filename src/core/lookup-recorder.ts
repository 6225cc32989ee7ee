/**
 * Records answered requests off the request path: `record` only appends to a buffer; a timer (or a
 * full buffer) writes the batch in one statement. A failed write is logged with an error id and its
 * records are counted as failed; the answers were given long before, so none is lost.
 */
import { newErrorId } from './errors.js';
import type { Logger } from './logger.js';
import type { LookupRecord, Store } from './store.js';

export interface LookupRecorderOptions {
  store: Store;
  logger: Logger;
  /** Keep user ids (STATS_USER_IDS=true); otherwise they are dropped before anything is kept. */
  recordUserIds: boolean;
  /** How often the buffer is written (default 1 s). */
  flushIntervalMs?: number;
  /** Write as soon as this many are waiting (default 200). */
  batchSize?: number;
  /** Beyond this many waiting (the database is down), new records are dropped and counted as failed. */
  maxBuffered?: number;
}

/** What a surface reports about one answered request; the recorder adds the time and drops what it must. */
export type AnsweredRequest = Omit<LookupRecord, 'at' | 'userId'> & { at?: number; userId?: string | null };

/** Normalize a query as it is counted: lower case, single spaces, at most 200 characters. */
export function normalizeQuery(query: string | null | undefined): string | null {
  if (query === null || query === undefined) return null;
  const normalized = query.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
  return normalized === '' ? null : normalized;
}

export class LookupRecorder {
  private buffer: LookupRecord[] = [];
  private writing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  /** Records that could not be written (a failed write, or dropped while the database was down). */
  failedWrites = 0;
  /** Records written. */
  written = 0;

  constructor(private readonly options: LookupRecorderOptions) {
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1000);
    this.timer.unref();
  }

  /** Remember one answered request; never throws, never waits. */
  record(request: AnsweredRequest): void {
    if (this.closed) return;
    if (this.buffer.length >= (this.options.maxBuffered ?? 10_000)) {
      this.failedWrites += 1;
      return;
    }
    this.buffer.push({
      ...request,
      at: request.at ?? Date.now(),
      userId: this.options.recordUserIds ? (request.userId ?? null) : null,
      query: normalizeQuery(request.query),
    });
    if (this.buffer.length >= (this.options.batchSize ?? 200)) void this.flush();
  }

  /** Write what is waiting (one write at a time); resolves when it is written or counted as failed. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.buffer.length === 0) return;
      const batch = this.buffer;
      this.buffer = [];
      try {
        await this.options.store.recordLookups(batch);
        this.written += batch.length;
      } catch (error) {
        this.failedWrites += batch.length;
        this.options.logger.error('Could not record lookups (the answers were given)', { errorId: newErrorId(), records: batch.length, failedWrites: this.failedWrites, error });
      }
    });
    return this.writing;
  }

  /** Stop the timer and write what is left. */
  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.flush();
  }
}
