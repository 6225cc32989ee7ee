/**
 * What the process does with a failure nothing caught. A long-running bot must not stop serving
 * every chat because one answer's promise was rejected where nobody awaited it (a library bug, a
 * network hiccup inside a platform client): each one is logged once with an error id, in the same
 * form as errors shown to users, and the process keeps serving.
 */
import { newErrorId } from './core/errors.js';
import type { Logger } from './core/logger.js';

/** Remove the handlers again (tests; a clean stop). */
export type UninstallHandlers = () => void;

/**
 * Log unhandled rejections and uncaught exceptions with an error id and keep serving. Returns
 * a function that removes the handlers.
 */
export function installProcessHandlers(logger: Logger): UninstallHandlers {
  const onRejection = (reason: unknown) => {
    const errorId = newErrorId();
    logger.error('unhandled promise rejection; still serving', { errorId, error: describe(reason) });
    logger.debug('unhandled promise rejection details', { errorId, error: reason });
  };
  const onException = (error: Error, origin: string) => {
    const errorId = newErrorId();
    logger.error('uncaught exception; still serving', { errorId, origin, error: describe(error) });
    logger.debug('uncaught exception details', { errorId, error });
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

function describe(reason: unknown): string {
  const text = reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason);
  return text.split('\n')[0] ?? text;
}
