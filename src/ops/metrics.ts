/**
 * The Prometheus metrics of the bot (prom-client), in one registry served at /metrics. Each metric
 * is defined here once; the code that observes it imports it.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The registry /metrics serves. */
export const registry = new Registry();
// Process figures (resident memory, CPU, event-loop lag, heap) under the usual names.
collectDefaultMetrics({ register: registry });

/** Answered requests by surface, command, reply kind and outcome. */
export const requestsTotal = new Counter({
  name: 'lexicon_requests_total',
  help: 'Requests answered, by surface, command, reply kind and outcome (answered, failed, limited).',
  labelNames: ['surface', 'command', 'kind', 'outcome'] as const,
  registers: [registry],
});

/** Time from a request's arrival to its answer being sent. */
export const requestDuration = new Histogram({
  name: 'lexicon_request_duration_seconds',
  help: 'Time to answer a request, by surface and command.',
  labelNames: ['surface', 'command'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** Failures shown to a person as "something went wrong" (with an error id). */
export const requestErrors = new Counter({
  name: 'lexicon_request_errors_total',
  help: 'Requests that failed unexpectedly, by surface.',
  labelNames: ['surface'] as const,
  registers: [registry],
});

/** Requests refused by a rate limit. */
export const rateLimited = new Counter({
  name: 'lexicon_rate_limited_total',
  help: 'Requests refused by a rate limit, by limit (command, public post) and scope (user, channel).',
  labelNames: ['limit', 'scope'] as const,
  registers: [registry],
});

/** Answer-cache look-ups. */
export const answerCacheLookups = new Counter({
  name: 'lexicon_answer_cache_lookups_total',
  help: 'Answer cache look-ups, by surface and result (hit, miss).',
  labelNames: ['surface', 'result'] as const,
  registers: [registry],
});

let heartbeatSource: (() => number) | undefined;

/** Discord's gateway heartbeat round trip, as discord.js measures it, read when scraped. */
export const discordHeartbeat = new Gauge({
  name: 'lexicon_discord_gateway_heartbeat_seconds',
  help: 'Latest Discord gateway heartbeat round trip.',
  registers: [registry],
  collect() {
    if (heartbeatSource) this.set(heartbeatSource());
  },
});

/** Where the heartbeat gauge reads from (the running Discord client's ping, in seconds). */
export function measureDiscordHeartbeat(source: () => number): void {
  heartbeatSource = source;
}

/** Socket Mode reconnections. */
export const slackSocketReconnects = new Counter({
  name: 'lexicon_slack_socket_reconnects_total',
  help: 'Slack Socket Mode reconnections.',
  registers: [registry],
});

/** For the storage: time of database queries. */
export const databaseDuration = new Histogram({
  name: 'lexicon_database_query_duration_seconds',
  help: 'Database query time, by operation.',
  labelNames: ['operation'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [registry],
});

/** For the storage: writes that failed. */
export const databaseFailedWrites = new Counter({
  name: 'lexicon_database_failed_writes_total',
  help: 'Database writes that failed, by operation.',
  labelNames: ['operation'] as const,
  registers: [registry],
});
