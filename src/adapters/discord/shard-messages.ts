/**
 * What a shard process tells the sharding manager over IPC. A shard that cannot start says why in
 * one line, so `npm run start:sharded` prints that line instead of every shard's stack trace.
 */

/** A shard's start-up failure, sent to the manager before the shard exits. */
export interface ShardStartFailure {
  type: 'lexicon-shard-start-failure';
  line: string;
}

/** Build the message for a failure line. */
export function shardStartFailure(line: string): ShardStartFailure {
  return { type: 'lexicon-shard-start-failure', line };
}

/** Whether an IPC message is a shard's start-up failure. */
export function isShardStartFailure(message: unknown): message is ShardStartFailure {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'lexicon-shard-start-failure' &&
    typeof (message as { line?: unknown }).line === 'string'
  );
}
