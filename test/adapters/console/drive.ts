/**
 * Drives the console through its real readline interface: PassThrough streams stand in for the
 * keyboard and the screen.
 */
import { PassThrough } from 'node:stream';
import { createLogger, type Logger } from '../../../src/core/logger.js';
import { startConsole, type ConsoleAnswerer, type ConsoleSurface } from '../../../src/adapters/console/session.js';

/** Strip ANSI escape sequences (readline's cursor moves in terminal mode). */
export function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- escape sequences are what we remove
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}

export interface DrivenConsole {
  surface: ConsoleSurface;
  input: PassThrough;
  /** Everything printed so far, escape sequences removed. */
  screen(): string;
  /** Everything printed so far, exactly as written. */
  raw(): string;
  /** Everything the logger wrote. */
  logLines: string[];
  /** Type text (include "\n" or "\r" to press Enter). */
  type(text: string): void;
  /** Wait until the screen, after `from` characters, contains `text`. */
  waitFor(text: string | RegExp, from?: number, timeoutMs?: number): Promise<string>;
}

export function driveConsole(answerer: ConsoleAnswerer, options: { terminal?: boolean; columns?: number } = {}): DrivenConsole {
  const input = new PassThrough();
  const output = Object.assign(new PassThrough(), { columns: options.columns ?? 80 });
  let printed = '';
  output.on('data', (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  });
  const logLines: string[] = [];
  const logger: Logger = createLogger('debug', (line) => logLines.push(line));
  const surface = startConsole({
    answerer,
    logger,
    input,
    output,
    env: {},
    ...(options.terminal === undefined ? {} : { terminal: options.terminal }),
  });
  const screen = () => stripAnsi(printed);
  return {
    surface,
    input,
    screen,
    raw: () => printed,
    logLines,
    type: (text) => input.write(text),
    async waitFor(text, from = 0, timeoutMs = 5000) {
      const started = Date.now();
      for (;;) {
        const seen = screen().slice(from);
        if (typeof text === 'string' ? seen.includes(text) : text.test(seen)) return seen;
        if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${String(text)}; screen:\n${seen}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}
