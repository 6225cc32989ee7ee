/**
 * An unexpected failure in a listener: logged with its details under a short error id; the user
 * gets the id and a plain sentence, never a stack trace.
 */
import { newErrorId, somethingWentWrong } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';

/** Log the failure and return what to tell the user. */
export function reportFailure(logger: Logger, where: string, error: unknown, details: Record<string, unknown> = {}): string {
  const errorId = newErrorId();
  logger.error(`Slack ${where} failed`, { errorId, ...details, error });
  return somethingWentWrong(errorId);
}

/** Tell the user, and log (never swallow) a failure to tell them. */
export async function tellUser(logger: Logger, where: string, send: () => Promise<unknown>): Promise<void> {
  try {
    await send();
  } catch (error) {
    logger.error(`Slack ${where}: could not tell the user about a failure`, { error });
  }
}
