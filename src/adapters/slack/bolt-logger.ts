/**
 * Bolt and its Socket Mode client log through this, so their lines land in our logger (stderr,
 * one line each) at our level, instead of on the console.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger, LogLevel as OurLevel } from '../../core/logger.js';

const TO_BOLT: Record<OurLevel, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  silent: LogLevel.ERROR,
};

function line(parts: unknown[]): string {
  return parts
    .map((part) => (part instanceof Error ? `${part.name}: ${part.message}` : typeof part === 'string' ? part : JSON.stringify(part)))
    .join(' ');
}

/** A Bolt logger writing to ours; `level` is what Bolt sees (it skips work below it). */
export function boltLogger(logger: Logger, level: OurLevel = 'info'): BoltLogger {
  let boltLevel = TO_BOLT[level];
  let name = 'slack';
  return {
    debug: (...parts: unknown[]) => logger.debug(`[${name}] ${line(parts)}`),
    info: (...parts: unknown[]) => logger.info(`[${name}] ${line(parts)}`),
    warn: (...parts: unknown[]) => logger.warn(`[${name}] ${line(parts)}`),
    error: (...parts: unknown[]) => logger.error(`[${name}] ${line(parts)}`),
    setLevel: (next: LogLevel) => {
      boltLevel = next;
    },
    getLevel: () => boltLevel,
    setName: (next: string) => {
      name = next;
    },
  };
}
