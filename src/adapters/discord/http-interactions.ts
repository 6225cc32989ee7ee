/**
 * Discord without a gateway: `POST /discord/interactions`, the application's Interactions Endpoint
 * URL. Each request is checked against the application's Ed25519 public key (401 otherwise), a PING
 * is answered with a PONG, and every other interaction goes through the same listener as the
 * gateway's (the same handler, dispatcher, button path and renderer). Nothing is kept between
 * requests, so any number of instances can run behind a load balancer.
 *
 * The handler speaks discord.js: it calls `interaction.reply()`, `deferUpdate()`, `respond()`…
 * Over HTTP the first of those must be the response to Discord's request, so the REST call that
 * discord.js makes for it (`POST /interactions/{id}/{token}/callback`) is taken here and written as
 * the HTTP response body instead; follow-ups and edits (`/webhooks/{application}/{token}/…`) go to
 * Discord's REST API as usual, with the interaction's token (no bot token is needed).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, DefaultRestOptions, Events, GatewayIntentBits, MessageFlags, Options, type Interaction } from 'discord.js';
import * as z from 'zod';
import { newErrorId, somethingWentWrong } from '../../core/errors.js';
import type { EventDeduper } from '../../core/event-dedupe.js';
import { interactionListener, type InteractionListenerOptions } from './listener.js';
import { NO_MENTIONS } from './render.js';
import { discordPublicKey, verifyDiscordSignature } from './signature.js';

/** Where Discord sends interactions (set as the Interactions Endpoint URL in the Developer Portal). */
export const INTERACTIONS_PATH = '/discord/interactions';
/** A cheap liveness answer on the same port, for a load balancer's health check. */
export const INTERACTIONS_HEALTH_PATH = '/healthz';
/** Interactions are small; anything much larger is not Discord. */
export const INTERACTION_BODY_LIMIT = 1_000_000;
/**
 * Discord waits 3 s for the response; a handler that has not answered by then gets a private
 * "something went wrong" in time rather than Discord's "The application did not respond".
 */
export const FIRST_RESPONSE_DEADLINE_MS = 2_500;

const INTERACTION_PING = 1;
const CALLBACK_CHANNEL_MESSAGE = 4;
const CALLBACK_PONG = 1;
const CALLBACK_ROUTE = /\/interactions\/(\d+)\/[^/]+\/callback$/;

/** What must hold before an interaction is handed on (discord.js reads the rest). */
const InteractionEnvelope = z
  .object({
    id: z.string().regex(/^\d{1,20}$/),
    application_id: z.string().regex(/^\d{1,20}$/),
    type: z.number().int().min(1).max(5),
    token: z.string().min(1).max(1000),
  })
  .passthrough();

export interface InteractionsEndpointOptions extends Omit<InteractionListenerOptions, 'deduper'> {
  /** The application's public key (64 hexadecimal characters). */
  publicKey: string;
  /** Interactions already handled (one delivered twice is answered once, across instances with the store). */
  deduper: EventDeduper;
  /** REST settings for follow-ups: `api` is the base URL (a test's fake Discord). */
  rest?: { api?: string; globalRequestsPerSecond?: number };
}

export interface InteractionsEndpoint {
  /** The Node request listener (mountable on any HTTP server). */
  readonly requestListener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Listen on a port (0 picks one); resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  ready(): boolean;
  close(): Promise<void>;
}

/** discord.js builds interactions from raw data in this (internal, stable since v12) action, as the gateway does. */
interface InteractionCreateAction {
  actions: { InteractionCreate: { handle(data: unknown): void } };
}

