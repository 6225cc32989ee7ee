/**
 * Button state lives in the button itself (Discord custom_id, Slack action value), so a click is
 * served by any process, shard or instance, even after a restart. This codec packs a
 * CommandRequest into a short string (at most 100 characters, Discord's custom_id limit).
 */
import { z } from 'zod';
import type { CommandRequest, ReplyAction } from './reply.js';

/** Discord's custom_id limit, the tighter of the two platforms. */
export const MAX_ACTION_STATE_LENGTH = 100;

const PREFIX = 'lx1';

const StateSchema = z.tuple([
  z.literal(PREFIX),
  z.enum(['share', 'sources', 'prev', 'next', 'expand', 'define']),
  z.string().min(1),
  z.record(z.string(), z.union([z.string(), z.number()])),
  z.number().int().min(1).optional(),
]);

/** Encode an action (its kind and the request it replays) as a compact string. */
export function encodeActionState(action: Pick<ReplyAction, 'kind' | 'request'>): string {
  const { command, options, page } = action.request;
  const packed = JSON.stringify(page === undefined ? [PREFIX, action.kind, command, options] : [PREFIX, action.kind, command, options, page]);
  if (packed.length > MAX_ACTION_STATE_LENGTH) {
    throw new Error(`Action state too long (${packed.length} > ${MAX_ACTION_STATE_LENGTH}): ${packed.slice(0, 60)}…`);
  }
  return packed;
}

/** Decode a string from a button; undefined when it is not ours or is malformed. */
export function decodeActionState(state: string): { kind: ReplyAction['kind']; request: CommandRequest } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(state);
  } catch {
    return undefined;
  }
  const parsed = StateSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const [, kind, command, options, page] = parsed.data;
  return { kind, request: page === undefined ? { command, options } : { command, options, page } };
}
