/**
 * The console surface as `npm start` starts it: the chat on stdin/stdout, answering from the lexicon.
 */
import type { Lexicon } from '../../core/lexicon.js';
import type { Logger } from '../../core/logger.js';
import { dispatchAnswerer } from './answerer.js';
import { localeFromEnv } from '../../i18n/negotiate.js';
import { startConsole, type ConsoleOptions, type ConsoleSurface } from './session.js';

export { renderReplyForTerminal, type TerminalRenderOptions } from './render.js';
export { shouldUseColor } from './ansi.js';
export type { ConsoleSurface } from './session.js';

/** Start the console chat over the lexicon (stdin/stdout unless streams are given). */
export function startLexiconConsole(
  lexicon: Lexicon,
  logger: Logger,
  streams: Pick<ConsoleOptions, 'input' | 'output' | 'env' | 'terminal' | 'bannerLines'> = {},
): ConsoleSurface {
  // The reader's language: LC_ALL, LC_MESSAGES or LANG, as for every program in the terminal.
  const locale = localeFromEnv(streams.env ?? process.env);
  return startConsole({ answerer: dispatchAnswerer(lexicon, undefined, locale), logger, ...streams });
}
