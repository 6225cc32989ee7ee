/**
 * The reading room's addresses, in one place: pages link to each other through these, and chat
 * answers link to pages through them too.
 */

/** `/entries/trust`. */
export function entryPath(entryId: string): string {
  return `/entries/${encodeURIComponent(entryId)}`;
}

/** `/search?q=…`. */
export function searchPath(query: string): string {
  return `/search?q=${encodeURIComponent(query)}`;
}

/** `/glossary`. */
export const GLOSSARY_PATH = '/glossary';
