/**
 * Button state lives in the button itself (Discord custom_id, Slack action value), so a click is
 * served by any process, shard or instance, even after a restart. This codec packs an action (its
 * kind and the request it replays) into a short string; `MAX_ACTION_STATE_LENGTH` is Discord's
 * custom_id limit, the tighter of the two platforms, and a surface with more room passes its own.
 * Whether the state still means what it meant when the button was made is for the one button path
 * (`buttons.ts`) to decide.
 */
import * as z from 'zod';
import type { ActionKind, CommandRequest, ReplyAction } from './reply.js';

/** Discord's custom_id limit, the tighter of the two platforms. */
export const MAX_ACTION_STATE_LENGTH = 100;

const PREFIX = 'lx2';
/** States made before action kinds were renamed: `define` and `expand` both answered privately. */
const LEGACY_PREFIX = 'lx1';
const LEGACY_KINDS: Record<string, ActionKind> = { define: 'open', expand: 'open' };

const KINDS = ['share', 'sources', 'prev', 'next', 'open'] as const satisfies readonly ActionKind[];

const StateSchema = z.tuple([
  z.union([z.literal(PREFIX), z.literal(LEGACY_PREFIX)]),
  z.string(),
  z.string().min(1).max(40),
  z.record(z.string().max(40), z.union([z.string().max(1000), z.number().finite()])),
  z.number().int().min(1).max(10_000).optional(),
]);

/** Encode an action (its kind and the request it replays) as a string of at most `maxLength` characters. */
export function encodeActionState(action: Pick<ReplyAction, 'kind' | 'request'>, maxLength = MAX_ACTION_STATE_LENGTH): string {
  const { command, options, page } = action.request;
  const packed = JSON.stringify(page === undefined ? [PREFIX, action.kind, command, options] : [PREFIX, action.kind, command, options, page]);
  if (packed.length > maxLength) {
    throw new Error(`Action state too long (${packed.length} > ${maxLength}): ${packed.slice(0, 60)}…`);
  }
  return packed;
}

/** Decode a string from a button; undefined when it is not ours or is malformed. */
export function decodeActionState(state: string): { kind: ActionKind; request: CommandRequest } | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(state);
  } catch {
    return undefined;
  }
  const parsed = StateSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const [prefix, rawKind, command, options, page] = parsed.data;
  const kind = (KINDS as readonly string[]).includes(rawKind) && !(prefix === LEGACY_PREFIX && rawKind === 'open') ? (rawKind as ActionKind) : prefix === LEGACY_PREFIX ? LEGACY_KINDS[rawKind] : undefined;
  if (!kind) return undefined;
  return { kind, request: page === undefined ? { command, options } : { command, options, page } };
}
