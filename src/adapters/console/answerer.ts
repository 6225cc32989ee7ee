/**
 * The console's answers come from the core dispatcher: a typed line is parsed like every text
 * surface's, and follow-up commands answer a reply's actions as the platforms' buttons do.
 */
import { dispatch, parseCommandLine } from '../../core/dispatch.js';
import type { Lexicon } from '../../core/lexicon.js';
import type { Reply } from '../../core/reply.js';
import { answerAction } from '../../core/sources.js';
import { findCommand } from '../../../commands/index.js';
import type { ConsoleAnswerer } from './session.js';
import { answeredRequest } from '../../core/answered.js';
import type { TeamMemory } from '../../core/team-memory.js';

/**
 * Answers for the console from the lexicon. A line that does not start with a command name
 * (`empathy`, `trust building`) is looked up as a term, as someone chatting would mean it.
 */
export function dispatchAnswerer(lexicon: Lexicon, memory?: TeamMemory): ConsoleAnswerer {
  return {
    summary: `${lexicon.entries.length} entries`,
    answerLine(line: string): Reply {
      const trimmed = line.trim();
      const firstWord = trimmed.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
      // "/frobnicate" is an unknown command; "frobnicate" is a term to look up.
      const typed = trimmed.startsWith('/') || findCommand(firstWord) ? trimmed : `define ${trimmed}`;
      const parsed = parseCommandLine(typed);
      if ('error' in parsed) return dispatch(lexicon, { command: '', options: {} });
      const started = performance.now();
      const reply = dispatch(lexicon, parsed);
      memory?.record(answeredRequest({ surface: 'console' }, parsed.command, parsed.options, reply, performance.now() - started));
      return reply;
    },
    replay(action): Reply {
      // The same as a button click on Discord or Slack (Sources shows the footnotes of the page).
      return answerAction(lexicon, action);
    },
  };
}
