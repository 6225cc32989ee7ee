/**
 * The console's answers come from the core dispatcher: a typed line is parsed like every text
 * surface's, and follow-up commands answer a reply's actions as the platforms' buttons do.
 */
import { answerTextLine } from '../../core/text-request.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Reply } from '../../core/reply.js';
import { answerAction } from '../../core/sources.js';
import type { ConsoleAnswerer } from './session.js';

/**
 * Answers for the console from the lexicon. A line that does not start with a command name
 * (`empathy`, `trust building`) is looked up as a term, as someone chatting would mean it.
 */
export function dispatchAnswerer(lexicon: Lexicon): ConsoleAnswerer {
  return {
    summary: `${lexicon.entries.length} entries`,
    answerLine(line: string): Reply {
      // "/frobnicate" is an unknown command; "frobnicate" is a term to look up; "what is ARF" a question.
      return answerTextLine(lexicon, line);
    },
    replay(action): Reply {
      // The same as a button click on Discord or Slack (Sources shows the footnotes of the page).
      return answerAction(lexicon, action);
    },
  };
}
