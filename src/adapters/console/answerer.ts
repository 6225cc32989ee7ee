/**
 * The console's answers come from the core dispatcher: a typed line is parsed like every text
 * surface's, and follow-up commands answer a reply's actions as the platforms' buttons do.
 */
import { dispatch, parseCommandLine } from '../../core/dispatch.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Reply } from '../../core/reply.js';
import { readChatLine } from '../../core/chat-line.js';
import { answerAction } from '../../core/sources.js';
import { findCommand } from '../../../commands/index.js';
import type { ConsoleAnswerer } from './session.js';

/**
 * Answers for the console from the lexicon. A line that does not start with a command name
 * (`empathy`, `trust building`) is looked up as a term, as someone chatting would mean it.
 */
export function dispatchAnswerer(lexicon: Lexicon): ConsoleAnswerer {
  return {
    summary: `${lexicon.entries.length} entries`,
    answerLine(line: string): Reply {
      const parsed = parseCommandLine(readChatLine(line, (word) => findCommand(word) !== undefined));
      if ('error' in parsed) return dispatch(lexicon, { command: '', options: {} });
      return dispatch(lexicon, parsed);
    },
    replay(action): Reply {
      // The same as a button click on Discord or Slack (Sources shows the footnotes of the page).
      return answerAction(lexicon, action);
    },
  };
}
