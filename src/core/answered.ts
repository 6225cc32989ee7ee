/**
 * What is recorded of an answer: the command, the words the asker typed as its term or query
 * (normalized; never message text from a context menu or shortcut, which surfaces do not pass
 * here), the kind of reply, the entry answered and how long it took.
 */
import type { AnsweredRequest } from './lookup-recorder.js';
import { blocksOf, type Reply } from './reply.js';

/** Where an answer was given. */
export interface AnswerOrigin {
  surface: string;
  workspaceId?: string | null | undefined;
  channelId?: string | null | undefined;
  userId?: string | null | undefined;
}

/** The option names whose values are what someone looked for. */
const LOOKED_FOR = ['term', 'query', 'first', 'second'] as const;

/** The record of one answer; `typed` are the options as the asker gave them (before normalization). */
export function answeredRequest(origin: AnswerOrigin, command: string, typed: Record<string, unknown>, reply: Reply, latencyMs: number): AnsweredRequest {
  const words = LOOKED_FOR.map((name) => typed[name]).filter((value): value is string | number => typeof value === 'string' || typeof value === 'number');
  return {
    surface: origin.surface,
    workspaceId: origin.workspaceId ?? null,
    channelId: origin.channelId ?? null,
    userId: origin.userId ?? null,
    command: command.replace(/^\//, '').toLowerCase().slice(0, 40) || 'help',
    query: words.length > 0 ? words.join(' / ') : null,
    replyKind: reply.kind,
    entryId: reply.entryId,
    suggestions: blocksOf(reply, 'suggestions').reduce((count, block) => count + block.suggestions.length, 0),
    latencyMs,
  };
}
