/**
 * Answers with memory: the lexicon never changes while the bot runs, so the reply to a request (and
 * its rendered payload) is computed once and reused. Kept per process, so nothing breaks across
 * shards: a cache miss just recomputes.
 */
import type { CommandRequest, Reply } from '../../core/reply.js';
import type { Lexicon } from '../../core/lexicon.js';
import { AnswerCache } from '../../core/answer-cache.js';
import type { Dispatcher } from '../../core/dispatch.js';
import { dispatcher as defaultDispatcher } from '../../dispatcher.js';
import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { renderReply, type DiscordPayload } from './render.js';
import type { PageLinker } from '../../web/links.js';
import { termChoices } from './autocomplete.js';
import { MAX_QUERY_LENGTH } from '../../core/options.js';
import { referenceOf } from '../../core/entry-views.js';
import { noteAnswer } from '../../core/request-context.js';
import type { AnswerPreferences } from '../../core/settings.js';
import { DEFAULT_LOCALE, type Locale } from '../../i18n/locale.js';

/** How many requests' answers to remember by default. */
export const DEFAULT_ANSWER_CACHE_SIZE = 500;

/** A payload whose embeds and rows are already API JSON: discord.js sends them without re-walking them. */
export type EncodedPayload = Omit<DiscordPayload, 'embeds' | 'components'> & {
  embeds: { toJSON(): DiscordPayload['embeds'][number] }[];
  components: { toJSON(): DiscordPayload['components'][number] }[];
};

/** Wrap a rendered payload so discord.js takes its parts as they are (no snake-casing walk, no builders). */
export function encoded(payload: DiscordPayload): EncodedPayload {
  return {
    ...payload,
    embeds: payload.embeds.map((embed) => ({ toJSON: () => embed })),
    components: payload.components.map((row) => ({ toJSON: () => row })),
  };
}

export interface Answers {
  /** The core's reply to a request, shaped by the team's preferences, in a locale (English by default; throws what a handler throws). */
  reply(request: CommandRequest, preferences?: AnswerPreferences, locale?: Locale): Reply;
  /** The reply rendered for the asker alone (`private`) or for everyone (`public`: no "Post to channel", footnotes shown). */
  rendered(request: CommandRequest, audience: 'private' | 'public', preferences?: AnswerPreferences, locale?: Locale): { reply: Reply; payload: EncodedPayload };
  /** Autocomplete choices for a term typed so far. */
  choices(typed: string): ApplicationCommandOptionChoiceData<string>[];
  /** Compute these answers ahead of time in a locale (English by default), a few at a time, yielding to interactions in between. */
  warm(requests: CommandRequest[], locale?: Locale): Promise<void>;
  /**
   * Compute the common answers (`commonRequests`) in a locale, once per locale: English at start-up,
   * another language when its first reader asks. Resolves with how many were computed (0 when this
   * locale was warmed already or is being warmed).
   */
  warmLocale(locale: Locale): Promise<number>;
  /** How many replies are remembered. */
  readonly size: number;
}

/** What users pick most: `/define` of every entry and section, as autocomplete fills them in. */
export function commonRequests(lexicon: Lexicon): CommandRequest[] {
  return lexicon.entries.flatMap((entry) => [
    { command: 'define', options: { term: referenceOf({ entryId: entry.id }) } },
    ...entry.sections
      .filter((section) => section.heading !== null)
      .map((section) => ({ command: 'define', options: { term: referenceOf({ entryId: entry.id, sectionId: section.id }) } })),
  ]);
}

/** Answers over `lexicon`, remembering the last `cacheSize` requests (0: remember nothing). */
export function createAnswers(lexicon: Lexicon, cacheSize = DEFAULT_ANSWER_CACHE_SIZE, dispatcher: Dispatcher = defaultDispatcher, links?: PageLinker): Answers {
  const replies = new AnswerCache<Reply>(cacheSize);
  const payloads = new AnswerCache<EncodedPayload>(cacheSize);
  const choices = new AnswerCache<ApplicationCommandOptionChoiceData<string>[]>(cacheSize);
  const warmedLocales = new Set<Locale>();

  // Answers are remembered per locale and preferences: the same request asked in Japanese is another answer.
  const reply = (request: CommandRequest, preferences: AnswerPreferences = {}, locale: Locale = DEFAULT_LOCALE): Reply => {
    const answer = replies.get(keyOf(request, preferences, locale), () =>
      dispatcher.dispatch(lexicon, { command: request.command, options: request.options, preferences, locale, ...(request.page !== undefined ? { page: request.page } : {}) }),
    );
    noteAnswer(answer.kind, answer.entryId);
    return answer;
  };

  return {
    reply,
    rendered(request, audience, preferences = {}, locale = DEFAULT_LOCALE) {
      const answer = reply(request, preferences, locale);
      const payload = payloads.get(`${audience === 'private' ? 's' : 'p'}${keyOf(request, preferences, locale)}`, () => encoded(renderReply(answer, { kind: audience }, links)));
      return { reply: answer, payload };
    },
    get size() {
      return replies.size;
    },
    async warm(requests, locale = DEFAULT_LOCALE) {
      for (const request of requests.slice(0, cacheSize)) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        this.rendered(request, 'private', {}, locale);
      }
    },
    async warmLocale(locale) {
      if (warmedLocales.has(locale)) return 0;
      warmedLocales.add(locale);
      const requests = commonRequests(lexicon);
      await this.warm(requests, locale);
      return Math.min(requests.length, cacheSize);
    },
    choices: (typed) => {
      // Only the first MAX_QUERY_LENGTH characters count, so a long paste is not kept whole.
      const query = typed.slice(0, MAX_QUERY_LENGTH);
      return choices.get(query, () => termChoices(lexicon, query));
    },
  };
}

function keyOf(request: CommandRequest, preferences: AnswerPreferences, locale: Locale): string {
  const options = Object.keys(request.options)
    .sort()
    .map((key) => [key, request.options[key]]);
  // The same request answers differently with another language first or citation style.
  const shaped = preferences.language || preferences.citation ? [preferences.language ?? '', preferences.citation ?? ''] : [];
  return JSON.stringify([request.command, options, request.page ?? 1, locale, ...shaped]);
}
