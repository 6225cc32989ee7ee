/**
 * Errors shown to chat users carry a short id; the details go to the log under the same id.
 */
import { randomBytes } from 'node:crypto';
import { currentRequest } from './request-context.js';
import { DEFAULT_LOCALE, type UiLocale } from '../i18n/locale.js';
import { t } from '../i18n/translator.js';

/**
 * The id of an error shown to a person: the id of the request being answered (so the request's
 * log lines and the error share it), or a fresh one outside a request.
 */
export function newErrorId(): string {
  const request = currentRequest();
  if (!request) return newRequestId();
  request.failed = true;
  return request.requestId;
}

/** A short id such as "E7K2QX", easy to read out or paste into a bug report. */
export function newRequestId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return 'E' + Array.from(randomBytes(5), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** The user-facing text for an unexpected failure. */
export function somethingWentWrong(errorId: string, locale?: UiLocale): string {
  return t(locale ?? DEFAULT_LOCALE, 'error.somethingWentWrong', { errorId });
}
