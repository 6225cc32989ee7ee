/**
 * Who may read the reading room. The document is marked "not for citation or wide circulation", so
 * pages are never public by default: the links the bot puts in chat carry a signed, expiring token
 * (HMAC-SHA256 over the expiry time, keyed with WEB_SECRET). `WEB_ACCESS=open` turns the check off
 * for operators who put the reading room behind their own authentication.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';

/** What the reading room needs to know from the configuration, resolved once. */
export interface WebSettings {
  access: 'token' | 'open';
  /** The HMAC key. */
  secret: Buffer;
  /** True when WEB_SECRET is unset and this process made up its own key (links die with the process). */
  ephemeralSecret: boolean;
  /** Where people open the reading room, without a trailing slash: "https://lexicon.example.org". */
  publicUrl: string;
  /** How long a link the bot makes stays valid. */
  linkTtlMs: number;
}

/** The name of the query parameter that carries a token. */
export const TOKEN_PARAMETER = 't';

/** Distinguishes these MACs from any other use of the same secret. */
const TOKEN_CONTEXT = 'lexicon-reading-room:v1:';

/** Expiry times are rounded up to the hour, so answers (and their links) stay identical for an hour. */
const EXPIRY_GRANULARITY_MS = 3_600_000;

/** A key made up by this process when WEB_SECRET is unset: every link of this process shares it. */
let processSecret: Buffer | undefined;

/** The reading room's settings from a validated configuration. */
export function webSettings(config: Config, listeningPort?: number): WebSettings {
  const configured = config.WEB_SECRET;
  const port = listeningPort ?? config.PORT;
  return {
    access: config.WEB_ACCESS,
    secret: configured ? Buffer.from(configured, 'utf8') : (processSecret ??= randomBytes(32)),
    ephemeralSecret: !configured,
    publicUrl: config.WEB_PUBLIC_URL ?? `http://localhost:${port}`,
    linkTtlMs: config.WEB_LINK_TTL_HOURS * 3_600_000,
  };
}

function mac(secret: Buffer, expiresAtSeconds: number): string {
  return createHmac('sha256', secret).update(`${TOKEN_CONTEXT}${expiresAtSeconds}`).digest('base64url');
}

/** A token valid until at least `now + ttl`: "<expiry in Unix seconds>.<base64url HMAC>". */
export function signToken(settings: Pick<WebSettings, 'secret' | 'linkTtlMs'>, now = Date.now()): string {
  const expiresAtMs = Math.ceil((now + settings.linkTtlMs) / EXPIRY_GRANULARITY_MS) * EXPIRY_GRANULARITY_MS;
  const expiresAt = Math.floor(expiresAtMs / 1000);
  return `${expiresAt}.${mac(settings.secret, expiresAt)}`;
}

/** What a token says. */
export type TokenCheck =
  | { ok: true; expiresAt: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'forged' | 'expired' };

/** Check a token's signature and expiry (constant-time comparison of the MAC). */
export function verifyToken(secret: Buffer, token: string | undefined, now = Date.now()): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: 'malformed' };
  const expiresAt = Number(match[1]);
  const given = Buffer.from(match[2] ?? '', 'base64url');
  const expected = Buffer.from(mac(secret, expiresAt), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  if (expiresAt * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, expiresAt };
}

/**
 * The address of a reading-room page as the bot shares it: the public URL, the path, a fresh token
 * (unless access is open) and the anchor. `path` starts with "/"; `anchor` has no "#".
 */
export function readingRoomUrl(settings: WebSettings, path: string, anchor?: string, now = Date.now()): string {
  const url = new URL(settings.publicUrl + path);
  if (settings.access === 'token') url.searchParams.set(TOKEN_PARAMETER, signToken(settings, now));
  if (anchor) url.hash = anchor;
  return url.href;
}
