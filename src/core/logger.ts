/**
 * A tiny levelled logger writing one line per event to stderr, so stdout stays clean for
 * `--json` output and the console chat. Adapters log error details here, never in chat.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

/** A logger that writes lines at or above `level` to `write` (stderr by default). */
export function createLogger(level: LogLevel = 'info', write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const emit = (at: LogLevel, message: string, details?: Record<string, unknown>) => {
    if (RANK[at] < RANK[level]) return;
    const suffix = details && Object.keys(details).length > 0 ? ' ' + JSON.stringify(details, errorReplacer) : '';
    write(`${new Date().toISOString()} ${at.toUpperCase()} ${message}${suffix}`);
  };
  return {
    debug: (message, details) => emit('debug', message, details),
    info: (message, details) => emit('info', message, details),
    warn: (message, details) => emit('warn', message, details),
    error: (message, details) => emit('error', message, details),
  };
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger('silent');

function errorReplacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}
