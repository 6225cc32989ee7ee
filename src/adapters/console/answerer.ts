/**
 * The console's answers come from the core: a typed line is parsed like every text surface's, and
 * the follow-up commands (/next, /prev, /sources) are clicks on the last reply's buttons, answered
 * by the one button path as on Discord and Slack.
 */
import { encodeActionState } from '../../core/action-state.js';
import { answerButton } from '../../core/buttons.js';
import type { Dispatcher } from '../../core/dispatch.js';
import { DEFAULT_LOCALE, type UiLocale } from '../../i18n/locale.js';
import { readCjkQuestion } from '../../i18n/questions.js';
import type { Lexicon } from '../../core/lexicon.js';
import { proseText } from '../../core/reply-text.js';
import type { Reply } from '../../core/reply.js';
import { readChatLine } from '../../core/chat-line.js';
import { dispatcher as defaultDispatcher } from '../../dispatcher.js';
import type { ConsoleAnswerer } from './session.js';
import { answeredRequest } from '../../core/answered.js';
import type { TeamMemory } from '../../core/team-memory.js';

/** Who clicks on the console: the only person there. */
const CONSOLE_USER = 'console';

/**
 * Answers for the console from the lexicon. A line that does not start with a command name
 * (`empathy`, `trust building`) is looked up as a term, as someone chatting would mean it.
 */
export function dispatchAnswerer(
  lexicon: Lexicon,
  memory?: TeamMemory,
  dispatcher: Dispatcher = defaultDispatcher,
  locale: UiLocale = DEFAULT_LOCALE,
): ConsoleAnswerer {
  return {
    summary: `${lexicon.entries.length} entries`,
    answerLine(line: string): Reply {
      const trimmed = line.trim();
      // A question in Chinese, Japanese or Korean ("信任用日语怎么说") asks for the command it names.
      const question = readCjkQuestion(trimmed);
      if (question) return dispatcher.dispatch(lexicon, { ...question, locale });
      const started = performance.now();
      const parsed = dispatcher.parse(readChatLine(trimmed, (word) => dispatcher.find(word) !== undefined));
      const reply = dispatcher.dispatch(lexicon, 'error' in parsed ? { command: '', options: {}, locale } : { ...parsed, locale });
      if (!('error' in parsed)) memory?.record(answeredRequest({ surface: 'console' }, parsed.command, parsed.options, reply, performance.now() - started));
      return reply;
    },
    replay(action): Reply | string {
      // The console has room for any state: nothing is cut to fit a platform's button.
      const state = encodeActionState(action, Number.MAX_SAFE_INTEGER);
      const answer = answerButton(dispatcher, lexicon, { state, clickerId: CONSOLE_USER, message: { visibility: 'private' } });
      return answer.action === 'notice' ? proseText(answer.text) : answer.reply;
    },
  };
}
