/**
 * The bot's logger: pino, writing to stderr so stdout stays clean for `--json` output and the
 * console chat. JSON lines in production (stderr is not a terminal), readable lines in a terminal,
 * the level from LOG_LEVEL. Every line written inside a request carries its `requestId` (the error
 * id a person sees when that request fails).
 *
 * What is never written: tokens and secrets (the configured values, and anything shaped like a
 * Slack or Discord credential), response_urls and interaction webhook tokens. What people typed
 * (`text`, `line`, `query`, `content` fields) is written only at debug level, JSON-escaped so it
 * cannot forge a line.
 */
import { createRequire } from 'node:module';
import type pino from 'pino';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import { currentRequest } from './request-context.js';

/**
 * pino (CommonJS) is loaded when a logger first writes a line: the one-shot CLI, which usually
 * writes none, does not wait for it and its stream modules to load.
 */
const requireLazily = createRequire(import.meta.url);

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** The logging interface the code uses; `details` are the line's structured fields. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface LoggerOptions {
  /** Values never to write anywhere in a line (the configured tokens and secrets). */
  secrets?: readonly (string | undefined)[];
  /** Readable lines instead of JSON; by default when writing to a stderr that is a terminal. */
  pretty?: boolean;
}

/** Fields that hold what a person typed: written at debug level only. */
export const USER_TEXT_FIELDS: ReadonlySet<string> = new Set(['text', 'line', 'query', 'content', 'userText', 'message_text']);

/** Field names whose values are never written, at any depth pino can reach. */
const REDACTED_PATHS = [
  'token', '*.token', 'appToken', '*.appToken', 'signingSecret', '*.signingSecret',
  'response_url', '*.response_url', 'responseUrl', '*.responseUrl', 'response_urls', '*.response_urls',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
];

/** Credential shapes, replaced wherever they appear in a line (an error message, a URL in a stack). */
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/xox[abeoprs]-[A-Za-z0-9-]+/g, '[redacted]'],
  [/xapp-[A-Za-z0-9-]+/g, '[redacted]'],
  [/https:\/\/hooks\.slack\.com\/[^\s"'\\]+/g, 'https://hooks.slack.com/[redacted]'],
  // Interaction and webhook tokens in Discord REST paths.
  [/\/(interactions|webhooks)\/(\d+)\/[A-Za-z0-9_.-]{20,}/g, '/$1/$2/[redacted]'],
  // Discord bot tokens: base64 id, timestamp, HMAC.
  [/[A-Za-z0-9_-]{23,28}\.[A-Za-z0-9_-]{6,7}\.[A-Za-z0-9_-]{27,}/g, '[redacted]'],
];

/** An Error as a log field: its name, message, code and stack, and nothing it carries (a request's headers). */
function serializeError(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return { type: value.name, message: value.message, ...(code !== undefined ? { code } : {}), stack: value.stack };
}

const PINO_LEVEL: Record<LogLevel, pino.LevelWithSilent> = { debug: 'debug', info: 'info', warn: 'warn', error: 'error', silent: 'silent' };

/** pino's level numbers (a line is written when its level's is at least the logger's). */
const LEVEL_VALUE: Record<LogLevel, number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Number.POSITIVE_INFINITY };

/**
 * A logger at `level`, writing one line per event to `write` (for tests; JSON lines) or to stderr.
 */
export function createLogger(level: LogLevel = 'info', write?: (line: string) => void, options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((secret): secret is string => typeof secret === 'string' && secret.length >= 6);
  const scrub = (line: string): string => {
    let clean = line;
    for (const secret of secrets) clean = clean.split(secret).join('[redacted]');
    for (const [pattern, replacement] of CREDENTIAL_PATTERNS) clean = clean.replace(pattern, replacement);
    return clean;
  };
  const pretty = options.pretty ?? (write === undefined && process.stderr.isTTY === true);
  let logger: PinoLogger | undefined;
  const open = (): PinoLogger => {
    const pinoLogger = requireLazily('pino') as typeof pino;
    const destination: DestinationStream = write
      ? { write: (chunk: string) => write(chunk.replace(/\n$/, '')) }
      : pretty
        ? prettyStream()
        : pinoLogger.destination({ fd: 2, sync: true });
    return pinoLogger(
      {
        level: PINO_LEVEL[level],
        base: undefined,
        timestamp: pinoLogger.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        serializers: { error: serializeError, err: serializeError },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
        mixin: () => {
          const request = currentRequest();
          return request ? { requestId: request.requestId } : {};
        },
        hooks: { streamWrite: scrub },
      },
      destination,
    );
  };
  const emit = (at: Exclude<LogLevel, 'silent'>, message: string, details?: Record<string, unknown>) => {
    if (LEVEL_VALUE[at] < LEVEL_VALUE[level]) return;
    let fields = details ?? {};
    if (at !== 'debug' && Object.keys(fields).some((key) => USER_TEXT_FIELDS.has(key))) {
      fields = Object.fromEntries(Object.entries(fields).filter(([key]) => !USER_TEXT_FIELDS.has(key)));
    }
    (logger ??= open())[at](fields, message);
  };
  return {
    debug: (message, details) => emit('debug', message, details),
    info: (message, details) => emit('info', message, details),
    warn: (message, details) => emit('warn', message, details),
    error: (message, details) => emit('error', message, details),
  };
}

/** pino-pretty, loaded only when a terminal wants it (it costs start-up time the CLI does not need). */
function prettyStream(): DestinationStream {
  const pretty = requireLazily('pino-pretty') as (options: Record<string, unknown>) => DestinationStream;
  return pretty({ destination: 2, sync: true, colorize: !process.env.NO_COLOR, ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss.l' });
}

/** A logger that drops everything (tests, benchmarks). */
export const silentLogger: Logger = createLogger('silent', () => {});