/** Build the endpoint; nothing listens until `listen`. */
export function createInteractionsEndpoint(options: InteractionsEndpointOptions): InteractionsEndpoint {
  const { logger } = options;
  const key = discordPublicKey(options.publicKey);
  /** Interactions waiting for their first response, by id. */
  const waiting = new Map<string, (body: unknown) => void>();
  const forward = DefaultRestOptions.makeRequest;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { ...NO_MENTIONS, repliedUser: false },
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, GuildMemberManager: 0, UserManager: 0, PresenceManager: 0 }),
    rest: {
      // Interaction endpoints (the callback taken here, follow-ups with the interaction's token) are
      // not bound by Discord's global rate limit, and this client makes no other request: without
      // this, discord.js would hold every answer to its default 50 requests a second.
      globalRequestsPerSecond: 1_000_000,
      ...(options.rest ?? {}),
      // The first response of a waiting interaction becomes the HTTP response; everything else is sent.
      makeRequest: async (url, init) => {
        const id = CALLBACK_ROUTE.exec(new URL(url).pathname)?.[1];
        const respond = id === undefined ? undefined : waiting.get(id);
        if (id === undefined || !respond || typeof init.body !== 'string') return forward(url, init);
        waiting.delete(id);
        respond(JSON.parse(init.body));
        return new Response(null, { status: 204 });
      },
    },
  });
  // Deliveries are deduplicated here, before the listener, so that a duplicate gets its answer (409) at once.
  const { deduper: _deduper, ...listenerOptions } = options;
  const listener = interactionListener(listenerOptions);
  client.on(Events.InteractionCreate, (interaction: Interaction) => void listener(interaction));
  const build = (data: unknown) => (client as unknown as InteractionCreateAction).actions.InteractionCreate.handle(data);

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === INTERACTIONS_HEALTH_PATH) return send(res, 200, { ok: true });
    if (path !== INTERACTIONS_PATH) return send(res, 404, { error: 'not found' });
    if (req.method !== 'POST') return send(res, 405, { error: 'POST only' });
    const body = await readBody(req, INTERACTION_BODY_LIMIT);
    if (body === undefined) return send(res, 413, { error: 'body too large' });
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (!verifyDiscordSignature(key, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, body)) {
      logger.warn('Discord: interaction refused with 401: missing or bad signature');
      return send(res, 401, { error: 'invalid request signature' });
    }
    let parsed: z.infer<typeof InteractionEnvelope>;
    try {
      const result = InteractionEnvelope.safeParse(JSON.parse(body.toString('utf8')));
      if (!result.success) return send(res, 400, { error: 'not an interaction' });
      parsed = result.data;
    } catch {
      return send(res, 400, { error: 'not JSON' });
    }
    if (parsed.type === INTERACTION_PING) return send(res, 200, { type: CALLBACK_PONG });
    if (!(await options.deduper.firstSeen(parsed.id))) {
      logger.info('Discord: interaction already handled (delivered twice)', { interactionId: parsed.id });
      return send(res, 409, { error: 'interaction already handled' });
    }

    const first = new Promise<unknown>((resolve) => waiting.set(parsed.id, resolve));
    const deadline = setTimeout(() => {
      const respond = waiting.get(parsed.id);
      if (!respond) return;
      waiting.delete(parsed.id);
      const errorId = newErrorId();
      logger.error('Discord: no response to an interaction in time; told the person privately', { errorId, interactionId: parsed.id });
      respond({ type: CALLBACK_CHANNEL_MESSAGE, data: { content: somethingWentWrong(errorId), flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS } });
    }, FIRST_RESPONSE_DEADLINE_MS);
    try {
      build(parsed);
    } catch (error) {
      // discord.js could not build it (a kind it does not know): say so rather than time out.
      const errorId = newErrorId();
      logger.error('Discord: could not read an interaction', { errorId, interactionId: parsed.id, type: parsed.type, error });
      waiting.get(parsed.id)?.({ type: CALLBACK_CHANNEL_MESSAGE, data: { content: somethingWentWrong(errorId), flags: MessageFlags.Ephemeral } });
      waiting.delete(parsed.id);
    }
    const response = await first;
    clearTimeout(deadline);
    send(res, 200, response);
  };

  const requestListener = (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res).catch((error: unknown) => {
      logger.error('Discord: the interactions endpoint failed', { errorId: newErrorId(), error });
      if (!res.headersSent) send(res, 500, { error: 'internal error' });
    });
  };

  let server: Server | undefined;
  let listening = false;
  return {
    requestListener,
    async listen(port, host) {
      const started = createServer(requestListener);
      server = started;
      await new Promise<void>((resolve, reject) => {
        started.once('error', reject);
        started.listen(port, host, () => {
          started.off('error', reject);
          resolve();
        });
      });
      listening = true;
      return (started.address() as AddressInfo).port;
    },
    ready: () => listening,
    async close() {
      listening = false;
      const running = server;
      if (running) {
        running.closeIdleConnections();
        await new Promise<void>((resolve) => running.close(() => resolve()));
      }
      await client.destroy();
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The raw body (the signature covers its exact bytes), or undefined past `limit` bytes. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
