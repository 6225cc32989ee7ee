/**
 * A small fake Discord on 127.0.0.1: the REST routes (/api/v10) and the gateway (ws) that a real
 * discord.js Client uses, with a record of every request so tests can assert on what the bot sent.
 * It serves shard-aware READY payloads, answers RESUME, can inject 429s and force reconnects.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { apiMessage, apiGuild, type FakeGuild } from './payloads.js';

/** One HTTP request the bot made, with its parsed JSON body. */
export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, e.g. "/interactions/1/tok/callback". */
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingMessage['headers'];
  at: number;
  /** The HTTP status the fake answered with. */
  status: number;
}

/** A gateway connection that identified (or resumed) as a shard. */
export interface GatewaySession {
  ws: WebSocket;
  sessionId: string;
  shard: [id: number, count: number];
  seq: number;
  open: boolean;
}

interface InjectedFailure {
  match: (method: string, path: string) => boolean;
  status: number;
  retryAfterSeconds: number;
  remaining: number;
}

type Waiter = { predicate: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void };

export interface FakeDiscordOptions {
  /** Guilds the bot is in; each goes to the shard `(id >> 22) % shardCount`. */
  guilds?: FakeGuild[];
  /** What GET /gateway/bot recommends. */
  recommendedShards?: number;
  heartbeatIntervalMs?: number;
  /** Quiet mode for benchmarks: keep no request log (waiters still fire). */
  record?: boolean;
}

/** A bot token whose first segment encodes the application id, as Discord's do. */
export function fakeToken(applicationId: string): string {
  return `${Buffer.from(applicationId).toString('base64').replace(/=+$/, '')}.fake.${randomBytes(16).toString('hex')}`;
}

