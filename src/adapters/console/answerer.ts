/**
 * The console's answers come from the core: a typed line is parsed like every text surface's, and
 * the follow-up commands (/next, /prev, /sources) are clicks on the last reply's buttons, answered
 * by the one button path as on Discord and Slack.
 */
import { encodeActionState } from '../../core/action-state.js';
import { answerButton } from '../../core/buttons.js';
import type { Dispatcher } from '../../core/dispatch.js';
import { DEFAULT_LOCALE, type UiLocale } from '../../i18n/locale.js';
import { t } from '../../i18n/translator.js';
import { answerRead, readTextLine } from '../../core/text-request.js';
import type { Lexicon } from '../../core/lexicon.js';
import { proseText } from '../../core/reply-text.js';
import type { Reply } from '../../core/reply.js';
import { dispatcher as defaultDispatcher } from '../../dispatcher.js';
import type { ConsoleAnswerer } from './session.js';
import { answeredRequest } from '../../core/answered.js';
import type { TeamMemory } from '../../core/team-memory.js';
import { DEFAULT_SETTINGS, preferencesOf } from '../../core/settings.js';

/** Who clicks on the console: the only person there. */
const CONSOLE_USER = 'console';

/** Where the console's settings live: what `settings set` without --discord/--slack writes. */
const CONSOLE_PLACE = { platform: 'console', workspaceId: 'local' } as const;

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
    summary: t(locale, 'reply.entryCount', { count: lexicon.entries.length }),
    locale,
    async answerLine(line: string): Promise<Reply> {
      const started = performance.now();
      // The console's own settings (`npm run -s lexicon -- settings set …`): the language shown first,
      // the citation style and the UI language (over LANG); read anew each line, so a change applies at once.
      const settings = memory ? await memory.settingsFor(CONSOLE_PLACE) : DEFAULT_SETTINGS;
      const inLocale = settings.uiLanguage ?? locale;
      // "/frobnicate" is an unknown command; "frobnicate" is a term to look up; "what is ARF" a question.
      const read = readTextLine(dispatcher, line);
      if ('error' in read) return dispatcher.dispatch(lexicon, { command: '', options: {}, locale: inLocale });
      const reply = answerRead(dispatcher, lexicon, { ...read, request: { ...read.request, preferences: preferencesOf(settings) } }, undefined, inLocale);
      memory?.record(answeredRequest({ surface: 'console' }, read.request.command, read.request.options, reply, performance.now() - started));
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
