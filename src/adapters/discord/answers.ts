/**
 * Answers with memory: the lexicon never changes while the bot runs, so the reply to a request (and
 * its rendered payload) is computed once and reused. Kept per process, so nothing breaks across
 * shards: a cache miss just recomputes.
 */
import type { CommandRequest, Reply } from '../../core/reply.js';
import type { Lexicon } from '../../core/lexicon.js';
import { dispatch } from '../../core/dispatch.js';
import { renderReply, type DiscordPayload } from './render.js';

const CACHE_LIMIT = 500;

export interface Answers {
  /** The core's reply to a request (throws what a handler throws). */
  reply(request: CommandRequest): Reply;
  /** The reply rendered for the asker, with buttons (`shareable: false` drops "Post to channel"). */
  interactive(request: CommandRequest, shareable: boolean): { reply: Reply; payload: DiscordPayload };
}

/** Answers over `lexicon`, remembering the last CACHE_LIMIT requests. */
export function createAnswers(lexicon: Lexicon): Answers {
  const replies = new Map<string, Reply>();
  const payloads = new Map<string, DiscordPayload>();

  const remember = <T>(cache: Map<string, T>, key: string, make: () => T): T => {
    const hit = cache.get(key);
    if (hit !== undefined) {
      // Refresh its place so the least recently used entry is evicted first.
      cache.delete(key);
      cache.set(key, hit);
      return hit;
    }
    const value = make();
    cache.set(key, value);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    return value;
  };

  const reply = (request: CommandRequest): Reply =>
    remember(replies, keyOf(request), () => dispatch(lexicon, { command: request.command, options: request.options, ...(request.page !== undefined ? { page: request.page } : {}) }));

  return {
    reply,
    interactive(request, shareable) {
      const answer = reply(request);
      const payload = remember(payloads, `${shareable ? 's' : 'p'}${keyOf(request)}`, () => renderReply(answer, { kind: 'interactive', shareable }));
      return { reply: answer, payload };
    },
  };
}

function keyOf(request: CommandRequest): string {
  const options = Object.keys(request.options)
    .sort()
    .map((key) => [key, request.options[key]]);
  return JSON.stringify([request.command, options, request.page ?? 1]);
}
