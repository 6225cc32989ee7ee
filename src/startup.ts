/**
 * The one start-up path every entry point takes (`npm start`, the one-shot CLI, the sharded bot
 * and each shard, `npm run register`, `npm run slack:manifest`, `npm run bench`): `.env` through
 * dotenv, the configuration validated once, the lexicon loaded, and any problem worded as exactly
 * one line for the operator, never a stack trace.
 */
import { config as loadDotenv } from 'dotenv';
import { ConfigError, parseConfig, type Config } from './config.js';
import { newErrorId } from './core/errors.js';
import type { Lexicon } from './core/lexicon.js';

/** A problem that stops start-up; its message is one line naming what is wrong and the fix. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * Read `.env` (variables already set in the environment win), then validate. Throws StartupError.
 * dotenv runs quietly: its banner would otherwise land on stdout, where the console chat and
 * `--json` answers go.
 */
export function loadConfiguration(env: NodeJS.ProcessEnv = process.env, options: { dotenv?: boolean } = {}): Config {
  if (options.dotenv !== false) loadDotenv({ quiet: true, processEnv: env as Record<string, string> });
  try {
    return parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupError(error.message);
    throw error;
  }
}

/**
 * Load the lexicon the configuration names (the repository's `entries/` by default). Throws
 * StartupError naming the file and the field. Imported only here, so entry points that need no
 * lexicon (the manifest) do not pay for loading the search.
 */
export async function loadStartupLexicon(config: Config): Promise<Lexicon> {
  const { loadLexicon, DEFAULT_ENTRIES_DIR } = await import('./core/load-lexicon.js');
  const { EntryFileError } = await import('./core/entry-file-error.js');
  try {
    return await loadLexicon(config.ENTRIES_DIR ?? DEFAULT_ENTRIES_DIR, config.ENTRIES_DIR ? { variable: 'ENTRIES_DIR' } : {});
  } catch (error) {
    if (error instanceof EntryFileError) throw new StartupError(`Cannot load the lexicon: ${error.message}`);
    throw error;
  }
}

/** Text folded onto one line (a message that spans lines would read as several log events). */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Write the one line for a failed start on stderr and return the exit code (1). A StartupError is
 * printed as it is; anything else gets an error id, with details only at LOG_LEVEL=debug.
 */
export function reportStartupFailure(error: unknown, write: (line: string) => void = (line) => process.stderr.write(line + '\n')): number {
  if (error instanceof StartupError) {
    write(oneLine(error.message));
    return 1;
  }
  const errorId = newErrorId();
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  write(`lexicon-bot stopped unexpectedly: ${message} (error id ${errorId}; LOG_LEVEL=debug shows details)`);
  if (process.env.LOG_LEVEL === 'debug') write(`${errorId} ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return 1;
}
