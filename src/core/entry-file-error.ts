/**
 * The error of a malformed entry file, in a module of its own so that catching it does not load
 * the entry parser (and its YAML parser) on a start that reads the entries from the cache.
 */

/** A malformed entry file (or a conflict between files); the message names the file and the field. */
export class EntryFileError extends Error {
  override readonly name = 'EntryFileError';
  constructor(
    readonly file: string,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ${field}: ${detail}`);
  }
}
