/**
 * A fake Slack on 127.0.0.1: the Web API (`/api/<method>`, as @slack/web-api calls it) and
 * response_url endpoints (`/response/<id>`). It records every call and answers like Slack, so a real
 * Bolt app can be driven end to end without leaving the machine.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as the app made it; JSON-valued arguments (blocks, view) are parsed. */
export interface ApiCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
}

/** One POST to a response_url. */
export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
}

type ApiAnswer = Record<string, unknown> | ((args: Record<string, unknown>) => Record<string, unknown>);

const JSON_ARGS = new Set(['blocks', 'view', 'attachments', 'metadata']);

export const FAKE_BOT_USER_ID = 'UBOT0LEX';
export const FAKE_TEAM_ID = 'T0FAKE';

/** A workspace (or, with `orgWide`, an Enterprise Grid organization) the app can be installed in through OAuth. */
export interface FakeWorkspace {
  /** The workspace; for an org-wide install, the organization's id goes in `enterpriseId` and this is unused. */
  teamId: string;
  enterpriseId?: string;
  /** Installed on the whole organization (Enterprise Grid). */
  orgWide?: boolean;
  /** The bot token oauth.v2.access hands out for this install. */
  botToken: string;
  botUserId?: string;
}

export class FakeSlack {
  readonly apiCalls: ApiCall[] = [];
  readonly responseUrlCalls: ResponseUrlCall[] = [];
  /** Web socket URL that apps.connections.open hands out (Socket Mode tests set it). */
  socketUrl: string | undefined;
  private readonly answers = new Map<string, ApiAnswer>();
  /** OAuth codes Slack would put on the redirect, by the install they stand for. */
  private readonly installs = new Map<string, FakeWorkspace>();
  private readonly delays = new Map<string, number>();
  private responseUrlStatus = 200;
  private server: Server | undefined;
  private port = 0;
  private waiters: (() => void)[] = [];

  /** Base URL for WebClient's `slackApiUrl`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response_url the fake records posts to. */
  responseUrl(id = 'r1'): string {
    return `http://127.0.0.1:${this.port}/response/${id}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(
        ({ status, body }) => {
          res.writeHead(status, { 'content-type': 'application/json' });
          res.end(JSON.stringify(body));
        },
        (error: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        },
      );
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Answer a Web API method with this body (or a function of the call's arguments). */
  answer(method: string, answer: ApiAnswer): void {
    this.answers.set(method, answer);
  }

  /** Answer a Web API method only after `ms` (a slow Slack, a request still in flight). */
  delay(method: string, ms: number): void {
    this.delays.set(method, ms);
  }

  /**
   * Let the app be installed in a workspace: returns the OAuth code Slack would hand to the
   * redirect URL after the person approved; oauth.v2.access exchanges it for the workspace's bot
   * token, and auth.test with that token answers for that workspace.
   */
  addWorkspace(workspace: FakeWorkspace): string {
    const code = `code-${workspace.orgWide ? (workspace.enterpriseId ?? 'E') : workspace.teamId}-${this.installs.size}`;
    this.installs.set(code, workspace);
    return code;
  }

  /** Make every response_url post answer this HTTP status (e.g. 404 for an expired URL). */
  failResponseUrls(status: number): void {
    this.responseUrlStatus = status;
  }

  /** Forget recorded calls and custom answers (between tests). */
  reset(): void {
    this.apiCalls.length = 0;
    this.responseUrlCalls.length = 0;
    this.answers.clear();
    this.delays.clear();
    this.responseUrlStatus = 200;
  }

  /** Calls of one Web API method, in order. */
  callsOf(method: string): ApiCall[] {
    return this.apiCalls.filter((call) => call.method === method);
  }

  /** Wait until `check` holds (re-checked on every recorded call), or fail after `timeoutMs` (generous: the machine may be busy). */
  async waitFor<T>(check: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('FakeSlack.waitFor: timed out');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/response/')) {
      this.responseUrlCalls.push({ id: url.pathname.slice('/response/'.length), body: JSON.parse(raw) as Record<string, unknown> });
      this.notify();
      return { status: this.responseUrlStatus, body: { ok: this.responseUrlStatus === 200 } };
    }
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const args = parseArgs(raw, req.headers['content-type'] ?? '');
      const auth = req.headers.authorization;
      const token = typeof args.token === 'string' ? args.token : auth?.replace(/^Bearer /, '');
      this.apiCalls.push({ method, args, token });
      this.notify();
      const delay = this.delays.get(method);
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      return { status: 200, body: this.answerFor(method, args, token) };
    }
    return { status: 404, body: { ok: false, error: 'unknown_path' } };
  }

  /** oauth.v2.access: the code for the client's credentials, as Slack answers it (once per code). */
  private exchange(args: Record<string, unknown>): Record<string, unknown> {
    const workspace = typeof args.code === 'string' ? this.installs.get(args.code) : undefined;
    if (!workspace) return { ok: false, error: 'invalid_code' };
    if (typeof args.client_id !== 'string' || typeof args.client_secret !== 'string') return { ok: false, error: 'invalid_client_id' };
    this.installs.delete(String(args.code));
    // The token stays known to auth.test under a key no code can take.
    this.installs.set(`token:${workspace.botToken}`, workspace);
    const orgWide = workspace.orgWide === true;
    return {
      ok: true,
      app_id: 'A0FAKE',
      authed_user: { id: 'U0INSTALLER' },
      scope: 'commands,chat:write',
      token_type: 'bot',
      access_token: workspace.botToken,
      bot_user_id: workspace.botUserId ?? FAKE_BOT_USER_ID,
      team: orgWide ? null : { id: workspace.teamId, name: `Team ${workspace.teamId}` },
      enterprise: workspace.enterpriseId ? { id: workspace.enterpriseId, name: `Org ${workspace.enterpriseId}` } : null,
      is_enterprise_install: orgWide,
    };
  }

  private answerFor(method: string, args: Record<string, unknown>, token: string | undefined): Record<string, unknown> {
    const custom = this.answers.get(method);
    if (custom) return typeof custom === 'function' ? custom(args) : custom;
    switch (method) {
      case 'oauth.v2.access':
        return this.exchange(args);
      case 'auth.test': {
        const installed = [...this.installs.values()].find((workspace) => workspace.botToken === token);
        if (installed) {
          return {
            ok: true,
            user_id: installed.botUserId ?? FAKE_BOT_USER_ID,
            bot_id: `B${installed.teamId}`,
            team_id: installed.orgWide ? undefined : installed.teamId,
            enterprise_id: installed.enterpriseId,
            is_enterprise_install: installed.orgWide === true,
            url: `https://${installed.teamId.toLowerCase()}.slack.test/`,
          };
        }
        return { ok: true, user_id: FAKE_BOT_USER_ID, bot_id: 'B0FAKE', team_id: FAKE_TEAM_ID, user: 'lexicon' };
      }
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'invalid_auth' };
      case 'chat.postMessage':
        return { ok: true, channel: args.channel, ts: `${Date.now() / 1000}`, message: { text: args.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${Date.now() / 1000}` };
      case 'users.info':
        // Slack's own default; a test answers another locale with `answer('users.info', …)`.
        return { ok: true, user: { id: args.user, ...(args.include_locale ? { locale: 'en-US' } : {}) } };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
      case 'views.push':
        return { ok: true, view: { id: 'V0FAKE', ...(args.view as object) } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = JSON_ARGS.has(key) ? JSON.parse(value) : value;
  }
  return args;
}
