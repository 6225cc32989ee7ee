/**
 * The one way the reading room writes HTML: Hono's `html` tagged template, which escapes every
 * interpolated string, narrowed to its synchronous result (nothing here is asynchronous).
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export { raw };
export type { HtmlEscapedString };

/** `markup\`<p>${text}</p>\``: interpolations are escaped unless they are markup already. */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): HtmlEscapedString {
  const result = html(strings, ...values);
  if (result instanceof Promise) throw new Error('markup: asynchronous content is not supported');
  return result;
}