export class FakeDiscord {
  readonly applicationId = '1180000000000000001';
  readonly token = fakeToken(this.applicationId);
  readonly requests: RecordedRequest[] = [];
  readonly sessions: GatewaySession[] = [];
  /** Every IDENTIFY and RESUME received, in order. */
  readonly gatewayLog: { op: 'identify' | 'resume'; shard?: [number, number]; sessionId?: string }[] = [];
  readonly guilds: FakeGuild[];

  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly failures: InjectedFailure[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly knownSessions = new Map<string, GatewaySession>();
  private readonly options: Required<Omit<FakeDiscordOptions, 'guilds'>>;
  private nextId = 1_200_000_000_000_000_000n;

  private constructor(options: FakeDiscordOptions) {
    this.guilds = options.guilds ?? [{ id: '1100000000000000001', name: 'Workshop', channelId: '1100000000000000101' }];
    this.options = {
      recommendedShards: options.recommendedShards ?? 1,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      record: options.record ?? true,
    };
    this.server = createServer((req, res) => void this.handleHttp(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.handleGateway(ws));
  }

  /** Start listening on an ephemeral port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What to give discord.js as `rest.api` (discord.js appends /v10). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** A fresh snowflake, increasing. */
  snowflake(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  /** The shard a guild belongs to, by Discord's formula. */
  static shardOf(guildId: string, shardCount: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
  }

  /** Answer the next `times` requests matching with `status` (429 by default) and a retry-after. */
  failNext(match: (method: string, path: string) => boolean, options: { times?: number; status?: number; retryAfterSeconds?: number } = {}): void {
    this.failures.push({ match, status: options.status ?? 429, retryAfterSeconds: options.retryAfterSeconds ?? 0.2, remaining: options.times ?? 1 });
  }

  /** Resolve with the first request (already recorded or future) that matches. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs = 5_000, since = 0): Promise<RecordedRequest> {
    const existing = this.requests.slice(since).find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (request) => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(request);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`FakeDiscord: no matching request within ${timeoutMs} ms; saw ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** Send a gateway dispatch on the session serving `shardId` (the open one). */
  dispatch(type: string, data: unknown, shardId = 0): void {
    const session = this.sessions.find((s) => s.open && s.shard[0] === shardId);
    if (!session) throw new Error(`FakeDiscord: no open session for shard ${shardId}`);
    this.send(session, { op: 0, t: type, d: data });
  }

  /** Push an INTERACTION_CREATE to the shard that serves its guild (shard 0 for DMs). */
  pushInteraction(interaction: object): void {
    const open = this.sessions.filter((s) => s.open);
    const count = open[0]?.shard[1] ?? 1;
    const guildId = 'guild_id' in interaction && typeof interaction.guild_id === 'string' ? interaction.guild_id : undefined;
    const shardId = guildId ? FakeDiscord.shardOf(guildId, count) : 0;
    this.dispatch('INTERACTION_CREATE', interaction, shardId);
  }

  /**
   * Break a shard's connection the way networks do: 'drop' terminates the socket (the client should
   * RESUME), 'reconnect' sends opcode 7 (Discord asking the client to reconnect and resume).
   */
  forceReconnect(shardId = 0, how: 'drop' | 'reconnect' = 'drop'): void {
    const session = this.sessions.find((s) => s.open && s.shard[0] === shardId);
    if (!session) throw new Error(`FakeDiscord: no open session for shard ${shardId}`);
    session.open = false;
    if (how === 'drop') session.ws.terminate();
    else session.ws.send(JSON.stringify({ op: 7, d: null }));
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- REST ----

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    // Arrival time: the whole request is in, before the fake spends any time parsing it.
    const at = performance.now();
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: unknown = undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const request: RecordedRequest = { method, path, query: url.searchParams, body, headers: req.headers, at, status: 0 };

    const failure = this.failures.find((f) => f.remaining > 0 && f.match(method, path));
    if (failure) {
      failure.remaining -= 1;
      request.status = failure.status;
      this.record(request);
      res.writeHead(failure.status, {
        'content-type': 'application/json',
        'retry-after': String(failure.retryAfterSeconds),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset-after': String(failure.retryAfterSeconds),
        'x-ratelimit-scope': 'user',
      });
      res.end(JSON.stringify({ message: 'You are being rate limited.', retry_after: failure.retryAfterSeconds, global: false }));
      return;
    }

    const [status, payload] = this.route(method, path, body);
    request.status = status;
    this.record(request);
    if (payload === undefined) {
      res.writeHead(status).end();
    } else {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    }
  }

  private record(request: RecordedRequest): void {
    if (this.options.record) this.requests.push(request);
    for (const waiter of [...this.waiters]) if (waiter.predicate(request)) waiter.resolve(request);
  }

  private route(method: string, path: string, body: unknown): [number, unknown] {
    const parts = path.split('/').filter(Boolean);
    const bodyObject = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (method === 'GET' && path === '/gateway/bot') {
      return [200, { url: this.gatewayUrl, shards: this.options.recommendedShards, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 16 } }];
    }
    if (method === 'GET' && path === '/gateway') return [200, { url: this.gatewayUrl }];
    if (method === 'POST' && parts[0] === 'interactions' && parts[3] === 'callback') return [204, undefined];
    if (parts[0] === 'webhooks' && parts.length >= 3) {
      const channelId = this.guilds[0]?.channelId ?? '1';
      if (method === 'POST' && parts.length === 3) return [200, apiMessage(this.snowflake(), channelId, this.applicationId, bodyObject)];
      if (method === 'PATCH' || method === 'GET') return [200, apiMessage(parts[4] === '@original' ? this.snowflake() : (parts[4] ?? this.snowflake()), channelId, this.applicationId, bodyObject)];
      if (method === 'DELETE') return [204, undefined];
    }
    if (parts[0] === 'applications' && method === 'PUT') {
      const commands = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
      const guildId = parts[2] === 'guilds' ? parts[3] : undefined;
      return [200, commands.map((command) => ({ ...command, id: this.snowflake(), application_id: parts[1], version: this.snowflake(), ...(guildId ? { guild_id: guildId } : {}) }))];
    }
    if (parts[0] === 'channels' && parts[2] === 'messages' && method === 'POST') {
      return [200, apiMessage(this.snowflake(), parts[1] ?? '0', this.applicationId, bodyObject)];
    }
    return [404, { message: 'Unknown route (fake Discord)', code: 0 }];
  }

  // ---- Gateway ----

  private handleGateway(ws: WebSocket): void {
    let session: GatewaySession | undefined;
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } }));
    ws.on('message', (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> | null };
      switch (packet.op) {
        case 1:
          ws.send(JSON.stringify({ op: 11, d: null }));
          break;
        case 2: {
          const shard = (packet.d?.shard as [number, number] | undefined) ?? [0, 1];
          session = { ws, sessionId: randomBytes(8).toString('hex'), shard, seq: 0, open: true };
          this.gatewayLog.push({ op: 'identify', shard });
          this.adopt(session);
          const guilds = this.guilds.filter((g) => FakeDiscord.shardOf(g.id, shard[1]) === shard[0]);
          this.send(session, {
            op: 0,
            t: 'READY',
            d: {
              v: 10,
              user: { id: this.applicationId, username: 'lexicon', discriminator: '0', global_name: null, avatar: null, bot: true },
              guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
              session_id: session.sessionId,
              resume_gateway_url: this.gatewayUrl,
              shard,
              application: { id: this.applicationId, flags: 0 },
            },
          });
          for (const guild of guilds) this.send(session, { op: 0, t: 'GUILD_CREATE', d: apiGuild(guild, this.applicationId) });
          break;
        }
        case 6: {
          const sessionId = String(packet.d?.session_id ?? '');
          const previous = this.knownSessions.get(sessionId);
          this.gatewayLog.push({ op: 'resume', sessionId });
          if (!previous) {
            ws.send(JSON.stringify({ op: 9, d: false }));
            break;
          }
          previous.open = false;
          session = { ...previous, ws, open: true };
          this.adopt(session);
          this.send(session, { op: 0, t: 'RESUMED', d: null });
          break;
        }
        default:
          break;
      }
    });
    ws.on('close', () => {
      if (session) session.open = false;
    });
  }

  private adopt(session: GatewaySession): void {
    this.knownSessions.set(session.sessionId, session);
    this.sessions.push(session);
  }

  private send(session: GatewaySession, packet: { op: number; t?: string; d: unknown }): void {
    session.seq += 1;
    session.ws.send(JSON.stringify(packet.op === 0 ? { ...packet, s: session.seq } : { ...packet, s: null, t: null }));
  }
}
