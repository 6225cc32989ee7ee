/**
 * The request being answered, wherever the code is: its id (which is also the error id a person
 * sees when the answer fails, so one id finds the log lines) and, once known, what it answered.
 * Kept in AsyncLocalStorage, so no function between an adapter and the core passes it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the request in progress. */
export interface RequestContext {
  readonly requestId: string;
  /** Set by whoever produces the answer. */
  replyKind?: string;
  entryId?: string | null;
  /** The person was shown an error (with this request's id). */
  failed?: boolean;
  /** The request was refused by a rate limit. */
  limited?: boolean;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Run `work` as the request `context`. */
export function withRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The request in progress, if any. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Record what the request in progress answered (a no-op outside a request). */
export function noteAnswer(kind: string, entryId: string | null | undefined): void {
  const context = storage.getStore();
  if (!context) return;
  context.replyKind = kind;
  context.entryId = entryId ?? null;
}
