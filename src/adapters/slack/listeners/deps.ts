/**
 * What every Slack listener needs: the lexicon to answer from and the logger for failures.
 */
import type { Lexicon } from '../../../core/lexicon.js';
import type { Logger } from '../../../core/logger.js';

export interface ListenerDeps {
  lexicon: Lexicon;
  logger: Logger;
}
